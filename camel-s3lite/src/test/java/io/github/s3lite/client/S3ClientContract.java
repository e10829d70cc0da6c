package io.github.s3lite.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client's contract against a real S3 server. Subclasses say which server: the embedded S3Proxy always,
 * MinIO through Testcontainers when a Docker engine exists.
 */
public abstract class S3ClientContract {

    protected S3LiteClient client;
    protected String bucket;

    protected abstract S3ClientConfig config();

    protected abstract String newBucket(String prefix);

    @BeforeEach
    void setUp() {
        client = new S3LiteClient(config());
        bucket = newBucket("contract");
    }

    @AfterEach
    void tearDown() {
        assertThat(client.leasedConnections()).as("connections leaked by the test").isZero();
        client.close();
    }

    static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    byte[] get(String key) throws Exception {
        try (GetObjectResponse r = client.getObject(bucket, key, GetOptions.NONE)) {
            return r.body().readAllBytes();
        }
    }

    @Test
    void binaryRoundTripKeepsEveryByte() throws Exception {
        byte[] data = randomBytes(1024 * 1024 + 13, 1);
        PutResult put = client.putObject(bucket, "bin/data.bin", RequestBody.of(data), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.MD5);
        assertThat(put.eTag()).isNotBlank();
        assertThat(get("bin/data.bin")).isEqualTo(data);
        ObjectInfo head = client.headObject(bucket, "bin/data.bin", null);
        assertThat(head.contentLength()).isEqualTo(data.length);
        assertThat(head.eTag()).isEqualTo(put.eTag());
    }

    @Test
    void fileRegionIsSentExactly() throws Exception {
        byte[] data = randomBytes(300_000, 2);
        java.nio.file.Path f = java.nio.file.Files.createTempFile("region", ".bin");
        java.nio.file.Files.write(f, data);
        client.putObject(bucket, "region", RequestBody.of(f, 1000, 200_000), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.CRC32C);
        assertThat(get("region")).isEqualTo(java.util.Arrays.copyOfRange(data, 1000, 201_000));
        java.nio.file.Files.delete(f);
    }

