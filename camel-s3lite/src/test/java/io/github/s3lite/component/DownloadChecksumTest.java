package io.github.s3lite.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.zip.CRC32C;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FakeS3;
import io.github.s3lite.test.FakeS3.Response;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 point 10: downloaded bytes are checked against the object's checksum (downloadChecksumValidation). A
 * fake store reports checksums (S3Proxy and Ceph RGW 16 report none) and, in the attacks, serves bytes that do
 * not match them: the download must fail and leave no file.
 */
class DownloadChecksumTest {

    @TempDir
    Path tmp;
    private FakeS3 fake;
    private int routes;
    private CamelContext camel;
    private final byte[] data = new byte[200_000];
    private final byte[] corrupt;

    DownloadChecksumTest() {
        new Random(3).nextBytes(data);
        corrupt = data.clone();
        corrupt[123_456] ^= 1;
    }

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static String crc32c(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
    }

    private static String md5Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    /** Serves {@code body}, reporting the checksum of {@code data} when asked with x-amz-checksum-mode. */
    private void serve(byte[] body, String eTag, boolean reportChecksum) throws Exception {
        serve(body, eTag, reportChecksum, null, null);
    }

    /** Also answering the response header {@code encryptionHeader: encryption} (SSE-KMS, SSE-C) when given. */
    private void serve(byte[] body, String eTag, boolean reportChecksum, String encryptionHeader, String encryption)
            throws Exception {
        fake = new FakeS3(r -> {
            Response a = Response.of(200, body).header("ETag", eTag);
            if (encryptionHeader != null) {
                a.header(encryptionHeader, encryption);
            }
            if (reportChecksum && "ENABLED".equals(r.header("x-amz-checksum-mode"))) {
                a.header("x-amz-checksum-crc32c", crc32c(data)).header("x-amz-checksum-type", "FULL_OBJECT");
            }
            return a;
        });
        camel = new DefaultCamelContext();
        camel.start();
    }

    private String uri(String validation) {
        return "s3lite:bkt?operation=getObject&pathStyleAccess=true&accessKey=a&secretKey=b&endpoint=" + fake.endpoint()
                + (validation == null ? "" : "&downloadChecksumValidation=" + validation);
    }

