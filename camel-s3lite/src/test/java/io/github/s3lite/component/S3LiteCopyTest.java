package io.github.s3lite.component;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.S3Store;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 point 8: copies and moves of objects above {@code multipartCopyThreshold} go in UploadPartCopy parts
 * (here a 12 MiB object in 5 MiB parts), keep the source's bytes (SHA-256), content headers and metadata (or apply
 * replaced ones), are pinned to the source version (a source overwritten mid-copy fails, nothing is written, the
 * upload is aborted), resume from checkpoints without copying a confirmed part again; moveAfterRead and
 * deleteAfterRead never move or delete a version written after the delivery. All on S3Proxy through a
 * {@link FaultProxy} that counts requests and overwrites the source at chosen moments; {@code RgwCopyIT} runs the
 * same on Ceph RGW.
 */
class S3LiteCopyTest extends S3LiteTestSupport {

    static final int MIB = 1024 * 1024;
    static final String SMALL_PARTS = "multipartCopyThreshold=5MB&partSize=5MB";
    static final Pattern PART = Pattern.compile("partNumber=(\\d+)");
    static FaultProxy proxy;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        proxy = new FaultProxy(S3Store.forTestClass(info.getTestClass().orElseThrow()).endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
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
                from("direct:copy").to("s3lite:{{bucket}}?operation=copyObject&" + SMALL_PARTS);
                from("direct:copyOnePart").to("s3lite:{{bucket}}?operation=copyObject&uploadConcurrency=1&" + SMALL_PARTS
                                              + "&checkpointRepository=#copyCheckpoints");
                from("direct:copySingle").to("s3lite:{{bucket}}?operation=copyObject");
            }
        };
    }

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("copyCheckpoints", MemoryIdempotentRepository.memoryIdempotentRepository(1000));
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    String objectSha(String key) throws Exception {
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            return sha(r.body().readAllBytes());
        }
    }

    static final ObjectWriteOptions HEADERS = new ObjectWriteOptions("application/x-test", "gzip", "max-age=60",
            "attachment; filename=\"a.bin\"", Map.of("owner", "team-a", "n", "1"), null, null, "de-CH",
            "Wed, 21 Oct 2037 07:28:00 GMT");

    void put(String key, byte[] data, ObjectWriteOptions o) {
        client.putObject(bucket, key, RequestBody.of(data), o, ChecksumAlgorithm.MD5);
    }

    Exchange copy(String route, String from, String to, Map<String, Object> headers) {
        return template.request(route, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, from);
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_KEY, to);
            e.getMessage().getHeaders().putAll(headers);
        });
    }

    static List<Integer> partCopies(List<FaultProxy.Seen> seen) {
        return seen.stream().filter(s -> s.isUploadPart() && s.hasHeader("x-amz-copy-source")).map(s -> {
            Matcher m = PART.matcher(s.target());
            m.find();
            return Integer.parseInt(m.group(1));
        }).sorted().toList();
    }

    boolean exists(String key) {
        try {
            client.headObject(bucket, key, null);
            return true;
        } catch (S3NotFoundException e) {
            return false;
        }
    }

    /** Content-Type, encoding, disposition, cache control, language and user metadata of an object. */
    static List<Object> contentHeaders(ObjectInfo o) {
        return List.of(String.valueOf(o.contentType()), String.valueOf(o.contentEncoding()),
                String.valueOf(o.contentDisposition()), String.valueOf(o.cacheControl()),
                String.valueOf(o.contentLanguage()), o.userMetadata());
    }

    /** S3Proxy 4.1 keeps no Expires on any copy (CopyObject included); Ceph RGW does. */
    boolean storeKeepsExpiresOnCopy() {
        return store().kind() == S3Store.Kind.RGW;
    }

    @Test
    void aLargeObjectIsCopiedInPartsWithItsBytesHeadersAndMetadata() throws Exception {
        byte[] data = random(12 * MIB, 1);
        put("big/src.bin", data, HEADERS);
        ObjectInfo source = client.headObject(bucket, "big/src.bin", null);
        proxy.clear();
        Exchange ex = copy("direct:copy", "big/src.bin", "big/dst.bin", Map.of());
        assertThat(ex.getException()).isNull();

        assertThat(partCopies(proxy.seen())).as("UploadPartCopy requests").containsExactly(1, 2, 3);
        assertThat(proxy.seen()).filteredOn(s -> s.hasHeader("x-amz-copy-source"))
                .allMatch(s -> s.hasHeader("x-amz-copy-source-if-match"), "every copy request is pinned");
        ObjectInfo copy = client.headObject(bucket, "big/dst.bin", null);
        assertThat(copy.eTag()).endsWith("-3\"");
        assertThat(ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class).replace("\"", ""))
                .isEqualTo(copy.eTag().replace("\"", ""));
        assertThat(objectSha("big/dst.bin")).isEqualTo(sha(data));
        assertThat(contentHeaders(copy)).isEqualTo(contentHeaders(source));
        if (storeKeepsExpiresOnCopy()) {
            assertThat(copy.expires()).isEqualTo(source.expires());
        }
        assertThat(client.listMultipartUploads(bucket, "big/")).isEmpty();
    }

    @Test
    void replacedContentTypeAndMetadataApplyToAMultipartCopy() throws Exception {
        byte[] data = random(11 * MIB, 2);
        put("repl/src.bin", data, HEADERS);
        Exchange ex = copy("direct:copy", "repl/src.bin", "repl/dst.bin", Map.of(S3LiteConstants.CONTENT_TYPE, "text/plain",
                S3LiteConstants.METADATA, Map.of("stage", "copied")));
        assertThat(ex.getException()).isNull();
        ObjectInfo copy = client.headObject(bucket, "repl/dst.bin", null);
        assertThat(copy.eTag()).endsWith("-3\"");
        assertThat(copy.contentType()).isEqualTo("text/plain");
        assertThat(copy.userMetadata()).containsEntry("stage", "copied").doesNotContainKeys("owner", "n");
        assertThat(objectSha("repl/dst.bin")).isEqualTo(sha(data));
    }

    @Test
    void aSourceOverwrittenDuringAMultipartCopyFailsAndWritesNothing() throws Exception {
        byte[] data = random(12 * MIB, 3);
        put("mid/src.bin", data, HEADERS);
        byte[] newer = random(12 * MIB, 4);
        AtomicBoolean overwritten = new AtomicBoolean();
        try (S3LiteClient direct = store().newClient()) {
            proxy.clear();
            proxy.rule(s -> {
                if (s.isUploadPart() && s.target().contains("partNumber=2") && overwritten.compareAndSet(false, true)) {
                    direct.putObject(bucket, "mid/src.bin", RequestBody.of(newer), ObjectWriteOptions.DEFAULTS,
                            ChecksumAlgorithm.MD5);
                }
                return FaultProxy.PASS;
            });
            Exchange ex = copy("direct:copyOnePart", "mid/src.bin", "mid/dst.bin", Map.of());
            assertThat(overwritten).isTrue();
            assertThat(ex.getException()).isInstanceOf(S3PreconditionFailedException.class);
        } finally {
            proxy.rule(s -> FaultProxy.PASS);
        }
        assertThat(exists("mid/dst.bin")).as("no destination of mixed versions").isFalse();
        assertThat(client.listMultipartUploads(bucket, "mid/")).as("the upload was aborted").isEmpty();
        assertThat(objectSha("mid/src.bin")).isEqualTo(sha(newer));
    }

    @Test
    void anInterruptedMultipartCopyResumesWithoutCopyingConfirmedPartsAgain() throws Exception {
        byte[] data = random(12 * MIB, 5);
        put("resume/src.bin", data, HEADERS);
        ObjectInfo source = client.headObject(bucket, "resume/src.bin", null);
        proxy.clear();
        // the first attempt dies at part 3 (a transient failure: the upload and its checkpoints stay)
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=3")
                ? new FaultProxy.Respond(503, "SlowDown") : FaultProxy.PASS);
        Exchange first = copy("direct:copyOnePart", "resume/src.bin", "resume/dst.bin", Map.of());
        assertThat(first.getException()).isInstanceOf(S3TransientException.class);
        assertThat(client.listMultipartUploads(bucket, "resume/")).hasSize(1);
        assertThat(exists("resume/dst.bin")).isFalse();

        proxy.rule(s -> FaultProxy.PASS);
        proxy.clear();
        Exchange second = copy("direct:copyOnePart", "resume/src.bin", "resume/dst.bin", Map.of());
        assertThat(second.getException()).isNull();
        assertThat(partCopies(proxy.seen())).as("only the unconfirmed part is copied again").containsExactly(3);
        assertThat(objectSha("resume/dst.bin")).isEqualTo(sha(data));
        assertThat(contentHeaders(client.headObject(bucket, "resume/dst.bin", null))).isEqualTo(contentHeaders(source));
        assertThat(client.listMultipartUploads(bucket, "resume/")).isEmpty();

        // a third attempt finds the done checkpoint: nothing is copied
        proxy.clear();
        Exchange third = copy("direct:copyOnePart", "resume/src.bin", "resume/dst.bin", Map.of());
        assertThat(third.getException()).isNull();
        assertThat(partCopies(proxy.seen())).isEmpty();
    }

    @Test
    void aSmallObjectIsCopiedWithOneCopyObjectPinnedToItsVersion() throws Exception {
        byte[] data = random(100_000, 6);
        put("small/src.bin", data, HEADERS);
        proxy.clear();
        Exchange ex = copy("direct:copySingle", "small/src.bin", "small/dst.bin", Map.of());
        assertThat(ex.getException()).isNull();
        assertThat(partCopies(proxy.seen())).isEmpty();
        assertThat(proxy.seen()).filteredOn(s -> s.hasHeader("x-amz-copy-source")).hasSize(1)
                .allMatch(s -> s.hasHeader("x-amz-copy-source-if-match"));
        assertThat(objectSha("small/dst.bin")).isEqualTo(sha(data));

        Exchange wrong = copy("direct:copySingle", "small/src.bin", "small/other.bin",
                Map.of(S3LiteConstants.COPY_SOURCE_IF_MATCH, "\"00000000000000000000000000000000\""));
        assertThat(wrong.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(exists("small/other.bin")).isFalse();

        Exchange noOverwrite = copy("direct:copySingle", "small/src.bin", "small/dst.bin",
                Map.of(S3LiteConstants.IF_NONE_MATCH, "*"));
        assertThat(noOverwrite.getException()).isInstanceOf(S3PreconditionFailedException.class);
    }

    static final String ERROR_IN_200 = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>%s</Code>"
                                       + "<Message>failed during the copy</Message><RequestId>r1</RequestId></Error>";

    /**
     * "If the error occurs during the copy operation, the error response is embedded in the 200 OK response": such
     * an answer is that error, for CopyObject (the old code took it for a copy without ETag) and UploadPartCopy.
     */
    @Test
    void aCopyAnswered200WithAnErrorBodyFails() throws Exception {
        put("err/src.bin", random(12 * MIB, 10), HEADERS);
        try {
            proxy.rule(s -> isCopy(s) && !s.isUploadPart()
                    ? new FaultProxy.LoseReply(new FaultProxy.Replace(ERROR_IN_200.formatted("AccessDenied"))) : FaultProxy.PASS);
            Exchange single = copy("direct:copySingle", "err/src.bin", "err/single.bin", Map.of());
            assertThat(single.getException()).isInstanceOf(io.github.s3lite.client.S3AccessDeniedException.class)
                    .hasMessageContaining("failed during the copy");

            AtomicBoolean once = new AtomicBoolean();
            proxy.rule(s -> s.isUploadPart() && isCopy(s) && once.compareAndSet(false, true)
                    ? new FaultProxy.LoseReply(new FaultProxy.Replace(ERROR_IN_200.formatted("InternalError"))) : FaultProxy.PASS);
            Exchange parts = copy("direct:copyOnePart", "err/src.bin", "err/parts.bin", Map.of());
            assertThat(parts.getException()).isInstanceOf(S3TransientException.class);
            assertThat(exists("err/parts.bin")).isFalse();
        } finally {
            proxy.rule(s -> FaultProxy.PASS);
        }
        // the transient failure kept the checkpointed upload: the next attempt completes it
        Exchange retry = copy("direct:copyOnePart", "err/src.bin", "err/parts.bin", Map.of());
        assertThat(retry.getException()).isNull();
        assertThat(objectSha("err/parts.bin")).isEqualTo(sha(random(12 * MIB, 10)));
        assertThat(client.listMultipartUploads(bucket, "err/")).isEmpty();
    }

    // ------------------------------------------------------------------ consumer: move and delete after read

    static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    String consumer(String prefix, String options) {
        return "s3lite:" + bucket + "?prefix=" + prefix + "&initialDelay=0&delay=100&" + options;
    }

    @Test
    void moveAfterReadMovesALargeObjectInParts() throws Exception {
        byte[] data = random(12 * MIB, 7);
        put("mv/big.bin", data, HEADERS);
        ObjectInfo source = client.headObject(bucket, "mv/big.bin", null);
        List<String> delivered = new CopyOnWriteArrayList<>();
        proxy.clear();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer("mv/", "moveAfterRead=true&destinationPrefix=done/&" + SMALL_PARTS)).routeId("mvbig")
                        .process(e -> delivered.add(sha(e.getMessage().getBody(byte[].class))));
            }
        });
        try {
            await("moved", () -> exists("done/mv/big.bin") && !exists("mv/big.bin"));
        } finally {
            context.getRouteController().stopRoute("mvbig");
        }
        assertThat(delivered).containsExactly(sha(data));
        assertThat(partCopies(proxy.seen())).containsExactly(1, 2, 3);
        ObjectInfo moved = client.headObject(bucket, "done/mv/big.bin", null);
        assertThat(moved.eTag()).endsWith("-3\"");
        assertThat(objectSha("done/mv/big.bin")).isEqualTo(sha(data));
        assertThat(contentHeaders(moved)).isEqualTo(contentHeaders(source));
        assertThat(client.listMultipartUploads(bucket, "done/")).isEmpty();
    }

    /**
     * The source is overwritten after its delivery, just before the move's copy: the newer version must be neither
     * moved nor deleted; it is delivered (and moved) later. The old code copied whatever the key held and deleted
     * it: the newer version was lost unread.
     */
    void aVersionWrittenJustBeforeTheMoveIsDeliveredLater(String prefix, String options, int size,
            java.util.function.Predicate<FaultProxy.Seen> step) throws Exception {
        byte[] v1 = random(size, 8);
        byte[] v2 = random(size, 9);
        put(prefix + "obj.bin", v1, ObjectWriteOptions.DEFAULTS);
        List<String> delivered = new CopyOnWriteArrayList<>();
        AtomicBoolean overwritten = new AtomicBoolean();
        try (S3LiteClient direct = store().newClient()) {
            proxy.rule(s -> {
                if (step.test(s) && s.target().contains(prefix.replace("/", "")) && overwritten.compareAndSet(false, true)) {
                    direct.putObject(bucket, prefix + "obj.bin", RequestBody.of(v2), ObjectWriteOptions.DEFAULTS,
                            ChecksumAlgorithm.MD5);
                }
                return FaultProxy.PASS;
            });
            String routeId = "late-" + prefix.replace("/", "");
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(consumer(prefix, options)).routeId(routeId)
                            .process(e -> delivered.add(sha(e.getMessage().getBody(byte[].class))));
                }
            });
            try {
                await("both versions delivered", () -> delivered.size() >= 2 && !exists(prefix + "obj.bin"));
            } finally {
                context.getRouteController().stopRoute(routeId);
                proxy.rule(s -> FaultProxy.PASS);
            }
        }
        assertThat(overwritten).isTrue();
        assertThat(delivered).containsExactly(sha(v1), sha(v2));
    }

    static boolean isCopy(FaultProxy.Seen s) {
        return s.hasHeader("x-amz-copy-source");
    }

    static boolean isCreate(FaultProxy.Seen s) {
        return s.method().equals("POST") && s.target().contains("?uploads");
    }

    static boolean isDelete(FaultProxy.Seen s) {
        return s.method().equals("DELETE");
    }

    /** Overwritten just before the CopyObject (the old code: caught by its ETag check, as now by the pin). */
    @Test
    void moveAfterReadNeverMovesAVersionWrittenBeforeItsCopy() throws Exception {
        aVersionWrittenJustBeforeTheMoveIsDeliveredLater("late1/", "moveAfterRead=true&destinationPrefix=done/", 100_000,
                S3LiteCopyTest::isCopy);
        assertThat(objectSha("done/late1/obj.bin")).isEqualTo(sha(random(100_000, 9)));
    }

    /** Overwritten just before a multipart copy starts: the pinned parts (or the pinned HEAD after them) refuse it. */
    @Test
    void moveAfterReadInPartsNeverMovesAVersionWrittenBeforeItsCopy() throws Exception {
        aVersionWrittenJustBeforeTheMoveIsDeliveredLater("late2/", "moveAfterRead=true&destinationPrefix=done/&"
                                                                   + SMALL_PARTS, 11 * MIB, S3LiteCopyTest::isCreate);
        assertThat(objectSha("done/late2/obj.bin")).isEqualTo(sha(random(11 * MIB, 9)));
        assertThat(client.listMultipartUploads(bucket, "done/")).isEmpty();
    }

    /**
     * Overwritten after the copy was verified, just before the DELETE: a store that honours If-Match on
     * DeleteObject (AWS S3, S3Proxy) keeps the newer version. Failed on the old code (an unconditional delete).
     */
    @Test
    void moveAfterReadNeverDeletesAVersionWrittenBeforeTheDelete() throws Exception {
        aVersionWrittenJustBeforeTheMoveIsDeliveredLater("late4/", "moveAfterRead=true&destinationPrefix=done/", 100_000,
                S3LiteCopyTest::isDelete);
        assertThat(objectSha("done/late4/obj.bin")).isEqualTo(sha(random(100_000, 9)));
    }

    /** The same for deleteAfterRead. Failed on the old code. */
    @Test
    void deleteAfterReadNeverDeletesAVersionWrittenAfterTheDelivery() throws Exception {
        aVersionWrittenJustBeforeTheMoveIsDeliveredLater("late3/", "deleteAfterRead=true", 100_000,
                S3LiteCopyTest::isDelete);
    }

    @Test
    void everyDeleteAfterReadIsConditional() throws Exception {
        put("cond/a.txt", "a".getBytes(), ObjectWriteOptions.DEFAULTS);
        AtomicInteger delivered = new AtomicInteger();
        proxy.clear();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(consumer("cond/", "deleteAfterRead=true")).routeId("conddel").process(e -> delivered.incrementAndGet());
            }
        });
        try {
            await("deleted", () -> !exists("cond/a.txt"));
        } finally {
            context.getRouteController().stopRoute("conddel");
        }
        assertThat(proxy.seen()).filteredOn(s -> s.method().equals("DELETE")).hasSize(1)
                .allMatch(s -> s.hasHeader("If-Match"));
    }
}
