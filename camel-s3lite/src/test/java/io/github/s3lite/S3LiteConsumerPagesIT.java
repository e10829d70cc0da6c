package io.github.s3lite;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.S3Store;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consumer over a listing of many pages (2,500 objects, S3Proxy pages of 1,000): each object delivered exactly
 * once, nothing outside the prefix, nothing deleted. A Failsafe class: uploading and consuming 2,500 objects takes
 * a minute or more on a loaded machine (the other consumer cases are in {@link S3LiteConsumerTest}).
 */
class S3LiteConsumerPagesIT {

    private final S3Store s3 = EmbeddedS3.get();
    private final List<CamelContext> contexts = new ArrayList<>();
    private S3LiteClient client;

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

    private void put(String bucket, String key, String text) {
        client.putObject(bucket, key, RequestBody.of(text.getBytes(StandardCharsets.UTF_8)), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.NONE);
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

    @Test
    void deliversEveryObjectOnceAcrossManyPagesWithoutDeleting() throws Exception {
        String bucket = s3.newBucket("consumer-pages");
        int count = 2_500;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String k = String.format("in/obj-%05d.txt", i);
                puts.add(pool.submit(() -> put(bucket, k, k)));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        put(bucket, "other/not-me.txt", "outside the prefix");
        assertThat(client.listObjects(bucket, "in/", null, null, 0, null).truncated())
                .as("the listing has more than one page").isTrue();

        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        AtomicInteger total = new AtomicInteger();
        CamelContext ctx = start(new RouteBuilder() {
            @Override
            public void configure() {
                from(uri(bucket, "prefix=in/&maxMessagesPerPoll=500")).routeId("pages").process(e -> {
                    seen.computeIfAbsent(key(e), k -> new AtomicInteger()).incrementAndGet();
                    total.incrementAndGet();
                });
            }
        });
        Await.until("2,500 distinct keys", Duration.ofMinutes(3), () -> seen.size() >= count);
        S3LiteConsumer consumer = consumer(ctx, "pages");
        awaitPasses(consumer, 2);

        assertThat(seen).hasSize(count);
        assertThat(total.get()).as("deliveries, including any duplicate").isEqualTo(count);
        assertThat(seen.values()).allMatch(n -> n.get() == 1);
        assertThat(seen.keySet()).allMatch(k -> k.startsWith("in/obj-"));
        // nothing was deleted
        assertThat(client.listAllObjects(bucket, "in/", 0)).hasSize(count);
    }
}
