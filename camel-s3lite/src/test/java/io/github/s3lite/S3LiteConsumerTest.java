package io.github.s3lite;

import java.io.File;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.content.UserMetadata;
import io.github.s3lite.journal.Journal;
import io.github.s3lite.repository.JournalIdempotentRepository;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.EmbeddedS3;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The polling consumer against the embedded S3Proxy. */
class S3LiteConsumerTest {


    private final EmbeddedS3 s3 = EmbeddedS3.get();
    private final List<CamelContext> contexts = new ArrayList<>();
    private S3LiteClient client;

    @TempDir
    Path tmp;

    @BeforeEach
    void setUp() {
        client = s3.newClient();
    }

    @AfterEach
    void tearDown() throws Exception {
        for (CamelContext c : contexts) {
            c.stop();
        }
        assertThat(client.leasedConnections()).as("connections leaked").isZero();
        client.close();
    }

    // ------------------------------------------------------------------ helpers

    private CamelContext start(RouteBuilder routes) throws Exception {
        DefaultCamelContext ctx = new DefaultCamelContext();
        ctx.getRegistry().bind("s3", client);
        ctx.addRoutes(routes);
        ctx.start();
        contexts.add(ctx);
        return ctx;
    }

    private static String uri(String bucket, String options) {
        return "s3lite:" + bucket + "?s3Client=#s3&initialDelay=0&delay=50" + (options.isEmpty() ? "" : "&" + options);
    }