    @ParameterizedTest
    @ValueSource(strings = { "dir/a b+c%d=e&f.txt", "unicode/日本語-ü-é.bin", "emoji/😀 🚀.txt", "sym/x~y_z-!'()*,;:@$.txt",
            "q/what?is=this#frag", "plus+only", "trailing space " })
    void keysAreStoredExactlyAsGiven(String key) throws Exception {
        byte[] data = key.getBytes(StandardCharsets.UTF_8);
        client.putObject(bucket, key, RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        assertThat(get(key)).isEqualTo(data);
        List<String> listed = client.listAllObjects(bucket, null, 0).stream().map(S3ObjectSummary::key).toList();
        assertThat(listed).containsExactly(key);
        client.deleteObject(bucket, key);
        assertThatThrownBy(() -> client.headObject(bucket, key, null)).isInstanceOf(S3NotFoundException.class);
    }

    @Test
    void emptyObject() throws Exception {
        client.putObject(bucket, "empty", RequestBody.of(new byte[0]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        assertThat(get("empty")).isEmpty();
        assertThat(client.headObject(bucket, "empty", null).contentLength()).isZero();
    }

    @Test
    void rangedGet() throws Exception {
        byte[] data = randomBytes(1000, 3);
        client.putObject(bucket, "r", RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
        try (GetObjectResponse r = client.getObject(bucket, "r", new GetOptions("bytes=10-19", null, null))) {
            assertThat(r.body().readAllBytes()).isEqualTo(java.util.Arrays.copyOfRange(data, 10, 20));
            assertThat(r.info().contentRange()).isEqualTo("bytes 10-19/1000");
        }
    }

    @Test
    void conditionalRequests() throws Exception {
        PutResult put = client.putObject(bucket, "c", RequestBody.of(new byte[] { 1, 2, 3 }), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.MD5);
        try (GetObjectResponse r = client.getObject(bucket, "c", new GetOptions(null, null, put.eTag()))) {
            assertThat(r.notModified()).isTrue();
            assertThat(r.body()).isNull();
        }
        try (GetObjectResponse r = client.getObject(bucket, "c", new GetOptions(null, put.eTag(), null))) {
            assertThat(r.body().readAllBytes()).containsExactly(1, 2, 3);
        }
        assertThatThrownBy(() -> client.getObject(bucket, "c", new GetOptions(null, "\"0123456789abcdef0123456789abcdef\"", null)))
                .isInstanceOf(S3PreconditionFailedException.class)
                .satisfies(e -> assertThat(((S3Exception) e).getStatusCode()).isEqualTo(412))
                .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse());
    }

    @Test
    void listPaginatesPastOneThousandKeys() {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 1050; i++) {
            String k = String.format("page/k%05d", i);
            keys.add(k);
            client.putObject(bucket, k, RequestBody.of(new byte[] { (byte) i }), ObjectWriteOptions.DEFAULTS,
                    ChecksumAlgorithm.NONE);
        }
        ListPage first = client.listObjects(bucket, "page/", null, null, 0, null);
        assertThat(first.objects()).hasSize(1000);
        assertThat(first.nextContinuationToken()).isNotNull();
        List<String> all = client.listAllObjects(bucket, "page/", 0).stream().map(S3ObjectSummary::key).toList();
        assertThat(all).containsExactlyElementsOf(keys);

        DeleteObjectsResult del = client.deleteObjects(bucket, keys);
        assertThat(del.errors()).isEmpty();
        assertThat(del.deleted()).hasSize(1050);
        assertThat(client.listObjects(bucket, "page/", null, null, 0, null).objects()).isEmpty();
    }

    @Test
    void listWithDelimiterReturnsCommonPrefixes() {
        for (String k : List.of("a/1", "a/2", "b/1", "top")) {
            client.putObject(bucket, k, RequestBody.of(new byte[0]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
        }
        ListPage page = client.listObjects(bucket, null, "/", null, 0, null);
        assertThat(page.commonPrefixes()).containsExactly("a/", "b/");
        assertThat(page.objects()).extracting(S3ObjectSummary::key).containsExactly("top");
    }

    @Test
    void wrongSecretIsAccessDeniedAndPermanent() {
        S3ClientConfig good = config();
        Credentials real = good.credentials().credentials();
        S3ClientConfig bad = new S3ClientConfig(good.endpoint(), good.region(), good.pathStyle(),
                CredentialsProvider.of(new Credentials(real.accessKeyId(), "definitely-wrong-secret")), null, null, 0, null);
        try (S3LiteClient c = new S3LiteClient(bad)) {
            assertThatThrownBy(() -> c.putObject(bucket, "x", RequestBody.of(new byte[1]), ObjectWriteOptions.DEFAULTS,
                    ChecksumAlgorithm.MD5))
                    .isInstanceOf(S3AccessDeniedException.class)
                    .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse())
                    .satisfies(e -> assertThat(((S3Exception) e).getStatusCode()).isEqualTo(403))
                    .hasMessageNotContaining("definitely-wrong-secret")
                    .hasMessageNotContaining(real.secretAccessKey());
        }
    }

    @Test
    void missingKeyAndBucketAreNotFound() {
        assertThatThrownBy(() -> client.getObject(bucket, "nope", GetOptions.NONE)).isInstanceOf(S3NotFoundException.class)
                .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("NoSuchKey"));
        assertThat(client.bucketExists(bucket)).isTrue();
        assertThat(client.bucketExists("no-such-bucket-" + System.nanoTime())).isFalse();
    }

    @Test
    void presignedGetAndPutWorkWithAPlainHttpClient() throws Exception {
        byte[] data = "hello presigned".getBytes(StandardCharsets.UTF_8);
        client.putObject(bucket, "pre/sign me.txt", RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        String url = client.presignGet(bucket, "pre/sign me.txt", Duration.ofMinutes(5));
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<byte[]> ok = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).isEqualTo(data);

        String sig = url.substring(url.indexOf("X-Amz-Signature=") + 16);
        String tampered = url.replace("X-Amz-Signature=" + sig, "X-Amz-Signature=" + (sig.charAt(0) == 'a' ? 'b' : 'a') + sig.substring(1));
        HttpResponse<byte[]> bad = http.send(HttpRequest.newBuilder(URI.create(tampered)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(bad.statusCode()).isEqualTo(403);
        String otherKey = url.replace("sign%20me", "sign%20you");
        assertThat(http.send(HttpRequest.newBuilder(URI.create(otherKey)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(403);

        String putUrl = client.presignPut(bucket, "pre/uploaded.bin", Duration.ofMinutes(5), null);
        byte[] up = randomBytes(5000, 4);
        HttpResponse<Void> put = http.send(HttpRequest.newBuilder(URI.create(putUrl))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(up)).build(), HttpResponse.BodyHandlers.discarding());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(get("pre/uploaded.bin")).isEqualTo(up);
    }

    @Test
    void presignRejectsLifetimesOutsideOneSecondToSevenDays() {
        assertThatThrownBy(() -> client.presignGet(bucket, "k", Duration.ofDays(8)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 days");
        assertThatThrownBy(() -> client.presignGet(bucket, "k", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void multipartUploadRoundTrip() throws Exception {
        byte[] data = randomBytes((int) S3Limits.MIN_PART_SIZE + 1234, 5);
        String id = client.createMultipartUpload(bucket, "mp/big.bin",
                ObjectWriteOptions.DEFAULTS.withContentType("application/x-test").withMetadata(Map.of("owner", "team-a")));
        PartInfo p1 = client.uploadPart(bucket, "mp/big.bin", id, 1,
                new RequestBody.Bytes(data, 0, (int) S3Limits.MIN_PART_SIZE), ChecksumAlgorithm.MD5);
        PartInfo p2 = client.uploadPart(bucket, "mp/big.bin", id, 2,
                new RequestBody.Bytes(data, (int) S3Limits.MIN_PART_SIZE, 1234), ChecksumAlgorithm.MD5);
        List<PartInfo> listed = client.listParts(bucket, "mp/big.bin", id);
        assertThat(listed).extracting(PartInfo::partNumber).containsExactly(1, 2);
        assertThat(listed).extracting(PartInfo::size).containsExactly(S3Limits.MIN_PART_SIZE, 1234L);
        assertThat(client.listMultipartUploads(bucket, "mp/")).extracting(MultipartUploadInfo::uploadId).contains(id);
        PutResult done = client.completeMultipartUpload(bucket, "mp/big.bin", id, List.of(p1, p2), null);
        assertThat(done.eTag()).contains("-2");
        assertThat(get("mp/big.bin")).isEqualTo(data);
        ObjectInfo head = client.headObject(bucket, "mp/big.bin", null);
        assertThat(head.contentType()).isEqualTo("application/x-test");
        assertThat(head.userMetadata()).containsEntry("owner", "team-a");
        assertThat(client.listMultipartUploads(bucket, "mp/")).isEmpty();
    }

    @Test
    void abortRemovesTheUploadAndCompletingItThenFails() {
        String id = client.createMultipartUpload(bucket, "mp/aborted", ObjectWriteOptions.DEFAULTS);
        PartInfo p = client.uploadPart(bucket, "mp/aborted", id, 1, RequestBody.of(new byte[10]), ChecksumAlgorithm.MD5);
        client.abortMultipartUpload(bucket, "mp/aborted", id);
        assertThat(client.listMultipartUploads(bucket, null)).extracting(MultipartUploadInfo::uploadId).doesNotContain(id);
        assertThatThrownBy(() -> client.completeMultipartUpload(bucket, "mp/aborted", id, List.of(p), null))
                .isInstanceOf(S3NotFoundException.class)
                .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("NoSuchUpload"));
    }

    private String abortedUpload(String key) {
        String id = client.createMultipartUpload(bucket, key, ObjectWriteOptions.DEFAULTS);
        client.uploadPart(bucket, key, id, 1, RequestBody.of(new byte[10]), ChecksumAlgorithm.MD5);
        client.abortMultipartUpload(bucket, key, id);
        return id;
    }

    @Test
    void listPartsOfAnAbortedUploadIsNoSuchUpload() {
        String id = abortedUpload("mp/gone");
        // Ceph RGW 16 answers NoSuchKey here; the client reports what it means, NoSuchUpload
        assertThatThrownBy(() -> client.listParts(bucket, "mp/gone", id))
                .isInstanceOf(S3NotFoundException.class)
                .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("NoSuchUpload"));
    }

    @Test
    void uploadPartToAnAbortedUploadIsNoSuchUpload() {
        String id = abortedUpload("mp/gone-part");
        assertThatThrownBy(() -> client.uploadPart(bucket, "mp/gone-part", id, 2, RequestBody.of(new byte[10]),
                ChecksumAlgorithm.MD5))
                .isInstanceOf(S3NotFoundException.class)
                .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("NoSuchUpload"));
    }

    @Test
    void copyKeepsOrReplacesMetadata() throws Exception {
        client.putObject(bucket, "src/a b.txt", RequestBody.of("copy me".getBytes(StandardCharsets.UTF_8)),
                new ObjectWriteOptions("text/plain", null, null, null, Map.of("k", "v"), null, null), ChecksumAlgorithm.MD5);
        client.copyObject(bucket, "src/a b.txt", bucket, "dst/same.txt", null);
        ObjectInfo same = client.headObject(bucket, "dst/same.txt", null);
        assertThat(same.userMetadata()).containsEntry("k", "v");
        assertThat(get("dst/same.txt")).isEqualTo("copy me".getBytes(StandardCharsets.UTF_8));

        CopyResult c = client.copyObject(bucket, "src/a b.txt", bucket, "dst/new.txt",
                new ObjectWriteOptions("text/markdown", null, null, null, Map.of("k2", "v2"), null, null));
        assertThat(c.eTag()).isNotBlank();
        ObjectInfo replaced = client.headObject(bucket, "dst/new.txt", null);
        assertThat(replaced.contentType()).startsWith("text/markdown");
        assertThat(replaced.userMetadata()).containsEntry("k2", "v2").doesNotContainKey("k");
    }

    @Test
    void putWithIfNoneMatchStarRefusesToOverwrite() {
        client.putObject(bucket, "once", RequestBody.of(new byte[] { 1 }), ObjectWriteOptions.DEFAULTS.withIfNoneMatch("*"),
                ChecksumAlgorithm.MD5);
        assertThatThrownBy(() -> client.putObject(bucket, "once", RequestBody.of(new byte[] { 2 }),
                ObjectWriteOptions.DEFAULTS.withIfNoneMatch("*"), ChecksumAlgorithm.MD5))
                .isInstanceOf(S3PreconditionFailedException.class);
    }

    @Test
    void clockSkewIsCorrectedByOneResign() throws Exception {
        Clock oneHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
        try (S3LiteClient skewed = new S3LiteClient(config(), oneHourAhead)) {
            skewed.putObject(bucket, "skew", RequestBody.of(new byte[] { 7 }), ObjectWriteOptions.DEFAULTS,
                    ChecksumAlgorithm.MD5);
            assertThat(skewed.clockOffsetMillis()).isBetween(-3_700_000L, -3_500_000L);
            // the learned offset is kept: the next request is signed right the first time
            assertThat(skewed.headObject(bucket, "skew", null).contentLength()).isEqualTo(1);
        }
    }

    @Test
    void closingABodyEarlyReleasesTheConnection() throws Exception {
        client.putObject(bucket, "big", RequestBody.of(randomBytes(2_000_000, 6)), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.NONE);
        for (int i = 0; i < 40; i++) {
            GetObjectResponse r = client.getObject(bucket, "big", GetOptions.NONE);
            assertThat(r.body().read(new byte[100])).isPositive();
            r.close();
        }
        assertThat(client.leasedConnections()).isZero();
    }
}
