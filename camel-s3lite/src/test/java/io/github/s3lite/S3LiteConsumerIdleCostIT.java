package io.github.s3lite;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.CountingRepository;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an idle poll costs (issue 13.4) and the in-memory repository's capacity warning (issue 13.5). The shared
 * repository is a counting wrapper: it stands for a JDBC or Hazelcast one, where every call is a round trip.
 */
class S3LiteConsumerIdleCostIT {

    /** Listing 20,000 objects through S3Proxy takes minutes on a loaded 2-core machine. */
    private static final Duration IDLE_WAIT = Duration.ofMinutes(5);

    private final EmbeddedS3 s3 = EmbeddedS3.get();
    private final List<CamelContext> contexts = new ArrayList<>();
    private final S3LiteClient client = s3.newClient();

    @AfterEach
    void tearDown() throws Exception {
        for (CamelContext c : contexts) {
            c.stop();
        }
        client.close();
    }

    private S3LiteConsumer start(String endpoint, String bucket, IdempotentRepository repo, String options,
            Set<String> delivered) throws Exception {
        DefaultCamelContext context = new DefaultCamelContext();
        context.addComponent("s3lite", s3.newComponent(endpoint));
        context.getRegistry().bind("repo", repo);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("s3lite:" + bucket + "?idempotentRepository=#repo&includeBody=false&initialDelay=0&delay=20"
                     + "&maxMessagesPerPoll=100" + options).routeId("idle")
                        .process(e -> delivered.add(e.getMessage().getHeader(S3LiteConstants.KEY, String.class)));
            }
        });
        context.start();
        contexts.add(context);
        return (S3LiteConsumer) context.getRoute("idle").getConsumer();
    }

    private void putMany(String bucket, int n) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String key = String.format("idle/o-%06d", i);
                puts.add(pool.submit(() -> client.putObject(bucket, key, RequestBody.of(new byte[] { 1 }),
                        ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE)));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    /** Repository calls per idle pass, averaged over {@code passes} passes. */
    private static double callsPerIdlePass(S3LiteConsumer consumer, CountingRepository repo, int passes)
            throws InterruptedException {
        long first = consumer.getCompletedPasses() + 1;
        Await.until("a pass to begin", IDLE_WAIT, () -> consumer.getCompletedPasses() >= first);
        long calls = repo.calls();
        Await.until(passes + " idle passes", IDLE_WAIT, () -> consumer.getCompletedPasses() >= first + passes);
        return (repo.calls() - calls) / (double) passes;
    }

    private void idlePollsAskTheRepositoryNothing(String options) throws Exception {
        String bucket = s3.newBucket("idle-cost");
        int n = 300;
        putMany(bucket, n);
        CountingRepository repo = new CountingRepository(MemoryIdempotentRepository.memoryIdempotentRepository());
        repo.start();
        Set<String> delivered = ConcurrentHashMap.newKeySet();
        S3LiteConsumer consumer = start(s3.endpoint().toString(), bucket, repo, options, delivered);
        Await.until("all delivered", IDLE_WAIT, () -> delivered.size() == n);
        assertThat(callsPerIdlePass(consumer, repo, 3)).as("repository calls per idle pass over %d done objects", n)
                .isZero();

        // another node on the same repository: what it learns from the repository is a fact it keeps
        Set<String> second = ConcurrentHashMap.newKeySet();
        S3LiteConsumer other = start(s3.endpoint().toString(), bucket, repo, options, second);
        double calls = callsPerIdlePass(other, repo, 3);
        assertThat(second).as("nothing delivered twice").isEmpty();
        if (options.contains("claimTimeout")) {
            assertThat(calls).as("with leases a done mark read from the repository is cached").isZero();
        }
    }

    @Test
    void idlePollsAskTheSharedRepositoryNothingWithDoneMarks() throws Exception {
        idlePollsAskTheRepositoryNothing("");
    }

    @Test
    void idlePollsAskTheSharedRepositoryNothingWithLeases() throws Exception {
        idlePollsAskTheRepositoryNothing("&claimTimeout=30s");
    }

    /** Issue 13.5: a listing larger than the in-memory repository is warned about, once. */
    @Test
    void aListingLargerThanTheMemoryRepositoryIsWarnedAboutOnce() throws Exception {
        String bucket = s3.newBucket("idle-capacity");
        putMany(bucket, 60);
        Logger logger = (Logger) LoggerFactory.getLogger(S3LiteConsumer.class);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        logger.addAppender(log);
        try {
            Set<String> delivered = ConcurrentHashMap.newKeySet();
            S3LiteConsumer consumer = start(s3.endpoint().toString(), bucket,
                    MemoryIdempotentRepository.memoryIdempotentRepository(50), "", delivered);
            long passes = consumer.getCompletedPasses();
            Await.until("three passes", IDLE_WAIT, () -> consumer.getCompletedPasses() >= passes + 3);
            List<String> warnings = log.list.stream().map(ILoggingEvent::getFormattedMessage)
                    .filter(m -> m.contains("more than the in-memory idempotentRepository holds")).toList();
            assertThat(warnings).hasSize(1);
            assertThat(warnings.get(0)).contains(bucket, "50", "persistent idempotentRepository");
        } finally {
            logger.detachAppender(log);
        }
    }

    /**
     * The figure in the README: LIST requests and repository calls per idle poll over 20,000 objects, counted
     * through a FaultProxy and a counting repository. A measurement, not a test of speed: run it with
     * {@code -Ds3lite.measure=true -Dit.test=S3LiteConsumerIdleCostIT#measure*}.
     */
    @Test
    @EnabledIfSystemProperty(named = "s3lite.measure", matches = "true")
    void measureAnIdlePollOver20000Objects() throws Exception {
        int n = Integer.getInteger("s3lite.measure.objects", 20_000);
        String bucket = s3.newBucket("idle-measure");
        putMany(bucket, n);
        for (String options : new String[] { "", "&claimTimeout=60s" }) {
            try (FaultProxy proxy = new FaultProxy(s3.endpoint())) {
                CountingRepository repo = new CountingRepository(MemoryIdempotentRepository.memoryIdempotentRepository());
                repo.start();
                Set<String> delivered = ConcurrentHashMap.newKeySet();
                S3LiteConsumer consumer = start(proxy.endpoint().toString(), bucket, repo, options, delivered);
                Await.until("all delivered", IDLE_WAIT, () -> delivered.size() == n);
                long first = consumer.getCompletedPasses() + 1;
                Await.until("a pass to begin", IDLE_WAIT, () -> consumer.getCompletedPasses() >= first);
                long calls = repo.calls();
                long lists = proxy.seen().stream().filter(s -> s.target().contains("list-type=2")).count();
                Await.until("3 idle passes", IDLE_WAIT, () -> consumer.getCompletedPasses() >= first + 3);
                double perPass = (repo.calls() - calls) / 3.0;
                double listsPerPass = (proxy.seen().stream().filter(s -> s.target().contains("list-type=2")).count() - lists)
                        / 3.0;
                System.out.printf("MEASURED idle poll over %d objects%s: %.1f LIST requests, %.1f repository calls%n", n,
                        options.isEmpty() ? " (done marks)" : " (leases)", listsPerPass, perPass);
                contexts.remove(contexts.size() - 1).stop();
            }
        }
    }
}
