package io.github.s3lite.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.zip.CRC32C;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FakeS3;
import io.github.s3lite.test.FakeS3.Request;
import io.github.s3lite.test.FakeS3.Response;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel ranged downloads against answers no real store gives (a small fake server): a store that ignores
 * {@code Range} and answers {@code 200} with the whole object, a {@code 206} for another range, a {@code 206} of
 * another version. The file must be one whole version (SHA-256) or not there.
 */
class ParallelDownloadHostileTest {

    private static final int MIB = 1024 * 1024;
    private static final int SIZE = 3 * MIB + 5; // 4 ranges of 1 MiB

    @TempDir
    Path tmp;

    private final byte[] v1 = bytes(1);
    private final byte[] v2 = bytes(2);
    private volatile byte[] current = v1;
    private volatile String currentETag = "\"etag-v1\"";
    private FakeS3 fake;
    private CamelContext camel;

    @AfterEach
    void stop() throws Exception {
        if (camel != null) {
            camel.stop();
        }
        if (fake != null) {
            fake.close();
        }
    }

    private static byte[] bytes(int seed) {
        byte[] b = new byte[SIZE];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    /** {@code {from, end}} of a {@code bytes=from-end} or {@code bytes=from-} header. */
    private static long[] range(String header) {
        String r = header.substring("bytes=".length());
        int dash = r.indexOf('-');
        long from = Long.parseLong(r.substring(0, dash));
        long end = dash == r.length() - 1 ? SIZE - 1 : Math.min(SIZE - 1, Long.parseLong(r.substring(dash + 1)));
        return new long[] {from, end};
    }

    /** As S3 answers: If-Match, Range with an exact Content-Range. */
    private Response honest(Request r) {
        String ifMatch = r.header("If-Match");
        if (ifMatch != null && !ifMatch.replace("\"", "").equals(currentETag.replace("\"", ""))) {
            return Response.of(412, new byte[0]);
        }
        if (r.method().equals("GET") && r.header("Range") != null) {
            long[] x = range(r.header("Range"));
            return Response.of(206, Arrays.copyOfRange(current, (int) x[0], (int) x[1] + 1)).header("ETag", currentETag)
                    .header("Content-Range", "bytes " + x[0] + "-" + x[1] + "/" + SIZE);
        }
        return Response.of(200, current).header("ETag", currentETag);
    }

    private void start(Function<Request, Response> handler) throws Exception {
        fake = new FakeS3(handler);
        camel = new DefaultCamelContext();
        camel.start();
    }

    private Exchange download(Path target) {
        return camel.createProducerTemplate().request("s3lite:bkt?operation=getObject&pathStyleAccess=true&accessKey=a"
                + "&secretKey=b&downloadPartSize=1MB&downloadConcurrency=2&endpoint=" + fake.endpoint(), e -> {
                    e.getMessage().setHeader(S3LiteConstants.KEY, "obj.bin");
                    e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
                });
    }

    private long gets(boolean ranged) {
        return fake.requests().stream().filter(r -> r.method().equals("GET") && (r.header("Range") != null) == ranged).count();
    }

    @Test
    void aStoreThatIgnoresRangesIsReadWithOneGet() throws Exception {
        start(r -> r.method().equals("GET") ? Response.of(200, current).header("ETag", currentETag) : honest(r));
        Path target = tmp.resolve("out/all.bin");
        Exchange ex = download(target);
        assertThat(ex.getException()).isNull();
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(v1));
        assertThat(gets(false)).as("one GET of the whole object after the ranged one was answered with 200").isEqualTo(1);
        assertThat(gets(true)).isBetween(1L, 2L);
        try (var s = Files.list(target.getParent())) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void a206ForAnotherRangeDiscardsEverythingAndFailsAfterThreeRounds() throws Exception {
        start(r -> {
            if (r.method().equals("GET") && r.header("Range") != null && range(r.header("Range"))[0] == MIB) {
                // one byte off: bytes 1048577-2097152 instead of 1048576-2097151
                return Response.of(206, Arrays.copyOfRange(current, MIB + 1, 2 * MIB + 1)).header("ETag", currentETag)
                        .header("Content-Range", "bytes " + (MIB + 1) + "-" + 2 * MIB + "/" + SIZE);
            }
            return honest(r);
        });
        Path target = tmp.resolve("out/off.bin");
        Exchange ex = download(target);
        assertThat(ex.getException()).isInstanceOf(S3TransientException.class).hasMessageContaining("three times")
                .hasMessageContaining("Content-Range");
        assertThat(target).doesNotExist();
        try (var s = Files.list(target.getParent())) {
            assertThat(s).as("temp files discarded, private folder removed").isEmpty();
        }
    }

    @Test
    void a206OfAnotherVersionStartsOverWithThatVersionNeverAMix() throws Exception {
        start(r -> {
            if (r.method().equals("GET") && r.header("Range") != null && range(r.header("Range"))[0] == 2L * MIB
                && current == v1) {
                // overwritten now, and this ranged GET ignores If-Match
                current = v2;
                currentETag = "\"etag-v2\"";
                long[] x = range(r.header("Range"));
                return Response.of(206, Arrays.copyOfRange(v2, (int) x[0], (int) x[1] + 1)).header("ETag", currentETag)
                        .header("Content-Range", "bytes " + x[0] + "-" + x[1] + "/" + SIZE);
            }
            return honest(r);
        });
        Path target = tmp.resolve("out/mix.bin");
        Exchange ex = download(target);
        assertThat(ex.getException()).isNull();
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(v2));
        assertThat(ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class)).isEqualTo("\"etag-v2\"");
    }

    private static String crc32c(byte[] b) {
        CRC32C c = new CRC32C();
        c.update(b);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
    }

    /** {@link #honest} that also reports the CRC32C of {@code current} to a HEAD with checksum mode. */
    private Response withCrc(Request r, Function<Request, Response> answer) {
        Response a = answer.apply(r);
        if (r.method().equals("HEAD") && "ENABLED".equals(r.header("x-amz-checksum-mode"))) {
            a.header("x-amz-checksum-crc32c", crc32c(current)).header("x-amz-checksum-type", "FULL_OBJECT");
        }
        return a;
    }

    @Test
    void rangesAreCheckedAgainstTheObjectsCrcCombinedFromTheirOwnCrcsAlsoAcrossACut() throws Exception {
        AtomicBoolean cut = new AtomicBoolean();
        start(r -> withCrc(r, q -> {
            Response a = honest(q);
            // range 1 is cut after 100 000 bytes once: its CRC must continue over the rest, in order
            return q.header("Range") != null && range(q.header("Range"))[0] == MIB && cut.compareAndSet(false, true)
                    ? a.cutAfter(100_000) : a;
        }));
        Path target = tmp.resolve("out/crc.bin");
        Exchange ex = download(target);
        assertThat(ex.getException()).isNull();
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(v1));
        assertThat(ex.getMessage().getHeader(S3LiteConstants.DOWNLOAD_VERIFIED_WITH)).isEqualTo("CRC32C");
        assertThat(fake.requests()).anyMatch(q -> ("bytes=" + (MIB + 100_000) + "-" + (2 * MIB - 1)).equals(q.header("Range")));
    }

    @Test
    void aRangeWithAFlippedByteFailsTheCombinedCrcAndNothingIsLeft() throws Exception {
        start(r -> withCrc(r, q -> {
            if (q.method().equals("GET") && q.header("Range") != null && range(q.header("Range"))[0] == 2L * MIB) {
                long[] x = range(q.header("Range"));
                byte[] body = Arrays.copyOfRange(current, (int) x[0], (int) x[1] + 1);
                body[777] ^= 1;
                return Response.of(206, body).header("ETag", currentETag)
                        .header("Content-Range", "bytes " + x[0] + "-" + x[1] + "/" + SIZE);
            }
            return honest(q);
        }));
        Path target = tmp.resolve("out/flip.bin");
        Exchange ex = download(target);
        assertThat(ex.getException()).isInstanceOf(S3TransientException.class)
                .hasMessageContaining("CRC32C of the bytes received").hasMessageContaining(crc32c(v1));
        assertThat(target).doesNotExist();
    }

    @Test
    void aResumedRangedDownloadReadsBackOnlyTheEarlierRangesForTheCrc() throws Exception {
        AtomicBoolean failLast = new AtomicBoolean(true);
        start(r -> withCrc(r, q -> {
            Response a = honest(q);
            return failLast.get() && q.header("Range") != null && range(q.header("Range"))[0] == 3L * MIB ? a.cutAfter(0) : a;
        }));
        Path target = tmp.resolve("out/resume.bin");
        Exchange first = download(target);
        assertThat(first.getException()).isInstanceOf(S3TransientException.class);
        assertThat(target).doesNotExist();
        failLast.set(false);
        Exchange again = download(target);
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM, Long.class)).isPositive();
        assertThat(again.getMessage().getHeader(S3LiteConstants.DOWNLOAD_VERIFIED_WITH)).isEqualTo("CRC32C");
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(v1));
    }
}
