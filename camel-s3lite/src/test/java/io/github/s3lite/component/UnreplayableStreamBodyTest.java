package io.github.s3lite.component;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 point 1: with stream caching off, a redelivery hands the producer the same, partly read InputStream.
 * It must never be uploaded from where it stopped: the upload fails permanently, saying what to do, the multipart
 * upload is aborted, nothing is stored, and the stream is closed. Replayable bodies (stream cache, byte[]) are
 * uploaded exactly, SHA-256 compared.
 */
class UnreplayableStreamBodyTest extends S3LiteTestSupport {

    static final int MIB = 1024 * 1024;
    @RegisterExtension
    static final FaultProxyExtension proxy = new FaultProxyExtension();

    @Override
    protected String s3Endpoint() {
        return proxy.endpoint().toString();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(S3TransientException.class).maximumRedeliveries(3).redeliveryDelay(20);
                from("direct:nocache").streamCache("false").to("s3lite:{{bucket}}");
                from("direct:cache").streamCache("true").to("s3lite:{{bucket}}");
                from("direct:cacheOnce").streamCache("true")
                        .onException(S3TransientException.class).maximumRedeliveries(0).end()
                        .to("s3lite:{{bucket}}");
                // redelivers on any failure: the consumed stream must still be refused, never uploaded
                from("direct:nocacheAny").streamCache("false")
                        .onException(Exception.class).maximumRedeliveries(2).redeliveryDelay(20).end()
                        .to("s3lite:{{bucket}}");
            }
        };
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    String objectSha(String key) throws Exception {
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            return TestFiles.sha256(r.body().readAllBytes());
        }
    }

    /** An InputStream that is neither a StreamCache nor resettable, and tells whether it was closed. */
    static final class OneShot extends FilterInputStream {
        final AtomicBoolean closed = new AtomicBoolean();

        OneShot(byte[] data) {
            super(new ByteArrayInputStream(data));
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("not resettable");
        }

        @Override
        public void close() throws IOException {
            closed.set(true);
            super.close();
        }
    }

    /** Resets part 2's body once, after 1 MiB of it. */
    static void resetPart2Once() {
        AtomicInteger resets = new AtomicInteger();
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=2&") && resets.getAndIncrement() == 0
                ? new FaultProxy.ResetAfter(MIB)
                : FaultProxy.PASS);
    }

    Exchange send(String route, Object body, String key) {
        return template.request(route, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
        });
    }

    @Test
    void halfReadStreamOfUnknownLengthIsNeverUploadedFromWhereItStopped() throws Exception {
        byte[] data = random(23 * MIB, 11);
        OneShot body = new OneShot(data);
        resetPart2Once();
        Exchange ex = send("direct:nocache", body, "unreplayable/multipart.bin");
        assertThat(ex.getException()).as("a consumed stream cannot succeed").isNotNull()
                .isNotInstanceOf(S3TransientException.class)
                .hasMessageContaining("enable stream caching or send a File");
        assertThatThrownBy(() -> client.headObject(bucket, "unreplayable/multipart.bin", null))
                .isInstanceOf(S3NotFoundException.class);
        assertThat(client.listMultipartUploads(bucket, "unreplayable/")).as("aborted, no orphan").isEmpty();
        assertThat(body.closed).as("non-cached stream closed after the upload").isTrue();
    }

    @Test
    void aRedeliveryOnAnyFailureRefusesTheConsumedStream() throws Exception {
        byte[] data = random(23 * MIB, 12);
        OneShot body = new OneShot(data);
        resetPart2Once();
        Exchange ex = send("direct:nocacheAny", body, "unreplayable/any.bin");
        assertThat(ex.getException()).isNotNull().hasMessageContaining("enable stream caching or send a File");
        assertThatThrownBy(() -> client.headObject(bucket, "unreplayable/any.bin", null))
                .isInstanceOf(S3NotFoundException.class);
        assertThat(client.listMultipartUploads(bucket, "unreplayable/")).isEmpty();
        assertThat(body.closed).isTrue();
    }

    /** A stream small enough for one PUT is read into memory once; the redelivery sends those bytes again. */
    @Test
    void streamForASinglePutIsReplayedFromTheBytesItWasReadInto() throws Exception {
        byte[] data = random(3 * MIB, 13);
        OneShot body = new OneShot(data);
        AtomicInteger resets = new AtomicInteger();
        proxy.clear();
        proxy.rule(s -> s.method().equals("PUT") && s.target().contains("single.bin") && resets.getAndIncrement() == 0
                ? new FaultProxy.ResetAfter(MIB)
                : FaultProxy.PASS);
        Exchange ex = template.request("direct:nocache", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(S3LiteConstants.KEY, "unreplayable/single.bin");
            e.getMessage().setHeader(S3LiteConstants.CONTENT_LENGTH, (long) data.length);
        });
        assertThat(ex.getException()).isNull();
        assertThat(resets).hasValue(2);
        assertThat(objectSha("unreplayable/single.bin")).isEqualTo(TestFiles.sha256(data));
        assertThat(body.closed).isTrue();
    }

    @Test
    void cachedStreamAndBytesAreReplayedFromByteZero() throws Exception {
        byte[] data = random(23 * MIB, 14);
        resetPart2Once();
        OneShot body = new OneShot(data);
        Exchange ex = send("direct:cache", body, "replayable/cached.bin");
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("replayable/cached.bin")).isEqualTo(TestFiles.sha256(data));

        resetPart2Once();
        ex = send("direct:nocache", data, "replayable/bytes.bin");
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("replayable/bytes.bin")).isEqualTo(TestFiles.sha256(data));
        assertThat(proxy.seen().stream().filter(s -> s.action() instanceof FaultProxy.ResetAfter)).hasSize(1);
    }

    /**
     * A stream whose identity (breadcrumb, length, fingerprint of its first part) names a checkpointed upload but
     * whose later bytes differ from the parts that upload holds must not complete into a mix or into other bytes:
     * the upload is aborted. (A stream that differs from byte 0 is another source since the first part's
     * fingerprint is in the identity: {@code S3LiteMultipartTest.aDifferentStreamOfTheSameLength...}.)
     */
    @Test
    void resumedStreamWithOtherBytesThanItsCheckpointedPartsIsAborted() throws Exception {
        byte[] first = random(23 * MIB, 15);
        byte[] other = first.clone();
        other[(int) (8 * MIB + 100)] ^= 0x33; // in part 2 (8 MiB parts): part 1, and so the identity, are the same
        AtomicInteger fails = new AtomicInteger();
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=3&") && fails.getAndIncrement() == 0
                ? new FaultProxy.Respond(503, "SlowDown")
                : FaultProxy.PASS);
        Exchange ex = template.request("direct:cacheOnce", e -> {
            e.getMessage().setBody(new java.io.ByteArrayInputStream(first));
            e.getMessage().setHeader(S3LiteConstants.KEY, "mismatch/stream.bin");
            e.getMessage().setHeader(Exchange.BREADCRUMB_ID, "same-breadcrumb");
        });
        assertThat(ex.getException()).isInstanceOf(S3TransientException.class);
        assertThat(client.listMultipartUploads(bucket, "mismatch/")).as("kept for a resume").hasSize(1);

        ex = template.request("direct:cacheOnce", e -> {
            e.getMessage().setBody(new java.io.ByteArrayInputStream(other));
            e.getMessage().setHeader(S3LiteConstants.KEY, "mismatch/stream.bin");
            e.getMessage().setHeader(Exchange.BREADCRUMB_ID, "same-breadcrumb");
        });
        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("other bytes");
        assertThatThrownBy(() -> client.headObject(bucket, "mismatch/stream.bin", null))
                .isInstanceOf(S3NotFoundException.class);
        assertThat(client.listMultipartUploads(bucket, "mismatch/")).as("aborted").isEmpty();
    }
}
