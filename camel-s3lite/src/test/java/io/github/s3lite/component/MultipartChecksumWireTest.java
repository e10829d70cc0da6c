package io.github.s3lite.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.AwsRulesFake;
import io.github.s3lite.test.AwsRulesFake.Request;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 point 8 (and 5): the wire form of multipart uploads against a fake that enforces AWS S3's rules as the
 * API reference states them (CreateMultipartUpload declares {@code x-amz-checksum-algorithm}, UploadPart carries
 * {@code x-amz-checksum-crc32c}, CompleteMultipartUpload lists {@code <ChecksumCRC32C>} per part; conditions on
 * Complete), including a resumed upload; and a Ceph-RGW-16-like fake without flexible checksums, where AUTO keeps
 * using Content-MD5.
 */
class MultipartChecksumWireTest extends CamelTestSupport {

    static final int MIB = 1024 * 1024;
    static AwsRulesFake aws;
    static AwsRulesFake rgw;
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        aws = new AwsRulesFake(true);
        rgw = new AwsRulesFake(false);
        dir = Files.createTempDirectory("s3lite-wire");
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
        rgw.close();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    static S3ClientConfig config(AwsRulesFake fake) {
        return new S3ClientConfig(fake.endpoint(), "us-east-1", true,
                CredentialsProvider.of(new Credentials("AKIDFAKE", "fake-secret")), Duration.ofSeconds(5),
                Duration.ofSeconds(30), 8, null);
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        for (var e : List.of(java.util.Map.entry("aws", aws), java.util.Map.entry("rgw", rgw))) {
            S3LiteComponent component = new S3LiteComponent();
            component.getConfiguration().setEndpoint(e.getValue().endpoint().toString());
            component.getConfiguration().setPathStyleAccess(true);
            component.getConfiguration().setAccessKey("AKIDFAKE");
            component.getConfiguration().setSecretKey("fake-secret");
            context.addComponent(e.getKey(), component);
        }
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String mp = "?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=2";
                onException(S3TransientException.class).maximumRedeliveries(3).redeliveryDelay(20);
                from("direct:aws-auto").to("aws:bucket" + mp);
                from("direct:aws-crc").to("aws:bucket" + mp + "&checksumAlgorithm=CRC32C");
                from("direct:rgw-auto").to("rgw:bucket" + mp);
            }
        };
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    Exchange put(String route, Object body, String key) {
        return template.request(route, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
        });
    }

    static List<Request> of(AwsRulesFake fake, String key, java.util.function.Predicate<Request> p) {
        return fake.requests().stream().filter(r -> r.path().endsWith("/" + key)).filter(p).toList();
    }

    static String expectedComplete(byte[] data, int partSize) {
        StringBuilder sb = new StringBuilder("<CompleteMultipartUpload xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (int n = 1, off = 0; off < data.length; n++, off += partSize) {
            byte[] part = Arrays.copyOfRange(data, off, Math.min(data.length, off + partSize));
            sb.append("<Part><PartNumber>").append(n).append("</PartNumber><ETag>&quot;").append(md5Hex(part))
                    .append("&quot;</ETag><ChecksumCRC32C>").append(AwsRulesFake.crc32c(part)).append("</ChecksumCRC32C></Part>");
        }
        return sb.append("</CompleteMultipartUpload>").toString();
    }

    static String md5Hex(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void clientSpeaksTheAwsChecksumProtocolOnCreateUploadPartListPartsAndComplete() throws Exception {
        byte[] data = random(5 * MIB + 1000, 1);
        try (S3LiteClient c = new S3LiteClient(config(aws))) {
            aws.clear();
            String id = c.createMultipartUpload("bucket", "client/k.bin", ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.CRC32C);
            Request create = aws.requests().get(0);
            assertThat(create.header("x-amz-checksum-algorithm")).isEqualTo("CRC32C");
            assertThat(create.header("x-amz-checksum-type")).isEqualTo("COMPOSITE");

            PartInfo p1 = c.uploadPart("bucket", "client/k.bin", id, 1, new RequestBody.Bytes(data, 0, 5 * MIB),
                    ChecksumAlgorithm.CRC32C);
            PartInfo p2 = c.uploadPart("bucket", "client/k.bin", id, 2, new RequestBody.Bytes(data, 5 * MIB, 1000),
                    ChecksumAlgorithm.CRC32C);
            assertThat(p1.checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32C);
            assertThat(p1.checksum()).isEqualTo(AwsRulesFake.crc32c(Arrays.copyOf(data, 5 * MIB)));
            Request part = aws.requests().get(1);
            assertThat(part.header("x-amz-checksum-crc32c")).isEqualTo(p1.checksum());
            assertThat(part.header("content-md5")).isNull();

            assertThat(c.listParts("bucket", "client/k.bin", id)).extracting(PartInfo::checksum)
                    .containsExactly(p1.checksum(), p2.checksum());

            c.completeMultipartUpload("bucket", "client/k.bin", id, List.of(p1, p2), null, null);
            Request complete = aws.requests().get(aws.requests().size() - 1);
            assertThat(complete.bodyText()).isEqualTo(expectedComplete(data, 5 * MIB));
            assertThat(aws.object("bucket", "client/k.bin")).isEqualTo(data);
        }
    }

    @Test
    void autoChecksumMultipartAfterASinglePutLearnedCrc32cIsAcceptedByAws() throws Exception {
        aws.clear();
        assertThat(put("direct:aws-auto", random(1000, 2), "auto/small.bin").getException()).isNull();
        byte[] data = random(12 * MIB + 7, 3);
        Exchange ex = put("direct:aws-auto", data, "auto/big.bin");
        assertThat(ex.getException()).isNull();
        assertThat(aws.object("bucket", "auto/big.bin")).isEqualTo(data);
        assertThat(of(aws, "auto/big.bin", Request::isCreate)).singleElement()
                .satisfies(r -> assertThat(r.header("x-amz-checksum-algorithm")).isEqualTo("CRC32C"));
        assertThat(of(aws, "auto/big.bin", Request::isUploadPart)).hasSize(3)
                .allSatisfy(r -> assertThat(r.header("x-amz-checksum-crc32c")).isNotNull());
        assertThat(of(aws, "auto/big.bin", Request::isComplete)).singleElement()
                .satisfies(r -> assertThat(r.bodyText()).isEqualTo(expectedComplete(data, 5 * MIB)));
    }

    @Test
    void resumedFileUploadCompletesWithTheChecksumOfEveryPart() throws Exception {
        byte[] data = random(15 * MIB + 5, 4);
        Path file = dir.resolve("resume.bin");
        Files.write(file, data);
        aws.clear();
        AtomicInteger fails = new AtomicInteger();
        aws.failWith500(r -> r.isUploadPart() && "3".equals(r.query().get("partNumber")) && fails.getAndIncrement() == 0);
        try {
            Exchange ex = put("direct:aws-crc", file.toFile(), "resume/file.bin");
            assertThat(ex.getException()).isNull();
            assertThat(ex.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT, Integer.class)).isPositive();
        } finally {
            aws.failWith500(r -> false);
        }
        assertThat(aws.object("bucket", "resume/file.bin")).isEqualTo(data);
        assertThat(of(aws, "resume/file.bin", Request::isCreate)).hasSize(1);
        assertThat(of(aws, "resume/file.bin", Request::isComplete)).singleElement()
                .satisfies(r -> assertThat(r.bodyText()).isEqualTo(expectedComplete(data, 5 * MIB)));
    }

    @Test
    void resumedStreamUploadCompletesWithTheChecksumOfEveryPart() throws Exception {
        byte[] data = random(15 * MIB + 5, 5);
        aws.clear();
        AtomicInteger fails = new AtomicInteger();
        aws.failWith500(r -> r.isUploadPart() && "3".equals(r.query().get("partNumber")) && fails.getAndIncrement() == 0);
        try {
            // a stream cache (Camel's default): replayed from byte 0, parts 1 and 2 reused
            Exchange ex = put("direct:aws-crc", new java.io.ByteArrayInputStream(data), "resume/stream.bin");
            assertThat(ex.getException()).isNull();
        } finally {
            aws.failWith500(r -> false);
        }
        assertThat(aws.object("bucket", "resume/stream.bin")).isEqualTo(data);
        assertThat(of(aws, "resume/stream.bin", Request::isComplete)).singleElement()
                .satisfies(r -> assertThat(r.bodyText()).isEqualTo(expectedComplete(data, 5 * MIB)));
    }

    @Test
    void storeWithoutFlexibleChecksumsKeepsContentMd5AndListsNoChecksums() throws Exception {
        byte[] data = random(12 * MIB + 9, 6);
        rgw.clear();
        Exchange ex = put("direct:rgw-auto", data, "md5/big.bin");
        assertThat(ex.getException()).isNull();
        assertThat(rgw.object("bucket", "md5/big.bin")).isEqualTo(data);
        List<Request> parts = of(rgw, "md5/big.bin", Request::isUploadPart);
        assertThat(parts).hasSize(3).allSatisfy(r -> assertThat(r.header("content-md5")).isNotNull());
        // after the first (probing) part, Content-MD5 only
        assertThat(parts.stream().filter(r -> r.header("x-amz-checksum-crc32c") != null)).hasSizeLessThanOrEqualTo(2);
        assertThat(of(rgw, "md5/big.bin", Request::isComplete)).singleElement()
                .satisfies(r -> assertThat(r.bodyText()).doesNotContain("Checksum"));
    }

    @Test
    void conditionsGoOnCompleteUnquotedAndARefusedConditionLeavesNoUpload() throws Exception {
        byte[] old = random(100, 7);
        aws.putObject("bucket", "cond/k.bin", old);
        byte[] data = random(11 * MIB, 8);
        aws.clear();
        Exchange ex = template.request("direct:aws-auto", e -> {
            e.getMessage().setBody(data);
            e.getMessage().setHeader(S3LiteConstants.KEY, "cond/k.bin");
            e.getMessage().setHeader(S3LiteConstants.IF_MATCH, "\"" + md5Hex(old) + "\"");
        });
        assertThat(ex.getException()).isNull();
        assertThat(aws.object("bucket", "cond/k.bin")).isEqualTo(data);
        assertThat(of(aws, "cond/k.bin", Request::isComplete)).singleElement()
                .satisfies(r -> assertThat(r.header("if-match")).isEqualTo(md5Hex(old)));

        // the object exists: If-None-Match * refuses the write (on AWS at Complete, here already at the HEAD before it)
        ex = template.request("direct:aws-auto", e -> {
            e.getMessage().setBody(random(11 * MIB, 9));
            e.getMessage().setHeader(S3LiteConstants.KEY, "cond/k.bin");
            e.getMessage().setHeader(S3LiteConstants.IF_NONE_MATCH, "*");
        });
        assertThat(ex.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(aws.object("bucket", "cond/k.bin")).isEqualTo(data);
        assertThat(aws.openUploads()).isZero();
    }

    @Test
    void aStoreIgnoringConditionsOnCompleteIsCheckedBeforeCreate() throws Exception {
        byte[] old = random(100, 10);
        rgw.putObject("bucket", "cond/r.bin", old);
        rgw.clear();
        Exchange ex = template.request("direct:rgw-auto", e -> {
            e.getMessage().setBody(random(11 * MIB, 11));
            e.getMessage().setHeader(S3LiteConstants.KEY, "cond/r.bin");
            e.getMessage().setHeader(S3LiteConstants.IF_NONE_MATCH, "*");
        });
        assertThat(ex.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(rgw.object("bucket", "cond/r.bin")).isEqualTo(old);
        assertThat(of(rgw, "cond/r.bin", Request::isCreate)).as("refused before any part is sent").isEmpty();

        ex = template.request("direct:rgw-auto", e -> {
            e.getMessage().setBody(random(11 * MIB, 12));
            e.getMessage().setHeader(S3LiteConstants.KEY, "cond/r.bin");
            e.getMessage().setHeader(S3LiteConstants.IF_MATCH, "\"0123456789abcdef0123456789abcdef\"");
        });
        assertThat(ex.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(rgw.object("bucket", "cond/r.bin")).isEqualTo(old);
        assertThat(of(rgw, "cond/r.bin", Request::isCreate)).isEmpty();
    }
}