    private void put(String bucket, String key, byte[] data) {
        client.putObject(bucket, key, RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
    }

    private void put(String bucket, String key, String text) {
        put(bucket, key, text.getBytes(StandardCharsets.UTF_8));
    }

    private byte[] get(String bucket, String key) throws Exception {
        try (GetObjectResponse r = client.getObject(bucket, key, GetOptions.NONE)) {
            return r.body().readAllBytes();
        }
    }

    private boolean exists(String bucket, String key) {
        try {
            client.headObject(bucket, key, null);
            return true;
        } catch (S3NotFoundException e) {
            return false;
        }
    }

    private static S3LiteConsumer consumer(CamelContext ctx, String routeId) {
        return (S3LiteConsumer) ctx.getRoute(routeId).getConsumer();
    }

    /** Waits until the consumer has finished {@code n} more complete listing passes. */
    private static void awaitPasses(S3LiteConsumer consumer, int n) throws InterruptedException {
        long target = consumer.getCompletedPasses() + n;
        Await.until(n + " more listing passes", () -> consumer.getCompletedPasses() >= target);
    }

    private static String key(Exchange e) {
        return e.getMessage().getHeader(S3LiteConstants.KEY, String.class);
    }

    // ------------------------------------------------------------------ 1. pagination

    // the 2,500-object listing across pages is S3LiteConsumerPagesIT (Failsafe)

    // ------------------------------------------------------------------ 2. new objects, 3. changed objects

    @Test
    void picksUpObjectsAddedBetweenPolls() throws Exception {
        String bucket = s3.newBucket("consumer-new");
        for (int i = 0; i < 3; i++) {
            put(bucket, "a-" + i, "first " + i);
        }
        Set<String> seen = ConcurrentHashMap.newKeySet();
        AtomicInteger total = new AtomicInteger();
        CamelContext ctx = start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "")).routeId("new").process(e -> {
                    seen.add(key(e));
                    total.incrementAndGet();
                });
            }
        });
        Await.until("the first 3 objects", () -> seen.size() == 3);
        awaitPasses(consumer(ctx, "new"), 1);
        put(bucket, "b-0", "later");
        put(bucket, "0-before-the-others", "later, listed first");
        Await.until("the objects added later", () -> seen.size() == 5);
        awaitPasses(consumer(ctx, "new"), 2);
        assertThat(seen).containsExactlyInAnyOrder("a-0", "a-1", "a-2", "b-0", "0-before-the-others");
        assertThat(total.get()).isEqualTo(5);
    }

    @Test
    void deliversAChangedObjectAgain() throws Exception {
        String bucket = s3.newBucket("consumer-changed");
        put(bucket, "doc.txt", "version one");
        List<String> bodies = new CopyOnWriteArrayListOfStrings();
        List<String> eTags = new CopyOnWriteArrayListOfStrings();
        CamelContext ctx = start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "")).routeId("changed").process(e -> {
                    eTags.add(e.getMessage().getHeader(S3LiteConstants.E_TAG, String.class));
                    bodies.add(e.getMessage().getBody(String.class));
                });
            }
        });
        Await.until("the first version", () -> bodies.size() == 1);
        awaitPasses(consumer(ctx, "changed"), 1);
        assertThat(bodies).containsExactly("version one");

        put(bucket, "doc.txt", "version two, longer");
        Await.until("the second version", () -> bodies.size() == 2);
        awaitPasses(consumer(ctx, "changed"), 2);
        assertThat(bodies).containsExactly("version one", "version two, longer");
        assertThat(eTags.get(0)).isNotEqualTo(eTags.get(1));
    }

    /** A small thread-safe list (the processors run on the scheduler thread, the assertions on the test's). */
    private static final class CopyOnWriteArrayListOfStrings extends java.util.concurrent.CopyOnWriteArrayList<String> {
    }

    // ------------------------------------------------------------------ 4. failure and retry

    @Test
    void aFailedExchangeLeavesTheObjectAndItIsRetried() throws Exception {
        String bucket = s3.newBucket("consumer-retry");
        put(bucket, "good-1", "g1");
        put(bucket, "bad", "fails once");
        put(bucket, "good-2", "g2");
        Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
        AtomicBoolean failed = new AtomicBoolean();
        AtomicBoolean presentOnRetry = new AtomicBoolean();
        List<String> bodiesOfBad = new CopyOnWriteArrayListOfStrings();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "deleteAfterRead=true")).routeId("retry").process(e -> {
                    String k = key(e);
                    attempts.computeIfAbsent(k, x -> new AtomicInteger()).incrementAndGet();
                    if (k.equals("bad")) {
                        bodiesOfBad.add(e.getMessage().getBody(String.class));
                        if (failed.compareAndSet(false, true)) {
                            throw new IllegalStateException("first attempt fails");
                        }
                        presentOnRetry.set(exists(bucket, "bad"));
                    }
                });
            }
        });
        Await.until("the retry to succeed and every object to be deleted",
                () -> attempts.containsKey("bad") && attempts.get("bad").get() == 2
                      && client.listAllObjects(bucket, null, 0).isEmpty());
        assertThat(presentOnRetry).as("the failed object stayed in place").isTrue();
        assertThat(bodiesOfBad).containsExactly("fails once", "fails once");
        assertThat(attempts.get("good-1").get()).isEqualTo(1);
        assertThat(attempts.get("good-2").get()).isEqualTo(1);
    }

    // ------------------------------------------------------------------ 5. move

    @Test
    void moveAfterReadCopiesVerifiesThenDeletes() throws Exception {
        String bucket = s3.newBucket("consumer-move-src");
        String dest = s3.newBucket("consumer-move-dst");
        Map<String, byte[]> data = new ConcurrentHashMap<>();
        for (int i = 0; i < 5; i++) {
            byte[] b = new byte[100_000 + i];
            new Random(i).nextBytes(b);
            data.put("m/obj-" + i + ".bin", b);
            put(bucket, "m/obj-" + i + ".bin", b);
        }
        Map<String, byte[]> read = new ConcurrentHashMap<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "moveAfterRead=true&destinationBucket=" + dest + "&destinationPrefix=done/"))
                        .routeId("move").process(e -> {
                            read.put(key(e), e.getMessage().getBody(byte[].class));
                            // during processing nothing is at the destination yet
                            assertThat(exists(dest, "done/" + key(e))).isFalse();
                        });
            }
        });
        Await.until("all moved", () -> read.size() == 5 && client.listAllObjects(bucket, null, 0).isEmpty()
                                 && client.listAllObjects(dest, null, 0).size() == 5);
        for (Map.Entry<String, byte[]> e : data.entrySet()) {
            assertThat(read.get(e.getKey())).as("body of %s", e.getKey()).isEqualTo(e.getValue());
            assertThat(get(dest, "done/" + e.getKey())).as("moved copy of %s", e.getKey()).isEqualTo(e.getValue());
            assertThat(exists(bucket, e.getKey())).isFalse();
        }
    }

    @Test
    void aFailedCopyKeepsTheSource() throws Exception {
        String bucket = s3.newBucket("consumer-move-fail");
        put(bucket, "keep.txt", "keep me");
        AtomicInteger deliveries = new AtomicInteger();
        CamelContext ctx = start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "moveAfterRead=true&destinationBucket=no-such-bucket-s3lite-test"))
                        .routeId("movefail").process(e -> deliveries.incrementAndGet());
            }
        });
        // issue 13.8: a failed move does not mark the object done (it used to: the object stayed, never moved)
        Await.until("a second delivery after the failed move", () -> deliveries.get() >= 2);
        awaitPasses(consumer(ctx, "movefail"), 1);
        assertThat(get(bucket, "keep.txt")).asString(StandardCharsets.UTF_8).isEqualTo("keep me");
    }

    @Test
    void moveOntoItselfIsRejected() {
        String bucket = s3.newBucket("consumer-move-self");
        assertThatThrownBy(() -> start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "moveAfterRead=true")).to("mock:x");
            }
        })).hasStackTraceContaining("destinationPrefix");
    }

    /**
     * Issue 13.2: the destination prefix inside the listed prefix on the same bucket. Keys under destinationPrefix
     * are skipped, so a moved object is not listed, delivered and moved again (it used to be: done/a.txt,
     * done/done/a.txt, ...).
     */
    @Test
    void moveIntoAPrefixInsideTheListingDeliversOnceAndSkipsTheDestination() throws Exception {
        String bucket = s3.newBucket("consumer-move-inside");
        put(bucket, "a.txt", "a");
        put(bucket, "done/earlier.txt", "already in the destination: not delivered");
        List<String> delivered = new java.util.concurrent.CopyOnWriteArrayList<>();
        CamelContext ctx = start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "moveAfterRead=true&destinationPrefix=done/")).routeId("moveinside")
                        .process(e -> delivered.add(key(e)));
            }
        });
        Await.until("the move", () -> exists(bucket, "done/a.txt") && !exists(bucket, "a.txt"));
        awaitPasses(consumer(ctx, "moveinside"), 3);
        assertThat(delivered).containsExactly("a.txt");
        assertThat(client.listAllObjects(bucket, null, 0).stream().map(o -> o.key()).toList())
                .containsExactlyInAnyOrder("done/a.txt", "done/earlier.txt");
    }

    // ------------------------------------------------------------------ 6. two consumers, one repository

    @Test
    void twoConsumersSharingAFileRepositoryDeliverEachObjectOnce() throws Exception {
        IdempotentRepository repo = FileIdempotentRepository.fileIdempotentRepository(tmp.resolve("s3lite-ids.txt").toFile(),
                10_000);
        twoConsumersDeliverEachObjectOnce(node -> repo);
        // the file holds each version once
        assertThat(Files.readAllLines(tmp.resolve("s3lite-ids.txt"))).hasSize(300).doesNotHaveDuplicates();
    }

    /** Each node its own JournalIdempotentRepository instance on one file: they share one journal in this JVM. */
    @Test
    void twoConsumersWithTheirOwnJournalRepositoryOnOneFileDeliverEachObjectOnce() throws Exception {
        Path file = tmp.resolve("ids.journal");
        twoConsumersDeliverEachObjectOnce(node -> new JournalIdempotentRepository(file.toString()));
        assertThat(Journal.readKeys(file)).hasSize(300).allMatch(k -> k.contains("/s/") && k.contains("@"));
    }

    private void twoConsumersDeliverEachObjectOnce(Function<String, IdempotentRepository> repositoryOfNode)
            throws Exception {
        String bucket = s3.newBucket("consumer-shared");
        int count = 300;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String k = String.format("s/%04d", i);
                puts.add(pool.submit(() -> put(bucket, k, k)));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        Map<String, AtomicInteger> perNode = new ConcurrentHashMap<>();
        List<CamelContext> nodes = new ArrayList<>();
        for (String node : List.of("node-a", "node-b")) {
            CamelContext ctx = new DefaultCamelContext();
            ctx.getRegistry().bind("s3", client);
            ctx.getRegistry().bind("ids", repositoryOfNode.apply(node));
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from(uri(bucket, "idempotentRepository=#ids&maxMessagesPerPoll=25")).routeId(node).process(e -> {
                        seen.computeIfAbsent(key(e), k -> new AtomicInteger()).incrementAndGet();
                        boolean first = perNode.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet() == 1;
                        total.incrementAndGet();
                        if (first) {
                            // hold this node's first object until the other node delivered one too: it can only by
                            // claiming another object of the shared listing, which is what this test is about
                            Await.holdsWithin(Duration.ofSeconds(60), () -> perNode.size() == 2);
                        }
                        Thread.sleep(1); // let the other node get a word in
                    });
                }
            });
            contexts.add(ctx);
            nodes.add(ctx);
        }
        for (CamelContext ctx : nodes) {
            ctx.start();
        }
        Await.until("300 distinct keys", () -> seen.size() == count);
        awaitPasses(consumer(nodes.get(0), "node-a"), 2);
        awaitPasses(consumer(nodes.get(1), "node-b"), 2);
        assertThat(total.get()).isEqualTo(count);
        assertThat(seen.values()).allMatch(n -> n.get() == 1);
        assertThat(perNode).as("both nodes took part").containsOnlyKeys("node-a", "node-b");
        System.out.println("shared repository: deliveries per node " + perNode);
    }

    // ------------------------------------------------------------------ 7. large objects, flat memory

    @Test
    void largeObjectsStreamToDiskWithFlatHeap() throws Exception {
        String bucket = s3.newBucket("consumer-large");
        int size = 64 * 1024 * 1024;
        Path source = tmp.resolve("large.bin");
        byte[] block = new byte[1024 * 1024];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(source)) {
            for (int i = 0; i < size / block.length; i++) {
                block[0] = (byte) i; // every MiB differs a little
                out.write(block);
            }
        }
        block = null;
        byte[] expectedMd5 = md5(source);
        for (int i = 0; i < 3; i++) {
            client.putObject(bucket, "big/part-" + i + ".bin", RequestBody.of(source, 0, size), ObjectWriteOptions.DEFAULTS,
                    ChecksumAlgorithm.NONE);
        }
        Path out = tmp.resolve("out");
        MemoryMXBean mx = ManagementFactory.getMemoryMXBean();
        System.gc();
        long baseline = mx.getHeapMemoryUsage().getUsed();
        AtomicLong peak = new AtomicLong();
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                System.gc();
                peak.accumulateAndGet(mx.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(25);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-sampler");
        sampler.start();

        ConcurrentLinkedQueue<Object> bodies = new ConcurrentLinkedQueue<>();
        AtomicInteger done = new AtomicInteger();
        CamelContext ctx = start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "prefix=big/&maxMessagesPerPoll=1")).routeId("large")
                        .process(e -> bodies.add(e.getMessage().getBody()))
                        .to("file:" + out.toAbsolutePath() + "?fileName=${header.CamelS3LiteKey}")
                        .process(e -> done.incrementAndGet());
            }
        });
        try {
            Await.until("3 large objects written", Duration.ofMinutes(3), () -> done.get() == 3);
            awaitPasses(consumer(ctx, "large"), 1);
        } finally {
            sampling.set(false);
            sampler.join();
        }
        long grew = peak.get() - baseline;
        System.out.printf("large objects: heap baseline %d MiB, peak after GC %d MiB (+%d MiB) for 3 x 64 MiB%n",
                baseline >> 20, peak.get() >> 20, grew >> 20);
        assertThat(ctx.isStreamCaching()).as("stream caching is on (Camel 4 default) and must not buffer").isTrue();
        assertThat(grew).as("heap growth while streaming 192 MiB").isLessThan(32L * 1024 * 1024);
        for (int i = 0; i < 3; i++) {
            Path f = out.resolve("big/part-" + i + ".bin");
            assertThat(Files.size(f)).isEqualTo(size);
            assertThat(md5(f)).isEqualTo(expectedMd5);
        }
        assertThat(bodies).hasSize(3).allSatisfy(b -> {
            assertThat(b).isInstanceOf(S3LiteObjectStream.class);
            assertThat(((S3LiteObjectStream) b).isConnected()).as("body stream closed").isFalse();
            assertThat(((S3LiteObjectStream) b).getOpenCount()).as("one GET per object").isEqualTo(1);
        });
        Await.until("connections back in the pool", () -> client.leasedConnections() == 0);
    }

    private static byte[] md5(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("MD5");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) != -1) {
                md.update(buf, 0, n);
            }
        }
        return md.digest();
    }

    // ------------------------------------------------------------------ body handling

    @Test
    void bodyIsOpenedOnlyWhenReadAndClosedAfterwardsAlsoOnFailure() throws Exception {
        String bucket = s3.newBucket("consumer-lazy");
        put(bucket, "unread", "nobody reads me");
        put(bucket, "partly", "x".repeat(200_000));
        put(bucket, "fails", "y".repeat(200_000));
        Map<String, S3LiteObjectStream> bodies = new ConcurrentHashMap<>();
        List<S3LiteObjectStream> all = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean failedOnce = new AtomicBoolean();
        AtomicInteger finished = new AtomicInteger();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                onException(Exception.class).handled(false).process(e -> finished.incrementAndGet());
                from(uri(bucket, "")).routeId("lazy").process(e -> {
                    S3LiteObjectStream body = e.getMessage().getBody(S3LiteObjectStream.class);
                    bodies.put(key(e), body);
                    all.add(body);
                    if (!key(e).equals("unread")) {
                        assertThat(body.read(new byte[10])).isEqualTo(10); // opens the GET, leaves the rest unread
                        assertThat(body.isConnected()).isTrue();
                    }
                    if (key(e).equals("partly")) {
                        // re-readable: reset starts a new GET at byte 0 instead of buffering
                        body.reset();
                        assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("x".repeat(200_000));
                        assertThat(body.getOpenCount()).isEqualTo(2);
                        assertThat(body.position()).isEqualTo(200_000);
                        body.reset();
                        assertThat(body.read()).isEqualTo('x');
                    }
                    if (key(e).equals("fails") && failedOnce.compareAndSet(false, true)) {
                        throw new IllegalStateException("boom");
                    }
                }).process(e -> finished.incrementAndGet());
            }
        });
        Await.until("all three handled (and the failure retried)", () -> finished.get() >= 4 && bodies.size() == 3);
        Await.until("connections back in the pool", () -> client.leasedConnections() == 0);
        assertThat(bodies.get("unread").getOpenCount()).as("no GET for an unread body").isZero();
        assertThat(all).hasSize(4).allMatch(b -> !b.isConnected());
    }

    // ------------------------------------------------------------------ 8. headers only, delimiter, folders

    @Test
    void includeBodyFalseDeliversHeadersOnly() throws Exception {
        String bucket = s3.newBucket("consumer-headers");
        Map<String, String> meta = Map.of("owner", "team-a", "note", "Grüße aus Köln");
        client.putObject(bucket, "h/doc.txt", RequestBody.of("hello headers".getBytes(StandardCharsets.UTF_8)),
                ObjectWriteOptions.DEFAULTS.withContentType("text/plain; charset=utf-8")
                        .withMetadata(UserMetadata.encodeForWire(meta)),
                ChecksumAlgorithm.NONE);
        List<Exchange> got = new java.util.concurrent.CopyOnWriteArrayList<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "includeBody=false")).routeId("headers").process(e -> got.add(e.copy()));
            }
        });
        Await.until("the delivery", () -> got.size() == 1);
        Exchange e = got.get(0);
        assertThat(e.getMessage().getBody()).isNull();
        assertThat(e.getMessage().getHeader(S3LiteConstants.KEY)).isEqualTo("h/doc.txt");
        assertThat(e.getMessage().getHeader(S3LiteConstants.BUCKET_NAME)).isEqualTo(bucket);
        assertThat(e.getMessage().getHeader(S3LiteConstants.CONTENT_LENGTH)).isEqualTo(13L);
        assertThat(e.getMessage().getHeader(S3LiteConstants.CONTENT_TYPE, String.class)).startsWith("text/plain");
        assertThat(e.getMessage().getHeader(S3LiteConstants.E_TAG, String.class)).isNotBlank();
        assertThat(e.getMessage().getHeader(S3LiteConstants.LAST_MODIFIED)).isInstanceOf(Instant.class);
        assertThat(e.getMessage().getHeader(S3LiteConstants.METADATA, Map.class)).isEqualTo(meta);
    }

    @Test
    void delimiterAndIncludeFoldersSelectKeys() throws Exception {
        String bucket = s3.newBucket("consumer-folders");
        put(bucket, "d/a.txt", "a");
        put(bucket, "d/sub/b.txt", "b");
        put(bucket, "d/empty/", new byte[0]);
        Map<String, Set<String>> seen = new ConcurrentHashMap<>();
        CamelContext ctx = start(new RouteBuilder() {
            @Override
            public void configure() {
                Map<String, String> routes = Map.of(
                        "flat", "prefix=d/&delimiter=/",
                        "deep", "prefix=d/",
                        "folders", "prefix=d/&includeFolders=true");
                routes.forEach((id, options) -> from(uri(bucket, options)).routeId(id)
                        .process(e -> seen.computeIfAbsent(id, x -> ConcurrentHashMap.newKeySet()).add(key(e))));
            }
        });
        for (String id : List.of("flat", "deep", "folders")) {
            awaitPasses(consumer(ctx, id), 2);
        }
        assertThat(seen.get("flat")).containsExactlyInAnyOrder("d/a.txt");
        assertThat(seen.get("deep")).containsExactlyInAnyOrder("d/a.txt", "d/sub/b.txt");
        assertThat(seen.get("folders")).containsExactlyInAnyOrder("d/a.txt", "d/sub/b.txt", "d/empty/");
    }

    @Test
    void destinationDirectoryDownloadsToFiles() throws Exception {
        String bucket = s3.newBucket("consumer-dir");
        put(bucket, "x/y/one.txt", "one");
        put(bucket, "two.txt", "two");
        Path dir = tmp.resolve("downloads");
        Map<String, Object> bodies = new ConcurrentHashMap<>();
        start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "destinationDirectory=" + dir.toAbsolutePath())).routeId("dir")
                        .process(e -> bodies.put(key(e), e.getMessage().getBody()));
            }
        });
        Await.until("both downloaded", () -> bodies.size() == 2);
        assertThat(bodies.get("x/y/one.txt")).isEqualTo(dir.resolve("x/y/one.txt").toFile());
        assertThat(Files.readString(dir.resolve("x/y/one.txt"))).isEqualTo("one");
        assertThat(((File) bodies.get("two.txt"))).hasContent("two");
        Set<String> left = new HashSet<>();
        try (var s = Files.walk(dir)) {
            s.filter(Files::isRegularFile).forEach(p -> left.add(dir.relativize(p).toString()));
        }
        assertThat(left).containsExactlyInAnyOrder("x/y/one.txt", "two.txt");
    }
}
