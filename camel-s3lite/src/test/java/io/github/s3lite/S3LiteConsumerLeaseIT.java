package io.github.s3lite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PutResult;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.DelayingLeaseRepository;
import io.github.s3lite.test.EmbeddedS3;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * claimTimeout: a claim left by a dead node expires; two live nodes never both deliver an object, also when a lease
 * lands late across a window boundary; without it a claim is the done mark and never expires. A Failsafe class: the
 * window race takes half a minute or more.
 */
class S3LiteConsumerLeaseIT {

    private final EmbeddedS3 s3 = EmbeddedS3.get();

    private List<String> consume(String bucket, MemoryIdempotentRepository repo, String options, long waitMillis)
            throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            context.addComponent("s3lite", s3.newComponent());
            context.getRegistry().bind("repo", repo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("s3lite:" + bucket + "?idempotentRepository=#repo&includeBody=false&delay=100" + options)
                            .process(e -> delivered.add(e.getMessage().getHeader(S3LiteConstants.KEY, String.class)));
                }
            });
            context.start();
            Await.holdsWithin(Duration.ofMillis(waitMillis), () -> !delivered.isEmpty());
            Thread.sleep(300); // a second delivery would show now
        }
        return delivered;
    }

    @Test
    void aDeadNodesLeaseExpiresAndTheObjectIsDeliveredOnce() throws Exception {
        String bucket = s3.newBucket("lease");
        PutResult put;
        try (S3LiteClient c = s3.newClient()) {
            put = c.putObject(bucket, "orphan.txt", RequestBody.of("x".getBytes()), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        }
        MemoryIdempotentRepository repo = (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository();
        repo.start();
        String done = S3LiteConsumer.idempotentKey(bucket, "orphan.txt", put.eTag());
        // a node claimed the object in the current window and died
        repo.add(io.github.s3lite.consumer.LeaseClaims.leaseKey(done, System.currentTimeMillis() / 1000));

        long start = System.currentTimeMillis();
        List<String> delivered = consume(bucket, repo, "&claimTimeout=1s", 10_000);
        long waited = System.currentTimeMillis() - start;
        assertThat(delivered).containsExactly("orphan.txt");
        assertThat(waited).as("not before the lease expired").isGreaterThanOrEqualTo(900);
        assertThat(repo.contains(done)).as("done mark written on success").isTrue();

        // done: a second consumer with the same repository delivers nothing
        assertThat(consume(bucket, repo, "&claimTimeout=1s", 2_500)).isEmpty();
    }

    @Test
    void withoutClaimTimeoutAClaimNeverExpires() throws Exception {
        String bucket = s3.newBucket("nolease");
        PutResult put;
        try (S3LiteClient c = s3.newClient()) {
            put = c.putObject(bucket, "claimed.txt", RequestBody.of("x".getBytes()), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        }
        MemoryIdempotentRepository repo = (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository();
        repo.start();
        repo.add(S3LiteConsumer.idempotentKey(bucket, "claimed.txt", put.eTag()));
        assertThat(consume(bucket, repo, "", 2_500)).isEmpty();
    }

    /**
     * Two live nodes, one repository whose lease adds land late when they come just before a window boundary: a
     * node already in the next window must not take a second lease on the same object (issue 13.1: the old check
     * of the current and the previous window let both nodes deliver).
     */
    @Test
    void twoLiveNodesNeverBothDeliverAnObjectAcrossWindowBoundaries() throws Exception {
        String bucket = s3.newBucket("lease-race");
        int warmUp = 4;
        int objects = warmUp + 150;
        long window = 1000; // well above one exchange (HEAD + at most 60 ms) on a loaded machine
        MemoryIdempotentRepository shared = (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository();
        DelayingLeaseRepository repo = new DelayingLeaseRepository(shared, window, 250, 100);
        repo.start();
        Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
        Map<String, Integer> perNode = new ConcurrentHashMap<>();
        List<CamelContext> nodes = new ArrayList<>();
        try {
            for (int n = 0; n < 2; n++) {
                String node = "node" + n;
                Random random = new Random(n);
                DefaultCamelContext context = new DefaultCamelContext();
                context.addComponent("s3lite", s3.newComponent());
                context.getRegistry().bind("repo", repo);
                context.addRoutes(new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("s3lite:" + bucket + "?idempotentRepository=#repo&includeBody=false&initialDelay=0&delay=20"
                             + "&maxMessagesPerPoll=5&claimTimeout=" + window)
                                .process(e -> {
                                    String key = e.getMessage().getHeader(S3LiteConstants.KEY, String.class);
                                    deliveries.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
                                    perNode.merge(node, 1, Integer::sum);
                                    Thread.sleep(random.nextInt(60));
                                });
                    }
                });
                nodes.add(context);
            }
            for (CamelContext context : nodes) {
                context.start();
            }
            try (S3LiteClient c = s3.newClient()) {
                // a few objects first, so that the race below does not meet a cold JVM's slow first exchanges
                for (int i = 0; i < objects; i++) {
                    c.putObject(bucket, String.format("o-%03d", i), RequestBody.of(("x" + i).getBytes()),
                            ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
                    if (i == warmUp - 1) {
                        Await.until("the warm-up objects delivered", () -> deliveries.size() >= warmUp);
                    }
                }
            }
            Await.until("every object delivered", Duration.ofMinutes(2), () -> deliveries.size() >= objects);
            Thread.sleep(2 * window); // a late duplicate would show now
        } finally {
            for (CamelContext context : nodes) {
                context.stop();
            }
        }
        assertThat(deliveries).hasSize(objects);
        assertThat(repo.delayedAdds()).as("lease adds held back over a boundary").isGreaterThan(5);
        assertThat(perNode).as("both nodes took part").containsKeys("node0", "node1");
        assertThat(deliveries.entrySet().stream().filter(e -> e.getValue().get() > 1).map(Map.Entry::getKey).toList())
                .as("objects delivered twice").isEmpty();
    }
}