    private Exchange toFile(String validation, Path target) {
        return camel.createProducerTemplate().request(uri(validation), e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "obj.bin");
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
        });
    }

    /** Reads the stream body inside the exchange (it is closed when the exchange completes). */
    private byte[] readStream(String validation) throws Exception {
        String from = "direct:read-" + routes++;
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(from).to(uri(validation)).process(e -> {
                    try (InputStream in = e.getMessage().getBody(InputStream.class)) {
                        e.getMessage().setBody(in.readAllBytes());
                    }
                });
            }
        });
        Exchange ex = camel.createProducerTemplate().request(from, e -> e.getMessage().setHeader(S3LiteConstants.KEY, "obj.bin"));
        if (ex.getException() != null) {
            throw ex.getException();
        }
        return ex.getMessage().getBody(byte[].class);
    }

    @Test
    void byDefaultAReportedChecksumIsVerifiedForFiles() throws Exception {
        serve(corrupt, "\"e1\"", true);
        Path target = tmp.resolve("f.bin");
        Exchange ex = toFile(null, target);
        assertThat(ex.getException()).isInstanceOf(S3TransientException.class).hasMessageContaining("CRC32C");
        assertThat(target).doesNotExist();
        try (var s = Files.list(tmp)) {
            assertThat(s).as("no temp file left either").isEmpty();
        }
    }

    @Test
    void byDefaultAReportedChecksumIsVerifiedForStreams() throws Exception {
        serve(corrupt, "\"e1\"", true);
        assertThatThrownBy(() -> readStream(null)).hasRootCauseInstanceOf(IOException.class)
                .hasStackTraceContaining("CRC32C of the bytes received");
    }

    @Test
    void aMatchingChecksumPasses() throws Exception {
        serve(data, "\"e1\"", true);
        Path target = tmp.resolve("ok.bin");
        assertThat(toFile(null, target).getException()).isNull();
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(readStream(null)).isEqualTo(data);
        // the file download asks on its HEAD, the stream on its GET
        assertThat(fake.requests()).filteredOn(r -> r.method().equals("HEAD") || r.header("If-Match") == null)
                .hasSize(2).allSatisfy(r -> assertThat(r.header("x-amz-checksum-mode")).isEqualTo("ENABLED"));
    }

    @Test
    void neverSkipsTheCheckAndDoesNotAskForChecksums() throws Exception {
        serve(corrupt, "\"e1\"", true);
        Path target = tmp.resolve("n.bin");
        assertThat(toFile("NEVER", target).getException()).isNull();
        assertThat(readStream("NEVER")).isEqualTo(corrupt);
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.header("x-amz-checksum-mode")).isNull());
    }

    @Test
    void alwaysVerifiesASinglePartETagAsMd5() throws Exception {
        serve(corrupt, "\"" + md5Hex(data) + "\"", false);
        Path target = tmp.resolve("md5.bin");
        assertThat(toFile("ALWAYS", target).getException()).isInstanceOf(S3TransientException.class)
                .hasMessageContaining("MD5");
        assertThat(target).doesNotExist();
        assertThatThrownBy(() -> readStream("ALWAYS")).hasRootCauseInstanceOf(IOException.class)
                .hasStackTraceContaining("MD5 (ETag) of the bytes received");
        // without ALWAYS the ETag is not taken for an MD5
        assertThat(toFile(null, target).getException()).isNull();
    }

    @Test
    void alwaysRefusesAnObjectWithNothingToVerifyBeforeFetchingIt() throws Exception {
        serve(data, "\"0123456789abcdef0123456789abcdef-3\"", false);
        Path target = tmp.resolve("mp.bin");
        Exchange ex = toFile("ALWAYS", target);
        assertThat(ex.getException()).isInstanceOf(S3Exception.class).hasMessageContaining("downloadChecksumValidation=ALWAYS");
        assertThat(((S3Exception) ex.getException()).isTransient()).isFalse();
        assertThat(fake.requests()).noneMatch(r -> r.method().equals("GET"));
    }

    /** An ETag of 32 hex digits that is not the MD5 of the bytes, as AWS gives SSE-KMS and SSE-C objects. */
    private static final String NOT_MD5 = "\"0123456789abcdef0123456789abcdef\"";

    @Test
    void alwaysVerifiesAnSseKmsObjectByItsStoredChecksumNotItsETag() throws Exception {
        serve(data, NOT_MD5, true, "x-amz-server-side-encryption", "aws:kms");
        Path target = tmp.resolve("kms.bin");
        Exchange ex = toFile("ALWAYS", target);
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.DOWNLOAD_VERIFIED_WITH)).isEqualTo("CRC32C");
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(readStream("ALWAYS")).isEqualTo(data);
    }

    @Test
    void alwaysRefusesAnEncryptedObjectWithoutAStoredChecksumClearlyAndBeforeFetchingIt() throws Exception {
        for (String[] sse : new String[][] { { "x-amz-server-side-encryption", "aws:kms" },
                { "x-amz-server-side-encryption", "aws:kms:dsse" },
                { "x-amz-server-side-encryption-customer-algorithm", "AES256" } }) {
            stop();
            serve(data, NOT_MD5, false, sse[0], sse[1]);
            Path target = tmp.resolve("enc.bin");
            Exchange ex = toFile("ALWAYS", target);
            // the old code took the ETag for an MD5: a transient "mismatch" on good bytes, after a GET
            assertThat(ex.getException()).as(sse[1]).isInstanceOf(S3Exception.class)
                    .hasMessageContaining("downloadChecksumValidation=ALWAYS").hasMessageContaining("encrypted")
                    .hasMessageContaining(sse[1]);
            assertThat(((S3Exception) ex.getException()).isTransient()).isFalse();
            assertThat(fake.requests()).noneMatch(r -> r.method().equals("GET"));
            assertThat(target).doesNotExist();
            // WHEN_AVAILABLE does not take the ETag for an MD5: the bytes arrive (checked for length, range and ETag)
            assertThat(toFile(null, target).getException()).isNull();
            assertThat(Files.readAllBytes(target)).isEqualTo(data);
            Files.delete(target);
        }
    }

    /** The parts of the composite object: 3 parts of {@code data} as AWS would have them (sizes add up to 200,000). */
    private static final int[] PARTS = { 80_000, 80_000, 40_000 };

    /** S3's composite CRC32C: the CRC32C of the parts' CRC32Cs (4 bytes each, big-endian), base64, then "-N". */
    private String compositeCrc32c() {
        ByteBuffer all = ByteBuffer.allocate(4 * PARTS.length);
        int off = 0;
        for (int size : PARTS) {
            CRC32C c = new CRC32C();
            c.update(data, off, size);
            all.putInt((int) c.getValue());
            off += size;
        }
        return crc32c(all.array()) + "-" + PARTS.length;
    }

    /**
     * A multipart object with a composite CRC32C (as AWS reports for s3lite's own multipart uploads) that serves
     * {@code body}; GetObjectAttributes lists the parts unless {@code attributesStatus} is an error status.
     */
    private void serveComposite(byte[] body, int attributesStatus) throws Exception {
        String composite = compositeCrc32c();
        fake = new FakeS3(r -> {
            if (r.path().contains("?attributes")) {
                if (attributesStatus != 200) {
                    return Response.of(attributesStatus, "<Error><Code>NotImplemented</Code></Error>".getBytes());
                }
                StringBuilder xml = new StringBuilder("<GetObjectAttributesResponse><ObjectParts><PartsCount>3</PartsCount>"
                        + "<IsTruncated>false</IsTruncated>");
                for (int i = 0; i < PARTS.length; i++) {
                    xml.append("<Part><PartNumber>").append(i + 1).append("</PartNumber><Size>").append(PARTS[i])
                            .append("</Size></Part>");
                }
                return Response.of(200, xml.append("</ObjectParts></GetObjectAttributesResponse>").toString().getBytes())
                        .header("Content-Type", "application/xml");
            }
            Response a = Response.of(200, body).header("ETag", "\"0123456789abcdef0123456789abcdef-3\"");
            if ("ENABLED".equals(r.header("x-amz-checksum-mode"))) {
                a.header("x-amz-checksum-crc32c", composite).header("x-amz-checksum-type", "COMPOSITE");
            }
            return a;
        });
        camel = new DefaultCamelContext();
        camel.start();
    }

    @Test
    void aCompositeChecksumIsVerifiedWithThePartSizesTheStoreGives() throws Exception {
        serveComposite(data, 200);
        Path target = tmp.resolve("composite.bin");
        Exchange ok = toFile(null, target);
        assertThat(ok.getException()).isNull();
        assertThat(ok.getMessage().getHeader(S3LiteConstants.DOWNLOAD_VERIFIED_WITH)).isEqualTo("CRC32C (composite of 3 parts)");
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(fake.requests()).filteredOn(r -> r.path().contains("?attributes")).singleElement()
                .satisfies(r -> assertThat(r.header("x-amz-object-attributes")).isEqualTo("ObjectParts"));
        // ALWAYS accepts it as verifiable now (it refused multipart objects without a full-object checksum)
        Files.delete(target);
        assertThat(toFile("ALWAYS", target).getException()).isNull();
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(readStream("ALWAYS")).isEqualTo(data);
    }

    @Test
    void aStreamBodyChecksACompositeChecksumToo() throws Exception {
        serveComposite(corrupt, 200);
        assertThatThrownBy(() -> readStream(null)).hasRootCauseInstanceOf(IOException.class)
                .hasStackTraceContaining("CRC32C (composite of 3 parts) of the bytes received");
    }

    @Test
    void aCompositeChecksumCatchesAFlippedByte() throws Exception {
        serveComposite(corrupt, 200);
        Path target = tmp.resolve("bad.bin");
        Exchange ex = toFile(null, target);
        // the old code skipped composite checksums: the corrupt bytes were renamed into place as a success
        assertThat(ex.getException()).isInstanceOf(S3TransientException.class)
                .hasMessageContaining("CRC32C (composite of 3 parts) of the bytes received");
        assertThat(target).doesNotExist();
    }

    @Test
    void aStoreWithoutGetObjectAttributesLeavesACompositeChecksumUnverifiedAsBefore() throws Exception {
        serveComposite(data, 501);
        Path target = tmp.resolve("plain.bin");
        Exchange ex = toFile(null, target);
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.DOWNLOAD_VERIFIED_WITH)).isNull();
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
    }
}
