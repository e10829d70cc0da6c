package io.github.s3lite.component;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteObjectStream;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.FakeS3.Request;
import io.github.s3lite.test.FakeS3.Response;
import io.github.s3lite.test.FakeS3;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 point 9 and issue 13 points 3 and 6: a resumed download accepts only a 206 that continues exactly the
 * pinned version; every other answer discards the partial file and starts over; a short body is an error, also
 * for stream bodies and without Content-Length; an unknown length reads to the end. Against a misbehaving fake
 * server (no real store answers like this), bytes compared with SHA-256.
 */
class DownloadResumeTest {

    private static final int SIZE = 300_000;
    private static final int HALF = SIZE / 2;

    @TempDir
    Path tmp;

    private final byte[] v1 = bytes(1);
    private final byte[] v2 = bytes(2);
    private FakeS3 fake;
    private CamelContext camel;

    /** What the object currently is, as the fake store serves it. */
    private volatile byte[] current = v1;
    private volatile String currentETag = "\"etag-v1\"";

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

    /** An honest store: HEAD and GET with If-Match and Range, as S3 does. */
    private Response honest(Request r) {
        String ifMatch = r.header("If-Match");
        if (ifMatch != null && !ifMatch.replace("\"", "").equals(currentETag.replace("\"", ""))) {
            return Response.of(412, new byte[0]);
        }
        String range = r.header("Range");
        if (r.method().equals("GET") && range != null) {
            int from = Integer.parseInt(range.substring("bytes=".length(), range.indexOf('-')));
            byte[] part = java.util.Arrays.copyOfRange(current, from, current.length);
            return Response.of(206, part).header("ETag", currentETag)
                    .header("Content-Range", "bytes " + from + "-" + (current.length - 1) + "/" + current.length);
        }
        return Response.of(200, current).header("ETag", currentETag);
    }

    /** Serves honestly, except that the first GET is cut after HALF bytes and ranged GETs are answered by {@code ranged}. */
    private void start(Function<Request, Response> ranged) throws Exception {
        AtomicInteger gets = new AtomicInteger();
        fake = new FakeS3(r -> {
            if (r.method().equals("GET") && gets.incrementAndGet() == 1) {
                return honest(r).cutAfter(HALF);
            }
            if (r.method().equals("GET") && r.header("Range") != null && ranged != null) {
                return ranged.apply(r);
            }
            return honest(r);
        });
        camel = new DefaultCamelContext();
        camel.start();
    }

    private String uri() {
        return "s3lite:bkt?operation=getObject&pathStyleAccess=true&accessKey=a&secretKey=b&endpoint=" + fake.endpoint();
    }

