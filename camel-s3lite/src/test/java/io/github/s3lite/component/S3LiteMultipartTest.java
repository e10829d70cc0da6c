package io.github.s3lite.component;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.S3AccessDeniedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Multipart uploads through the component: parallel parts, resume on redelivery, abort on permanent failure. */
class S3LiteMultipartTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    static final Pattern PART = Pattern.compile("partNumber=(\\d+)");
    @RegisterExtension
    static final FaultProxyExtension proxy = new FaultProxyExtension();
    @TempDir
    static Path dir;
    static Path file;

    @BeforeAll
    static void start() throws Exception {
        file = dir.resolve("big.bin");
        writeRandom(file, 42 * MIB + 12345, 1);
    }

    /** Kept for the classes that still call it; new code calls {@link TestFiles#writeRandom}. */
    static void writeRandom(Path p, long size, long seed) throws Exception {
        TestFiles.writeRandom(p, size, seed);
    }

    /** Kept for the classes that still call it; new code calls {@link TestFiles#sha256(InputStream)}. */
    static String sha256(InputStream in) throws Exception {
        return TestFiles.sha256(in);
    }

    String objectSha(String key) throws Exception {
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            return sha256(r.body());
        }
    }

    static String fileSha(Path p) throws Exception {
        return TestFiles.sha256(p);
    }

    @Override
    protected String s3Endpoint() {
        return proxy.endpoint().toString();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String mp = "s3lite:{{bucket}}?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=4";
                from("direct:once").to(mp);
                from("direct:retry")
                        .onException(S3TransientException.class).maximumRedeliveries(4).redeliveryDelay(50).end()
                        .to(mp);
            }
        };
    }

    private Exchange upload(String route, Object body, String key) {
        return template.request(route, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
        });
    }

    private Map<Integer, Long> partRequestsPerNumber() {
        return proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).map(s -> {
            Matcher m = PART.matcher(s.target());
            m.find();
            return Integer.parseInt(m.group(1));
        }).collect(Collectors.groupingBy(n -> n, Collectors.counting()));
    }

    @Test
    void fileIsUploadedInParallelPartsWithItsExactBytes() throws Exception {
        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        Exchange ex = upload("direct:once", file.toFile(), "mp/file.bin");
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.PART_COUNT, Integer.class)).isEqualTo(9);
        assertThat(ex.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT, Integer.class)).isZero();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.UPLOAD_ID, String.class)).isNotBlank();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class)).contains("-9");
        assertThat(objectSha("mp/file.bin")).isEqualTo(fileSha(file));
        assertThat(partRequestsPerNumber()).hasSize(9).allSatisfy((n, count) -> assertThat(count).isEqualTo(1));
        assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
    }

    @Test
    void streamOfUnknownLengthIsUploadedInBoundedParts() throws Exception {
        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        InputStream unknownLength = new java.io.FilterInputStream(Files.newInputStream(file)) {
        };
        Exchange ex = template.request("s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880",
                e -> {
                    e.getMessage().setBody(unknownLength);
                    e.getMessage().setHeader(S3LiteConstants.KEY, "mp/stream.bin");
                });
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.PART_COUNT, Integer.class)).isEqualTo(9);
        assertThat(objectSha("mp/stream.bin")).isEqualTo(fileSha(file));
        // every part but the last is exactly partSize
        assertThat(proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).mapToLong(FaultProxy.Seen::contentLength)
                .filter(l -> l != 5 * MIB).count()).isEqualTo(1);
    }

    @Test
    void smallStreamOfUnknownLengthIsOneSinglePut() throws Exception {
        proxy.clear();
        InputStream small = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(new byte[1000])) {
        };
        Exchange ex = upload("direct:once", small, "mp/small-stream");
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.PART_COUNT, Integer.class)).isEqualTo(1);
        assertThat(proxy.seen()).noneMatch(FaultProxy.Seen::isUploadPart);
        assertThat(client.headObject(bucket, "mp/small-stream", null).contentLength()).isEqualTo(1000);
    }

    @Test
    void resetsInsidePartBodiesAreRedeliveredAndCompletedPartsAreNotSentAgain() throws Exception {
        proxy.clear();
        Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
        proxy.rule(s -> {
            if (s.isUploadPart()) {
                Matcher m = PART.matcher(s.target());
                m.find();
                int n = Integer.parseInt(m.group(1));
                if ((n == 3 || n == 7) && failedOnce.add(n)) {
                    return new FaultProxy.ResetAfter(1_000_000);
                }
            }
            return FaultProxy.PASS;
        });
        Exchange ex = upload("direct:retry", file.toFile(), "mp/reset.bin");
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isBetween(1, 2);
        assertThat(ex.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT, Integer.class)).isPositive();
        assertThat(objectSha("mp/reset.bin")).isEqualTo(fileSha(file));
        Map<Integer, Long> perPart = partRequestsPerNumber();
        assertThat(perPart.get(3)).isEqualTo(2);
        assertThat(perPart.get(7)).isEqualTo(2);
        perPart.forEach((n, count) -> {
            if (n != 3 && n != 7) {
                assertThat(count).as("part %d sent once", n).isEqualTo(1);
            }
        });
        assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
    }

    @Test
    void streamBodySurvivesARedeliveryMidStream() throws Exception {
        proxy.clear();
        Set<Integer> failedOnce = ConcurrentHashMap.newKeySet();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=2&") && failedOnce.add(2)
                ? new FaultProxy.ResetAfter(10_000) : FaultProxy.PASS);
        // through a route: Camel's stream caching (on by default) spools the stream so a redelivery can replay it
        Exchange ex = upload("direct:retry", Files.newInputStream(file), "mp/stream-retry.bin");
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(1);
        assertThat(objectSha("mp/stream-retry.bin")).isEqualTo(fileSha(file));
        assertThat(ex.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT, Integer.class)).isPositive();
    }

    @Test
    void permanentFailureAbortsTheUpload() {
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=2&")
                ? new FaultProxy.Respond(403, "AccessDenied") : FaultProxy.PASS);
        Exchange ex = upload("direct:retry", file.toFile(), "mp/denied.bin");
        assertThat(ex.getException()).isInstanceOf(S3AccessDeniedException.class);
        assertThat(ex.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class)).isZero();
        assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
    }

    @Test
    void changedSourceStartsAFreshUploadAndAbortsTheStaleOne() throws Exception {
        Path changing = dir.resolve("changing.bin");
        writeRandom(changing, 12 * MIB, 2);
        context.getRegistry().bind("changingRepo",
                org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository.memoryIdempotentRepository());
        String mp = "s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880&checkpointRepository=#changingRepo";
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=3&")
                ? new FaultProxy.Respond(503, "SlowDown") : FaultProxy.PASS);
        Exchange first = upload(mp, changing.toFile(), "mp/changing.bin");
        assertThat(first.getException()).isInstanceOf(S3TransientException.class);
        List<MultipartUploadInfo> pending = client.listMultipartUploads(bucket, null);
        assertThat(pending).hasSize(1);

        writeRandom(changing, 12 * MIB, 3);
        Files.setLastModifiedTime(changing, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        proxy.rule(s -> FaultProxy.PASS);
        // younger than staleUploadAge (1 day): it may be another writer's live upload, so it stays
        Exchange young = upload(mp, changing.toFile(), "mp/changing.bin");
        assertThat(young.getException()).isNull();
        assertThat(client.listMultipartUploads(bucket, null)).as("young upload left alone").hasSize(1);
        client.deleteObject(bucket, "mp/changing.bin");

        Thread.sleep(2100);
        Exchange second = upload(mp + "&staleUploadAge=1s", changing.toFile(), "mp/changing.bin");
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT, Integer.class)).isZero();
        assertThat(second.getMessage().getHeader(S3LiteConstants.UPLOAD_ID)).isNotEqualTo(pending.get(0).uploadId());
        assertThat(objectSha("mp/changing.bin")).isEqualTo(fileSha(changing));
        assertThat(client.listMultipartUploads(bucket, null)).as("stale upload aborted").isEmpty();
    }

    @Test
    void vanishedUploadStartsOver() throws Exception {
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=4&")
                ? new FaultProxy.Respond(500, "InternalError") : FaultProxy.PASS);
        Exchange first = upload("direct:once", file.toFile(), "mp/vanished.bin");
        assertThat(first.getException()).isInstanceOf(S3TransientException.class);
        MultipartUploadInfo u = client.listMultipartUploads(bucket, null).get(0);
        client.abortMultipartUpload(bucket, u.key(), u.uploadId());

        proxy.rule(s -> FaultProxy.PASS);
        Exchange second = upload("direct:once", file.toFile(), "mp/vanished.bin");
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT, Integer.class)).isZero();
        assertThat(objectSha("mp/vanished.bin")).isEqualTo(fileSha(file));
    }

    @Test
    void aCompletedSourceIsNotUploadedTwiceUnlessTheObjectWasDeleted() throws Exception {
        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        Exchange first = upload("direct:once", file.toFile(), "mp/once.bin");
        assertThat(first.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isFalse();
        proxy.clear();
        Exchange again = upload("direct:once", file.toFile(), "mp/once.bin");
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isTrue();
        assertThat(again.getMessage().getHeader(S3LiteConstants.E_TAG)).isEqualTo(first.getMessage().getHeader(S3LiteConstants.E_TAG));
        assertThat(proxy.seen()).noneMatch(FaultProxy.Seen::isUploadPart);

        client.deleteObject(bucket, "mp/once.bin");
        Exchange afterDelete = upload("direct:once", file.toFile(), "mp/once.bin");
        assertThat(afterDelete.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isFalse();
        assertThat(objectSha("mp/once.bin")).isEqualTo(fileSha(file));
    }

    private Exchange uploadWithBreadcrumb(String uri, Object body, String key, String breadcrumb) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            e.getMessage().setHeader(Exchange.BREADCRUMB_ID, breadcrumb);
        });
    }

    /** Two streams of one length under one breadcrumb (a splitter's sub-exchanges): the second must be stored. */
    @Test
    void aDifferentStreamOfTheSameLengthUnderTheSameBreadcrumbIsStoredNotReportedAsUploaded() throws Exception {
        Path first = dir.resolve("same-length-1.bin");
        Path second = dir.resolve("same-length-2.bin");
        Path third = dir.resolve("same-length-3.bin");
        writeRandom(first, 12 * MIB + 99, 21);
        // the same first part (the identity's fingerprint matches), other bytes in the last part only
        byte[] b = Files.readAllBytes(first);
        b[b.length - 10] ^= 0x5a;
        Files.write(second, b);
        // other bytes from byte 0
        writeRandom(third, 12 * MIB + 99, 22);
        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        String key = "mp/same-breadcrumb.bin";
        // through a route: stream caching makes the bodies re-readable (the uploader compares the whole stream)
        Exchange one = uploadWithBreadcrumb("direct:once", Files.newInputStream(first), key, "crumb-1");
        assertThat(one.getException()).isNull();
        assertThat(objectSha(key)).isEqualTo(fileSha(first));

        Exchange two = uploadWithBreadcrumb("direct:once", Files.newInputStream(second), key, "crumb-1");
        assertThat(two.getException()).isNull();
        assertThat(two.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isFalse();
        assertThat(objectSha(key)).as("the second stream is stored").isEqualTo(fileSha(second));

        Exchange three = uploadWithBreadcrumb("direct:once", Files.newInputStream(third), key, "crumb-1");
        assertThat(three.getException()).isNull();
        assertThat(three.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isFalse();
        assertThat(objectSha(key)).isEqualTo(fileSha(third));

        // the same bytes again (a redelivered or repeated exchange): recognised, nothing sent
        proxy.clear();
        Exchange again = uploadWithBreadcrumb("direct:once", Files.newInputStream(third), key, "crumb-1");
        assertThat(again.getException()).isNull();
        assertThat(again.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isTrue();
        assertThat(proxy.seen()).noneMatch(FaultProxy.Seen::isUploadPart);
        assertThat(objectSha(key)).isEqualTo(fileSha(third));

        // a stream that cannot be read twice (no route, so no stream caching) is never taken for the stored one
        proxy.clear();
        InputStream plain = new java.io.FilterInputStream(Files.newInputStream(second)) {
        };
        Exchange uncached = uploadWithBreadcrumb("s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880",
                plain, key, "crumb-1");
        assertThat(uncached.getException()).isNull();
        assertThat(uncached.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isFalse();
        assertThat(objectSha(key)).isEqualTo(fileSha(second));
        assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
    }

    /**
     * Deterministic form of the two-node race: node B resumes the upload node A started, and while B's first part
     * is on its way A's redelivery completes the upload, so B's UploadPart is answered NoSuchUpload. B must
     * recognise A's completion (done mark of the same file on the object), not fail as "vanished".
     */
    @Test
    void aNodeWhosePartGetsNoSuchUploadAfterAnotherNodeCompletedReportsTheCompletion() throws Exception {
        context.getRegistry().bind("sharedLate",
                org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository.memoryIdempotentRepository());
        String node = "s3lite:" + bucket
                + "?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=1&checkpointRepository=#sharedLate";
        String key = "mp/late-node.bin";
        Path four = dir.resolve("four-parts.bin");
        writeRandom(four, 15 * MIB + 5, 31);
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=3&") ? new FaultProxy.Respond(503, "SlowDown")
                : FaultProxy.PASS);
        Exchange a1 = upload(node, four.toFile(), key);
        assertThat(a1.getException()).isInstanceOf(S3TransientException.class);
        assertThat(client.listMultipartUploads(bucket, key)).hasSize(1);

        var bSending = new java.util.concurrent.atomic.AtomicBoolean();
        var a2 = new java.util.concurrent.atomic.AtomicReference<Exchange>();
        proxy.rule(s -> {
            if (s.isUploadPart() && bSending.compareAndSet(true, false)) {
                // node A's redelivery, run while B's part waits here (A's requests pass on other proxy threads);
                // then B's part meets the completed upload: NoSuchUpload (Ceph RGW's answer; S3Proxy 4.1 would
                // still take the part)
                a2.set(upload(node, four.toFile(), key));
                return new FaultProxy.Respond(404, "NoSuchUpload");
            }
            return FaultProxy.PASS;
        });
        bSending.set(true);
        Exchange b = upload(node, four.toFile(), key);
        assertThat(a2.get()).as("node A ran").isNotNull();
        assertThat(a2.get().getException()).isNull();
        assertThat(b.getException()).as("node B").isNull();
        assertThat(b.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED, Boolean.class)).isTrue();
        assertThat(b.getMessage().getHeader(S3LiteConstants.E_TAG))
                .isEqualTo(a2.get().getMessage().getHeader(S3LiteConstants.E_TAG));
        assertThat(objectSha(key)).isEqualTo(fileSha(four));
        assertThat(client.listMultipartUploads(bucket, key)).isEmpty();
        assertThat(proxy.seen().stream().filter(x -> x.method().equals("POST") && x.target().contains("uploadId=")).count())
                .as("one CompleteMultipartUpload").isEqualTo(1);
    }

    @Test
    void twoNodesRacingOnTheSameSourceConvergeOnOneUpload() throws Exception {
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() ? new FaultProxy.Slow(20, 0) : FaultProxy.PASS);
        var shared = org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository.memoryIdempotentRepository();
        context.getRegistry().bind("shared", shared);
        String nodeA = "s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880&checkpointRepository=#shared";
        String nodeB = nodeA + "&uploadConcurrency=3";
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        var start = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.Callable<Exchange> a = () -> {
            start.await();
            return upload(nodeA, file.toFile(), "mp/race.bin");
        };
        java.util.concurrent.Callable<Exchange> b = () -> {
            start.await();
            return upload(nodeB, file.toFile(), "mp/race.bin");
        };
        var fa = pool.submit(a);
        var fb = pool.submit(b);
        start.countDown();
        Exchange ea = fa.get(120, java.util.concurrent.TimeUnit.SECONDS);
        Exchange eb = fb.get(120, java.util.concurrent.TimeUnit.SECONDS);
        pool.shutdown();
        assertThat(ea.getException()).isNull();
        assertThat(eb.getException()).isNull();
        assertThat(objectSha("mp/race.bin")).isEqualTo(fileSha(file));
        assertThat(client.listMultipartUploads(bucket, null)).as("no orphaned upload").isEmpty();
        // both joined one upload, or one found the other's finished object
        Object idA = ea.getMessage().getHeader(S3LiteConstants.UPLOAD_ID);
        Object idB = eb.getMessage().getHeader(S3LiteConstants.UPLOAD_ID);
        boolean oneWasDone = Boolean.TRUE.equals(ea.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED))
                || Boolean.TRUE.equals(eb.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED));
        assertThat(oneWasDone || java.util.Objects.equals(idA, idB)).as("ids %s / %s", idA, idB).isTrue();
        long completions = proxy.seen().stream()
                .filter(s -> s.method().equals("POST") && s.target().contains("uploadId=")).map(FaultProxy.Seen::target)
                .map(t -> t.substring(t.indexOf("uploadId="))).distinct().count();
        assertThat(completions).as("completed upload ids").isEqualTo(1);
    }

    /**
     * Node A completes the upload node B is sending parts to. B's next part is then refused NoSuchUpload before its
     * body is read, and the connection closed, as Ceph RGW's refusal reaches a client through an intermediary that
     * does not wait for {@code 100 Continue}: B sees only a reset or a broken pipe. B must find A's object (the
     * done mark of this source) and report it, not fail with a transient error.
     */
    @Test
    void aPartCutOffBecauseAnotherNodeCompletedTheUploadEndsInThatNodesObject() throws Exception {
        proxy.clear();
        context.getRegistry().bind("sharedCut",
                org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository.memoryIdempotentRepository());
        context.addComponent("s3direct", store().newComponent(store().endpoint().toString()));
        String options = "?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=1&checkpointRepository=#sharedCut";
        var nodeA = new java.util.concurrent.atomic.AtomicReference<Exchange>();
        proxy.rule(s -> {
            Matcher m = PART.matcher(s.target());
            if (s.isUploadPart() && m.find() && m.group(1).equals("3") && nodeA.get() == null) {
                // node A, straight to the store, finishes the upload while B's part 3 waits here
                nodeA.set(upload("s3direct:" + bucket + options, file.toFile(), "mp/cut.bin"));
                return new FaultProxy.AnswerMidBody(64 * 1024, 404, "NoSuchUpload");
            }
            return FaultProxy.PASS;
        });

        Exchange b = upload("s3lite:" + bucket + options, file.toFile(), "mp/cut.bin");

        assertThat(nodeA.get()).as("node A ran").isNotNull();
        assertThat(nodeA.get().getException()).isNull();
        assertThat(b.getException()).as("node B, cut off").isNull();
        assertThat(b.getMessage().getHeader(S3LiteConstants.ALREADY_UPLOADED)).isEqualTo(true);
        assertThat(b.getMessage().getHeader(S3LiteConstants.E_TAG))
                .isEqualTo(nodeA.get().getMessage().getHeader(S3LiteConstants.E_TAG));
        assertThat(objectSha("mp/cut.bin")).isEqualTo(fileSha(file));
        assertThat(client.listMultipartUploads(bucket, null)).as("no orphaned upload").isEmpty();
        assertThat(proxy.seen()).filteredOn(s -> s.action() instanceof FaultProxy.AnswerMidBody).hasSize(1);
    }
}
