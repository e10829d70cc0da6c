package io.github.s3lite.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.S3Store;
import org.apache.camel.Exchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static io.github.s3lite.component.S3LiteMultipartTest.fileSha;
import static io.github.s3lite.component.S3LiteMultipartTest.sha256;
import static io.github.s3lite.component.S3LiteMultipartTest.writeRandom;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests a multipart upload sends before its first part (issue 15 point 5), counted by a recording proxy in
 * front of S3Proxy: a request count, not a time. With the endpoint's private in-memory checkpoints a first attempt
 * sends only CreateMultipartUpload (before: HEAD, ListMultipartUploads, CreateMultipartUpload, ListMultipartUploads,
 * one after the other); with a shared repository the HEAD and the first listing run at the same time.
 */
class UploadRoundTripsTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    static FaultProxy proxy;
    static Path dir;
    static Path file;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        proxy = new FaultProxy(S3Store.forTestClass(info.getTestClass().orElseThrow()).endpoint());
        dir = Files.createTempDirectory("s3lite-roundtrips");
        file = dir.resolve("three-parts.bin");
        writeRandom(file, 2 * 5 * MIB + 777, 31);
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
        Files.deleteIfExists(file);
        Files.delete(dir);
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

    static final String MP = "multipartThreshold=5242880&partSize=5242880&uploadConcurrency=2";

    private Exchange upload(String uri, String key) {
        return template.request(uri, e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
        });
    }

    /** "METHOD target" of every request before the first UploadPart. */
    private static List<String> beforeFirstPart() {
        List<FaultProxy.Seen> seen = proxy.seen();
        List<String> out = new java.util.ArrayList<>();
        for (FaultProxy.Seen s : seen) {
            if (s.isUploadPart()) {
                break;
            }
            out.add(s.method() + " " + kind(s));
        }
        return out;
    }

    private static String kind(FaultProxy.Seen s) {
        String t = s.target();
        if (s.method().equals("POST") && t.contains("uploads")) {
            return "CreateMultipartUpload";
        }
        if (s.method().equals("GET") && t.contains("uploads")) {
            return "ListMultipartUploads";
        }
        if (s.method().equals("HEAD")) {
            return "HeadObject";
        }
        return t;
    }

    private String objectSha(String key) throws Exception {
        try (var r = client.getObject(bucket, key, io.github.s3lite.client.GetOptions.NONE)) {
            return sha256(r.body());
        }
    }

    @Test
    void withThePrivateDefaultOnlyCreateGoesBeforeTheFirstPart() throws Exception {
        Exchange ex = upload("s3lite:" + bucket + "?" + MP, "rt/private.bin");
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("rt/private.bin")).isEqualTo(fileSha(file));
        assertThat(beforeFirstPart()).containsExactly("POST CreateMultipartUpload");
        assertThat(proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count()).isEqualTo(3);
        assertThat(client.listMultipartUploads(bucket, "rt/")).isEmpty();
    }

    @Test
    void aRedeliveryAfterAFailedPartStillResumesWithThePrivateDefault() throws Exception {
        // part 3 fails once: the checkpoint now holds this source, so the next attempt must look it up and resume
        java.util.concurrent.atomic.AtomicInteger third = new java.util.concurrent.atomic.AtomicInteger();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=3&") && third.incrementAndGet() == 1
                ? new FaultProxy.Respond(503, "SlowDown") : FaultProxy.PASS);
        String uri = "s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=1";
        Exchange failed = upload(uri, "rt/resume.bin");
        assertThat(failed.getException()).isNotNull();
        proxy.clear();
        Exchange again = upload(uri, "rt/resume.bin");
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT, Integer.class)).isEqualTo(2);
        assertThat(beforeFirstPart()).contains("GET ListMultipartUploads").doesNotContain("POST CreateMultipartUpload");
        assertThat(objectSha("rt/resume.bin")).isEqualTo(fileSha(file));
        // and the same source again is recognised as done (HEAD + done key), with nothing written (the listing,
        // a read, runs beside the HEAD: this store held keys of the source, which it does not forget)
        proxy.clear();
        Exchange third3 = upload(uri, "rt/resume.bin");
        assertThat(third3.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isTrue();
        assertThat(proxy.seen()).extracting(FaultProxy.Seen::method).contains("HEAD").doesNotContain("PUT", "POST", "DELETE");
    }

    @Test
    void withASharedRepositoryTheHeadAndTheListingOverlap() throws Exception {
        context.getRegistry().bind("sharedRepo", MemoryIdempotentRepository.memoryIdempotentRepository());
        CountDownLatch listingArrived = new CountDownLatch(1);
        boolean[] overlapped = new boolean[1];
        proxy.rule(s -> {
            if (s.method().equals("GET") && s.target().contains("uploads")) {
                listingArrived.countDown();
            } else if (s.method().equals("HEAD")) {
                // the HEAD is held until the listing arrives: only a client that sends both at once gets past this
                try {
                    overlapped[0] = listingArrived.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return FaultProxy.PASS;
        });
        Exchange ex = upload("s3lite:" + bucket + "?" + MP + "&checkpointRepository=#sharedRepo", "rt/shared.bin");
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("rt/shared.bin")).isEqualTo(fileSha(file));
        assertThat(overlapped[0]).as("ListMultipartUploads sent while the HEAD was unanswered").isTrue();
        assertThat(beforeFirstPart()).containsExactlyInAnyOrder("HEAD HeadObject", "GET ListMultipartUploads",
                "POST CreateMultipartUpload", "GET ListMultipartUploads");
    }
}
