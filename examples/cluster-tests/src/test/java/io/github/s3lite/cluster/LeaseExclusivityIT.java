package io.github.s3lite.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.test.Await;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 13 point 1 across JVMs: three live consumer JVMs with {@code claimTimeout} share one Hazelcast repository
 * (the test JVM is a fourth member), each seeing it through a {@link DelayingLeaseNode} wrapper that holds a lease
 * {@code add} coming just before a window boundary until just after it, so another node already in the next window
 * checks before the late lease exists. The objects arrive one by one over many windows while all three poll, so the
 * nodes race for each new object. Every object must be delivered exactly once overall, with its own bytes.
 * <p>
 * Fails without the neighbouring-window back-off in {@code consumer.LeaseClaims.acquire} (objects delivered by two
 * nodes), as the in-JVM {@code S3LiteConsumerLeaseIT} does.
 */
class LeaseExclusivityIT extends ClusterTestBase {

    static final int NODES = 3;
    static final int WARM_UP = 6;
    static final int OBJECTS = WARM_UP + 300;
    /** claimTimeout: well above one exchange (HEAD + GET of a few KiB + 20 ms) on a loaded machine. */
    static final long WINDOW = 1000;
    static final long MARGIN = 250;
    static final long LATE = 100;

    @Override
    String bucketPrefix() {
        return "leases";
    }

    @Test
    void liveNodesInSeparateJvmsNeverBothDeliverAnObjectAcrossLeaseWindows() throws Exception {
        long t0 = System.nanoTime();
        String cluster = "s3lite-" + UUID.randomUUID();
        List<Integer> ports = new ArrayList<>();
        for (int i = 0; i <= NODES; i++) {
            ports.add(ClusterSupport.freePort());
        }
        String members = String.join(",", ports.stream().map(String::valueOf).toList());
        hz = Hz.member(cluster, ports.get(0), ports);
        List<Path> outs = new ArrayList<>();
        for (int n = 1; n <= NODES; n++) {
            Path out = tmp.resolve("node-" + n + ".txt");
            outs.add(out);
            List<String> args = new ArrayList<>(ClusterSupport.s3Args(s3.endpoint().toString(), bucket));
            args.addAll(List.of("mode=consume", "store=hazelcast", "cluster=" + cluster, "members=" + members,
                    "port=" + ports.get(n), "out=" + out, "bodies=true", "delayMillis=20", "maxPerPoll=5",
                    "stopFile=" + tmp.resolve("stop"), "consumerOptions=&initialDelay=0&claimTimeout=" + WINDOW,
                    "leaseWindowMillis=" + WINDOW, "leaseMarginMillis=" + MARGIN, "leaseLateMillis=" + LATE));
            nodes.add(ClusterSupport.start("lease-node-" + n, DelayingLeaseNode.class, args));
        }
        Await.until("all nodes in the cluster", Duration.ofSeconds(180),
                () -> hz.getCluster().getMembers().size() == NODES + 1);
        long tCluster = System.nanoTime();

        Map<String, String> expected = new TreeMap<>();
        Random random = new Random(13);
        for (int i = 0; i < OBJECTS; i++) {
            String key = String.format("o-%04d", i);
            byte[] body = new byte[1 + random.nextInt(8192)];
            random.nextBytes(body);
            expected.put(key, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
            client.putObject(bucket, key, RequestBody.of(body), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
            if (i == WARM_UP - 1) {
                // the first exchanges of a cold JVM are slow: let every node deliver something before the race
                Await.until("warm-up objects delivered", Duration.ofSeconds(120), () -> deliveries(outs).size() >= WARM_UP);
            } else {
                Thread.sleep(40); // ~25 new objects a second: every window has several races, some at its boundary
            }
        }
        long tPut = System.nanoTime();
        Await.until("every object delivered", Duration.ofSeconds(300), () -> deliveries(outs).size() >= OBJECTS);
        long tDelivered = System.nanoTime();
        Thread.sleep(3 * WINDOW); // every lease has expired: a late second delivery would show now
        Files.createFile(tmp.resolve("stop"));
        int delayed = 0;
        for (ClusterSupport.Node node : nodes) {
            assertThat(node.process().waitFor(60, TimeUnit.SECONDS)).as(node.log()).isTrue();
            delayed += node.output().stream().filter(l -> l.startsWith("DELAYED ")).mapToInt(l -> Integer.parseInt(l.substring(8)))
                    .sum();
        }

        Map<String, List<String>> byKey = new TreeMap<>();
        Map<String, Integer> perNode = new TreeMap<>();
        for (int n = 0; n < NODES; n++) {
            for (String line : lines(outs.get(n))) {
                String[] f = line.split(" ");
                byKey.computeIfAbsent(f[0], k -> new ArrayList<>()).add("node-" + (n + 1) + ":" + f[1]);
                perNode.merge("node-" + (n + 1), 1, Integer::sum);
            }
        }
        Map<String, List<String>> twice = new TreeMap<>();
        Map<String, String> shas = new TreeMap<>();
        byKey.forEach((k, v) -> {
            if (v.size() > 1) {
                twice.put(k, v);
            }
            shas.put(k, v.get(0).substring(v.get(0).indexOf(':') + 1));
        });
        System.out.printf("lease exclusivity across JVMs: %d objects, deliveries per node %s, %d lease adds held over a "
                          + "window boundary, %d objects delivered twice; cluster formed after %d ms, objects put in %d ms, all "
                          + "delivered %d ms later; %d ms in all%n", OBJECTS, perNode, delayed, twice.size(),
                (tCluster - t0) / 1_000_000, (tPut - tCluster) / 1_000_000, (tDelivered - tPut) / 1_000_000,
                (System.nanoTime() - t0) / 1_000_000);
        assertThat(twice).as("objects delivered by more than one live node (or twice by one)").isEmpty();
        assertThat(byKey.keySet()).as("every object delivered").isEqualTo(expected.keySet());
        assertThat(shas).as("SHA-256 of every delivered body").isEqualTo(expected);
        assertThat(perNode).as("more than one node took part").hasSizeGreaterThan(1);
        assertThat(delayed).as("lease adds held back over a window boundary (the race was provoked)").isGreaterThan(10);
    }

    /** Keys delivered so far, over all nodes. */
    private static Map<String, Integer> deliveries(List<Path> outs) {
        Map<String, Integer> seen = new HashMap<>();
        for (Path out : outs) {
            for (String line : lines(out)) {
                seen.merge(line.split(" ")[0], 1, Integer::sum);
            }
        }
        return seen;
    }

    private static List<String> lines(Path p) {
        try {
            return Files.exists(p) ? Files.readAllLines(p) : List.of();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
