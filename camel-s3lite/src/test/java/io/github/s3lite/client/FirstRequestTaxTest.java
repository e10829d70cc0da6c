package io.github.s3lite.client;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.AwsRulesFake;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.upload.CheckpointStore;
import io.github.s3lite.upload.MultipartUploader;
import io.github.s3lite.upload.UploadProgress;
import io.github.s3lite.upload.UploadSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No first-request tax (issue 15 point 2): with {@code AUTO} the first large body of a client is checksummed once,
 * with the algorithm the store verifies, not with Content-MD5 and CRC32C both. A large single PUT is preceded by
 * a tiny aborted multipart upload that learns it ({@link ChecksumProbe}); a multipart upload whose
 * CreateMultipartUpload answer echoes the CRC32C declaration sends every part with CRC32C alone (a part the store
 * does not verify then goes again with Content-MD5), otherwise its first part decides, alone. Checked on S3Proxy
 * (verifies CRC32C), a fake with AWS's rules (CRC32C), an RGW-like fake that ignores CRC32C (Content-MD5) and one
 * that echoes the declaration but ignores part checksums, with SHA-256 of what was stored.
 */
class FirstRequestTaxTest {

    static final long MIB = 1024 * 1024;
    static Path dir;
    static Path big;
    static ExecutorService pool;

    @BeforeAll
    static void data() throws Exception {
        dir = Files.createTempDirectory("s3lite-firsttax");
        big = dir.resolve("big.bin");
        byte[] b = new byte[(int) (17 * MIB + 5)];
        new SplittableRandom(15).nextBytes(b);
        Files.write(big, b);
        pool = Executors.newCachedThreadPool();
    }

    @AfterAll
    static void clean() throws Exception {
        pool.shutdownNow();
        Files.deleteIfExists(big);
        Files.delete(dir);
    }