    private Exchange download(Path target) {
        ProducerTemplate t = camel.createProducerTemplate();
        return t.request(uri(), e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "obj.bin");
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
        });
    }

    /** First attempt is cut half-way; the second one meets {@code ranged}; the file must be one whole version. */
    private Exchange cutThenRetry(Path target) {
        Exchange first = download(target);
        assertThat(first.getException()).isInstanceOf(S3TransientException.class);
        assertThat(target).doesNotExist();
        return download(target);
    }

    @Test
    void correct206ContinuesWhereTheCutLeftOff() throws Exception {
        start(null);
        Path target = tmp.resolve("ok.bin");
        Exchange second = cutThenRetry(target);
        assertThat(second.getException()).isNull();
        assertThat(TestFiles.sha256(Files.readAllBytes(target))).isEqualTo(TestFiles.sha256(v1));
        assertThat(second.getMessage().getHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM, Long.class)).isEqualTo(HALF);
    }

    @Test
    void resumed206WithAnotherETagStartsOverWithTheNewVersion() throws Exception {
        start(r -> {
            // overwritten just now, and the store ignores If-Match on this ranged GET
            current = v2;
            currentETag = "\"etag-v2\"";
            int from = Integer.parseInt(r.header("Range").substring(6, r.header("Range").indexOf('-')));
            return Response.of(206, java.util.Arrays.copyOfRange(v2, from, SIZE)).header("ETag", currentETag)
                    .header("Content-Range", "bytes " + from + "-" + (SIZE - 1) + "/" + SIZE);
        });
        Path target = tmp.resolve("mixed.bin");
        Exchange second = cutThenRetry(target);
        assertThat(second.getException()).isNull();
        assertThat(TestFiles.sha256(Files.readAllBytes(target))).as("one whole version, never half v1 + half v2").isEqualTo(TestFiles.sha256(v2));
        assertThat(second.getMessage().getHeader(S3LiteConstants.E_TAG, String.class)).isEqualTo("\"etag-v2\"");
    }

    @Test
    void resumed206StartingAtByteZeroStartsOver() throws Exception {
        start(r -> Response.of(206, java.util.Arrays.copyOf(v1, SIZE - HALF)).header("ETag", currentETag)
                .header("Content-Range", "bytes 0-" + (SIZE - HALF - 1) + "/" + SIZE));
        Path target = tmp.resolve("zero.bin");
        Exchange second = cutThenRetry(target);
        assertThat(second.getException()).isNull();
        assertThat(TestFiles.sha256(Files.readAllBytes(target))).isEqualTo(TestFiles.sha256(v1));
    }

    @Test
    void resumedGetAnsweredWith200AndTheWholeBodyStartsOver() throws Exception {
        start(r -> Response.of(200, v1).header("ETag", currentETag));
        Path target = tmp.resolve("full.bin");
        Exchange second = cutThenRetry(target);
        assertThat(second.getException()).isNull();
        assertThat(TestFiles.sha256(Files.readAllBytes(target))).isEqualTo(TestFiles.sha256(v1));
    }

    @Test
    void bodyWithoutContentLengthEndingEarlyIsAnErrorAndTheRetryCompletesIt() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        fake = new FakeS3(r -> {
            if (r.method().equals("GET") && gets.incrementAndGet() == 1) {
                return honest(r).withoutContentLength().cutAfter(HALF);
            }
            return honest(r);
        });
        camel = new DefaultCamelContext();
        camel.start();
        Path target = tmp.resolve("nolength.bin");
        Exchange first = download(target);
        assertThat(first.getException()).isInstanceOf(S3TransientException.class).hasMessageContaining("of " + SIZE);
        assertThat(target).doesNotExist();
        Exchange second = download(target);
        assertThat(second.getException()).isNull();
        assertThat(TestFiles.sha256(Files.readAllBytes(target))).isEqualTo(TestFiles.sha256(v1));
    }

    @Test
    void fileDownloadReturnsTheVersionItDownloadedWithoutASecondHead() throws Exception {
        AtomicInteger gets = new AtomicInteger();
        fake = new FakeS3(r -> {
            Response a = honest(r);
            if (r.method().equals("GET") && gets.incrementAndGet() == 1) {
                current = v2; // overwritten right after this GET was answered
                currentETag = "\"etag-v2\"";
            }
            return a;
        });
        camel = new DefaultCamelContext();
        camel.start();
        Path target = tmp.resolve("pinned.bin");
        Exchange ex = download(target);
        assertThat(ex.getException()).isNull();
        assertThat(TestFiles.sha256(Files.readAllBytes(target))).isEqualTo(TestFiles.sha256(v1));
        assertThat(ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class)).as("headers of the bytes in the file")
                .isEqualTo("\"etag-v1\"");
        assertThat(fake.requests().stream().filter(r -> r.method().equals("HEAD")).count()).isEqualTo(1);
        assertThat(fake.requests().stream().filter(r -> r.method().equals("GET")))
                .allSatisfy(r -> assertThat(r.header("If-Match")).isEqualTo("\"etag-v1\""));
    }

    @Test
    void fileDownloadWithIfMatchOfAnOlderVersionFailsAndWritesNothing() throws Exception {
        start(null);
        currentETag = "\"etag-v2\"";
        current = v2;
        Path target = tmp.resolve("old.bin");
        ProducerTemplate t = camel.createProducerTemplate();
        Exchange ex = t.request(uri(), e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "obj.bin");
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
            e.getMessage().setHeader(S3LiteConstants.IF_MATCH, "\"etag-v1\"");
        });
        assertThat(ex.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(target).doesNotExist();
    }

    // ------------------------------------------------------------ stream bodies (the consumer's S3LiteObjectStream)

    private S3LiteClient client() {
        return new S3LiteClient(S3ClientConfig.of(fake.endpoint(), "us-east-1", true,
                CredentialsProvider.of(new Credentials("a", "b"))));
    }

    @Test
    void streamBodyWithoutContentLengthEndingEarlyFailsTheRead() throws Exception {
        fake = new FakeS3(r -> honest(r).withoutContentLength().cutAfter(HALF));
        try (S3LiteClient c = client(); InputStream in = new S3LiteObjectStream(c, "bkt", "obj.bin", currentETag, SIZE)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("of " + SIZE);
        }
    }

    @Test
    void streamBodyOfUnknownLengthIsReadToTheEnd() throws Exception {
        fake = new FakeS3(r -> honest(r).withoutContentLength());
        try (S3LiteClient c = client(); InputStream in = new S3LiteObjectStream(c, "bkt", "obj.bin", currentETag, -1)) {
            assertThat(TestFiles.sha256(in.readAllBytes())).isEqualTo(TestFiles.sha256(v1));
        }
    }

    @Test
    void streamContinuedAfterASkipRefusesAnAnswerFromByteZero() throws Exception {
        fake = new FakeS3(r -> Response.of(200, v1).header("ETag", currentETag));
        try (S3LiteClient c = client(); InputStream in = new S3LiteObjectStream(c, "bkt", "obj.bin", currentETag, SIZE)) {
            assertThat(in.skip(1000)).isEqualTo(1000);
            assertThatThrownBy(in::readAllBytes).isInstanceOf(IOException.class).hasMessageContaining("no Content-Range");
        }
    }

    @Test
    void streamRefusesABodyOfAnotherVersion() throws Exception {
        fake = new FakeS3(r -> Response.of(200, v2).header("ETag", "\"etag-v2\"")); // ignores If-Match
        try (S3LiteClient c = client(); InputStream in = new S3LiteObjectStream(c, "bkt", "obj.bin", currentETag, SIZE)) {
            assertThatThrownBy(in::readAllBytes).isInstanceOf(S3PreconditionFailedException.class);
        }
    }
}
