package io.github.s3lite.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.hazelcast.map.IMap;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.test.Await;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two consumer JVMs poll one bucket of 1,000 objects with a shared HazelcastIdempotentRepository (the test JVM is a
 * third member). Each JVM appends the keys it delivered to its own file; the test unions the files.
 */
class CompetingConsumersIT extends ClusterTestBase {

    static final int OBJECTS = 1000;

    String cluster;
    int pTest;
    int pA;
    int pB;

    @Override
    String bucketPrefix() {
        return "consumers";
    }

    @BeforeEach
    void uploadObjectsAndJoinTheCluster() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<?>> puts = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) {
            String key = String.format("in/obj-%04d", i);
            puts.add(pool.submit(() -> client.putObject(bucket, key, RequestBody.of(key.getBytes()),
                    ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE)));
        }
        for (Future<?> f : puts) {
            f.get();
        }
        pool.shutdown();
        cluster = "s3lite-" + UUID.randomUUID();
        pTest = ClusterSupport.freePort();
        pA = ClusterSupport.freePort();
        pB = ClusterSupport.freePort();
        hz = Hz.member(cluster, pTest, List.of(pTest, pA, pB));
    }


    private ClusterSupport.Node consumer(String name, int port, Path out, long delayMillis, int maxPerPoll) throws Exception {
        return consumer(name, port, out, delayMillis, maxPerPoll, "");
    }

    private ClusterSupport.Node consumer(String name, int port, Path out, long delayMillis, int maxPerPoll, String options)
            throws Exception {
        List<String> args = new ArrayList<>(ClusterSupport.s3Args(s3.endpoint().toString(), bucket));
        args.addAll(List.of("mode=consume", "store=hazelcast", "cluster=" + cluster, "members=" + pTest + "," + pA + "," + pB,
                "port=" + port, "out=" + out, "delayMillis=" + delayMillis, "maxPerPoll=" + maxPerPoll, "stopFile=" + tmp.resolve("stop")));
        if (!options.isEmpty()) {
            args.add("consumerOptions=" + options);
        }
        ClusterSupport.Node n = ClusterSupport.start(name, args);
        nodes.add(n);
        return n;
    }

    static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Set<String> allKeys() {
        return IntStream.range(0, OBJECTS).mapToObj(i -> String.format("in/obj-%04d", i)).collect(Collectors.toSet());
    }

    @Test
    void eachObjectIsDeliveredExactlyOnceAcrossTwoNodes() throws Exception {
        long t0 = System.nanoTime();
        Path outA = tmp.resolve("a.txt");
        Path outB = tmp.resolve("b.txt");
        consumer("consumer-a", pA, outA, 0, 100);
        consumer("consumer-b", pB, outB, 0, 100);
        Await.until("all objects delivered", Duration.ofSeconds(300), () -> lines(outA).size() + lines(outB).size() >= OBJECTS);
        Thread.sleep(1500); // a few more polls: nothing may come twice
        Files.createFile(tmp.resolve("stop"));
        List<String> a = lines(outA);
        List<String> b = lines(outB);
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        assertThat(all).as("no duplicates").doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).as("full coverage").isEqualTo(allKeys());
        assertThat(a).as("node A took part").isNotEmpty();
        assertThat(b).as("node B took part").isNotEmpty();
        System.out.printf("competing consumers: A delivered %d, B delivered %d, total %d of %d, no duplicates; %d ms%n",
                a.size(), b.size(), all.size(), OBJECTS, (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * A consumer killed midway. With {@code claimTimeout} the claims are leases: the survivor delivers every object,
     * including the ones the dead node had claimed but not confirmed, once their leases expire. Those in-flight
     * objects are the only ones that may be delivered twice (the dead node may have processed one and died before
     * confirming it): at least once for them, exactly once for all others.
     */
    @Test
    void survivorDeliversEverythingIncludingWhatTheKilledNodeHadInFlight() throws Exception {
        long t0 = System.nanoTime();
        Path outA = tmp.resolve("a.txt");
        Path outB = tmp.resolve("b.txt");
        ClusterSupport.Node a = consumer("consumer-a", pA, outA, 3, 20, "&claimTimeout=2s");
        consumer("consumer-b", pB, outB, 3, 20, "&claimTimeout=2s");
        Await.until("node A delivered 150", Duration.ofSeconds(120), () -> lines(outA).size() >= 150);
        Thread.sleep(25); // land inside a batch: some claims of A are not confirmed yet
        a.kill();
        int deliveredByA = lines(outA).size();
        IMap<String, Boolean> map = hz.getMap(ClusterNode.REPOSITORY);
        String prefix = bucket + "/";
        Set<String> leasesOfA = new HashSet<>();
        Await.until("node A dropped from the cluster", Duration.ofSeconds(180), () -> hz.getCluster().getMembers().size() == 2);
        for (String k : map.keySet()) {
            if (k.startsWith(prefix) && k.contains("#lease-")) {
                leasesOfA.add(keyOf(k, prefix));
            }
        }
        Await.until("every object delivered", Duration.ofSeconds(300), () -> {
            Set<String> covered = new HashSet<>(lines(outA));
            covered.addAll(lines(outB));
            return covered.size() >= OBJECTS;
        });
        Thread.sleep(1500);
        Files.createFile(tmp.resolve("stop"));
        List<String> la = lines(outA);
        List<String> lb = lines(outB);
        List<String> all = new ArrayList<>(la);
        all.addAll(lb);
        assertThat(new HashSet<>(all)).as("full coverage: the dead node's claims expired").isEqualTo(allKeys());
        Set<String> twice = new HashSet<>();
        Set<String> seen = new HashSet<>();
        for (String k : all) {
            if (!seen.add(k)) {
                twice.add(k);
            }
        }
        assertThat(lb).as("the survivor delivers nothing twice itself").doesNotHaveDuplicates();
        assertThat(twice).as("only objects the dead node had in flight may come twice").isSubsetOf(leasesOfA);
        assertThat(twice.size()).isLessThanOrEqualTo(20);
        System.out.printf("consumer killed midway: A delivered %d before the kill, B delivered %d; A left %d leases, "
                          + "%d objects delivered twice (A processed them, died before confirming); %d ms%n", deliveredByA,
                lb.size(), leasesOfA.size(), twice.size(), (System.nanoTime() - t0) / 1_000_000);
    }

    private static String keyOf(String claim, String prefix) {
        return claim.substring(prefix.length(), claim.lastIndexOf('@'));
    }
}