    static String sha(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    static S3LiteClient client(URI endpoint, Credentials creds) {
        return new S3LiteClient(S3ClientConfig.of(endpoint, "us-east-1", true, CredentialsProvider.of(creds)));
    }

    static RequestBody bigBody() throws Exception {
        return RequestBody.of(big, 0, Files.size(big));
    }

    @Test
    void aLargeFirstPutOnS3ProxyIsChecksummedOnceWithCrc32c() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("firsttax");
        try (FaultProxy proxy = new FaultProxy(s3.endpoint()); S3LiteClient c = client(proxy.endpoint(), s3.credentials())) {
            c.putObject(bucket, "big", bigBody(), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            List<FaultProxy.Seen> seen = proxy.seen();
            assertThat(seen).extracting(s -> s.method() + (s.target().contains("uploads") ? " uploads"
                    : s.target().contains("partNumber=") ? " part" : s.target().contains("uploadId=") ? " upload" : ""))
                    .containsExactly("POST uploads", "PUT part", "DELETE upload", "PUT");
            assertThat(seen.get(1).contentLength()).isEqualTo(ChecksumProbe.PROBE_BYTES);
            FaultProxy.Seen put = seen.get(3);
            assertThat(put.hasHeader("x-amz-checksum-crc32c")).isTrue();
            assertThat(put.hasHeader("content-md5")).as("the big body carries one checksum").isFalse();
            assertThat(c.flexibleChecksums()).isTrue();
            assertThat(c.listMultipartUploads(bucket, null)).as("the probe upload is gone").isEmpty();
            try (var r = c.getObject(bucket, "big", GetOptions.NONE)) {
                assertThat(sha(r.body().readAllBytes())).isEqualTo(sha(Files.readAllBytes(big)));
            }
            // the next large PUT of this client: no probe
            proxy.clear();
            c.putObject(bucket, "big2", bigBody(), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            assertThat(proxy.seen()).extracting(FaultProxy.Seen::method).containsExactly("PUT");
        }
    }

    @Test
    void awsRulesGetCrc32cAndAStoreIgnoringItGetsContentMd5Only() throws Exception {
        try (AwsRulesFake aws = new AwsRulesFake(true); S3LiteClient c = client(aws.endpoint(), new Credentials("a", "b"))) {
            c.putObject("bucket", "big", bigBody(), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            AwsRulesFake.Request put = aws.requests().get(aws.requests().size() - 1);
            assertThat(put.method()).isEqualTo("PUT");
            assertThat(put.query()).doesNotContainKey("partNumber");
            assertThat(put.header("x-amz-checksum-crc32c")).isNotNull();
            assertThat(put.header("content-md5")).isNull();
            assertThat(sha(put.body())).isEqualTo(sha(Files.readAllBytes(big)));
            assertThat(aws.requests()).filteredOn(r -> r.method().equals("DELETE")).hasSize(1);
        }
        try (AwsRulesFake rgw = new AwsRulesFake(false); S3LiteClient c = client(rgw.endpoint(), new Credentials("a", "b"))) {
            c.putObject("bucket", "big", bigBody(), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            AwsRulesFake.Request put = rgw.requests().get(rgw.requests().size() - 1);
            assertThat(put.header("content-md5")).as("a store that ignores CRC32C gets Content-MD5").isNotNull();
            assertThat(put.header("x-amz-checksum-crc32c")).isNull();
            assertThat(c.flexibleChecksums()).isFalse();
        }
    }

    @Test
    void aProbeThatFailsLeavesTheOldNegotiation() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("firsttax-refused");
        try (FaultProxy proxy = new FaultProxy(s3.endpoint()); S3LiteClient c = client(proxy.endpoint(), s3.credentials())) {
            // multipart uploads forbidden (a policy allowing PutObject only, say): the PUT negotiates on itself
            proxy.rule(s -> s.method().equals("POST") ? new FaultProxy.Respond(403, "AccessDenied") : FaultProxy.PASS);
            c.putObject(bucket, "big", bigBody(), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            FaultProxy.Seen put = proxy.seen().get(proxy.seen().size() - 1);
            assertThat(put.hasHeader("content-md5")).isTrue();
            assertThat(put.hasHeader("x-amz-checksum-crc32c")).isTrue();
            assertThat(c.flexibleChecksums()).isTrue();
        }
    }

    /** A 4-part AUTO upload of {@code big} to {@code key}. */
    static void upload(S3LiteClient c, String bucket, String key) throws java.io.IOException {
        new MultipartUploader(c, pool, CheckpointStore.NONE,
                new MultipartUploader.Settings(5 * MIB, 4, 1L << 40, ChecksumAlgorithm.AUTO), UploadProgress.NONE)
                .upload(bucket, key, UploadSource.FileSource.of(big), ObjectWriteOptions.DEFAULTS);
    }

    /** A 4-part AUTO upload of {@code big} to bucket/{@code key} of {@code fake}; returns the UploadPart requests. */
    static List<AwsRulesFake.Request> uploadParts(AwsRulesFake fake, S3LiteClient c, String key)
            throws java.io.IOException {
        fake.clear();
        upload(c, "bucket", key);
        return fake.requests().stream().filter(AwsRulesFake.Request::isUploadPart).toList();
    }

    @Test
    void onAStoreEchoingTheDeclarationNoPartCarriesContentMd5AndNoneWaitsForAnother() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("firsttax-mpu");
        CountDownLatch secondPart = new CountDownLatch(1);
        boolean[] overlapped = new boolean[1];
        try (FaultProxy proxy = new FaultProxy(s3.endpoint()); S3LiteClient c = client(proxy.endpoint(), s3.credentials())) {
            proxy.rule(s -> {
                if (s.isUploadPart() && s.target().contains("partNumber=1&")) {
                    // part 1 is held until another part arrives: only parts sent without waiting for it get past
                    try {
                        overlapped[0] = secondPart.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                } else if (s.isUploadPart()) {
                    secondPart.countDown();
                }
                return FaultProxy.PASS;
            });
            upload(c, bucket, "mpu");
            List<FaultProxy.Seen> parts = proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).toList();
            assertThat(parts).hasSize(4);
            assertThat(parts).as("parts with Content-MD5").noneMatch(p -> p.hasHeader("content-md5"));
            assertThat(parts).allMatch(p -> p.hasHeader("x-amz-checksum-crc32c"));
            assertThat(overlapped[0]).as("another part sent while part 1 was unanswered").isTrue();
            assertThat(c.flexibleChecksums()).isTrue();
            try (var r = c.getObject(bucket, "mpu", GetOptions.NONE)) {
                assertThat(sha(r.body().readAllBytes())).isEqualTo(sha(Files.readAllBytes(big)));
            }
        }
    }

    @Test
    void withAwsRulesThePartsCarryCrc32cOnlyAndTheCompletionListsThem() throws Exception {
        try (AwsRulesFake aws = new AwsRulesFake(true); S3LiteClient c = client(aws.endpoint(), new Credentials("a", "b"))) {
            assertThat(uploadParts(aws, c, "mpu")).hasSize(4).allMatch(p -> p.header("x-amz-checksum-crc32c") != null
                    && p.header("content-md5") == null);
            assertThat(sha(aws.object("bucket", "mpu"))).isEqualTo(sha(Files.readAllBytes(big)));
        }
    }

    @Test
    void whereTheDeclarationIsNotEchoedTheFirstPartDecidesAndTheOthersCarryContentMd5Only() throws Exception {
        try (AwsRulesFake rgw = new AwsRulesFake(false); S3LiteClient c = client(rgw.endpoint(), new Credentials("a", "b"))) {
            List<AwsRulesFake.Request> parts = uploadParts(rgw, c, "mpu");
            assertThat(parts).hasSize(4);
            assertThat(parts.get(0).header("content-md5")).isNotNull();
            assertThat(parts.get(0).header("x-amz-checksum-crc32c")).as("the first part carries both").isNotNull();
            assertThat(parts.subList(1, 4)).allMatch(p -> p.header("content-md5") != null
                    && p.header("x-amz-checksum-crc32c") == null);
            assertThat(c.flexibleChecksums()).isFalse();
            assertThat(sha(rgw.object("bucket", "mpu"))).isEqualTo(sha(Files.readAllBytes(big)));
        }
    }

    @Test
    void aStoreEchoingTheDeclarationButIgnoringPartChecksumsGetsEveryPartWithContentMd5() throws Exception {
        try (AwsRulesFake liar = new AwsRulesFake(false); S3LiteClient c = client(liar.endpoint(), new Credentials("a", "b"))) {
            liar.echoDeclarationOnly(true);
            List<AwsRulesFake.Request> parts = uploadParts(liar, c, "mpu");
            assertThat(parts).as("at least one part went with CRC32C alone first")
                    .anyMatch(p -> p.header("content-md5") == null);
            for (int n = 1; n <= 4; n++) {
                String number = Integer.toString(n);
                assertThat(parts).as("part " + n + " sent with Content-MD5")
                        .anyMatch(p -> number.equals(p.query().get("partNumber")) && p.header("content-md5") != null);
            }
            assertThat(c.flexibleChecksums()).isFalse();
            assertThat(sha(liar.object("bucket", "mpu"))).isEqualTo(sha(Files.readAllBytes(big)));
            // the next upload of this client: Content-MD5 from the start, nothing sent twice
            assertThat(uploadParts(liar, c, "mpu2")).hasSize(4)
                    .allMatch(p -> p.header("content-md5") != null && p.header("x-amz-checksum-crc32c") == null);
        }
    }
}
