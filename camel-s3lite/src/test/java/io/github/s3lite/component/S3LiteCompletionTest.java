package io.github.s3lite.component;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * CompleteMultipartUpload whose answer is lost after the server committed (issue 11 point 3), or is a bogus
 * success (point 4): the upload must end as one success with the right bytes, without a second
 * CreateMultipartUpload and with at most parts + 1 UploadPart requests; done is recorded with the real ETag.
 */
class S3LiteCompletionTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    @RegisterExtension
    static final FaultProxyExtension proxy = new FaultProxyExtension();
    @TempDir
    static Path dir;
    static Path file;
    static final int PARTS = 3;

    @BeforeAll
    static void start() throws Exception {
        file = dir.resolve("three-parts.bin");
        TestFiles.writeRandom(file, 2 * 5 * MIB + 777, 11);
    }

    @BeforeEach
    void reset() {
        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
    }

    @Override
    protected String s3Endpoint() {
        return proxy.endpoint().toString();
    }

    static final String MP = "multipartThreshold=5242880&partSize=5242880&uploadConcurrency=2&socketTimeout=3000";

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:retry")
                        .onException(S3TransientException.class).maximumRedeliveries(3).redeliveryDelay(50).end()
                        .to("s3lite:{{bucket}}?" + MP);
            }
        };
    }

    static boolean isComplete(FaultProxy.Seen s) {
        return s.method().equals("POST") && s.target().contains("uploadId=");
    }

    static boolean isCreate(FaultProxy.Seen s) {
        return s.method().equals("POST") && s.target().contains("uploads");
    }

    private Exchange upload(String key) {
        return template.request("direct:retry", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
        });
    }

    private String objectSha(String key) throws Exception {
        try (var r = client.getObject(bucket, key, io.github.s3lite.client.GetOptions.NONE)) {
            return TestFiles.sha256(r.body());
        }
    }

    /** The first Complete reaches the server, which commits; its answer is replaced by {@code instead}. */
    private void loseFirstCompleteReply(FaultProxy.Action instead) {
        AtomicInteger completes = new AtomicInteger();
        proxy.rule(s -> isComplete(s) && completes.incrementAndGet() == 1 ? new FaultProxy.LoseReply(instead)
                : FaultProxy.PASS);
    }

    private void assertOneUploadExactlyOnce(Exchange ex, String key) throws Exception {
        assertThat(ex.getException()).isNull();
        assertThat(objectSha(key)).isEqualTo(TestFiles.sha256(file));
        assertThat(proxy.seen().stream().filter(S3LiteCompletionTest::isCreate).count()).as("CreateMultipartUpload")
                .isEqualTo(1);
        assertThat(proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count()).as("UploadPart")
                .isBetween((long) PARTS, PARTS + 1L);
        String eTag = ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class);
        assertThat(eTag).isNotBlank().isEqualTo(client.headObject(bucket, key, null).eTag());
        assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
        // done was recorded with the real ETag: the same file again sends nothing
        proxy.clear();
        Exchange again = upload(key);
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isTrue();
        assertThat(proxy.seen()).noneMatch(FaultProxy.Seen::isUploadPart);
    }

    @Test
    void completeReplyResetAfterCommit() throws Exception {
        loseFirstCompleteReply(new FaultProxy.ResetAfter(0));
        assertOneUploadExactlyOnce(upload("c/reset.bin"), "c/reset.bin");
    }

    @Test
    void completeReplyDroppedAfterCommit() throws Exception {
        loseFirstCompleteReply(new FaultProxy.Drop());
        assertOneUploadExactlyOnce(upload("c/drop.bin"), "c/drop.bin");
    }

    @Test
    void completeReplyTimesOutAfterCommit() throws Exception {
        loseFirstCompleteReply(new FaultProxy.Hang(6000));
        assertOneUploadExactlyOnce(upload("c/timeout.bin"), "c/timeout.bin");
    }

    @Test
    void completeAnswered500AfterCommit() throws Exception {
        loseFirstCompleteReply(new FaultProxy.Respond(500, "InternalError"));
        assertOneUploadExactlyOnce(upload("c/500.bin"), "c/500.bin");
    }

    @Test
    void completeAnsweredAnEmpty200AfterCommit() throws Exception {
        loseFirstCompleteReply(new FaultProxy.Replace(""));
        assertOneUploadExactlyOnce(upload("c/empty200.bin"), "c/empty200.bin");
    }

    @Test
    void blankETagInTheResultIsLearnedWithHead() throws Exception {
        // Ceph RGW 16 answers <ETag></ETag>: every Complete answer here is that
        proxy.rule(s -> isComplete(s) ? new FaultProxy.LoseReply(new FaultProxy.Replace(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult><Bucket>" + bucket
                        + "</Bucket><Key>c/blank-etag.bin</Key><ETag></ETag></CompleteMultipartUploadResult>"))
                : FaultProxy.PASS);
        assertOneUploadExactlyOnce(upload("c/blank-etag.bin"), "c/blank-etag.bin");
    }

    @Test
    void aPermanentCompleteErrorIsNotWaitedOnWithThePrivateDefaultRepository() {
        proxy.rule(s -> isComplete(s) ? new FaultProxy.Respond(400, "MalformedXML") : FaultProxy.PASS);
        long start = System.nanoTime();
        Exchange ex = upload("c/permanent.bin");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertThat(ex.getException()).isInstanceOf(S3Exception.class).isNotInstanceOf(S3TransientException.class);
        assertThat(proxy.seen().stream().filter(S3LiteCompletionTest::isComplete).count()).isEqualTo(1);
        // the old code waited 30 s for "another node"; generous bound for a loaded machine
        assertThat(seconds).as("seconds spent").isLessThan(20);
        assertThat(client.listMultipartUploads(bucket, null)).as("aborted").isEmpty();
    }

}
