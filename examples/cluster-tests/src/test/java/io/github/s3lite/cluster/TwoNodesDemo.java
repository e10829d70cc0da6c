package io.github.s3lite.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.TestFiles;

/**
 * The two-node demo ({@code run-two-nodes.sh}): this JVM runs the S3 server (S3Proxy behind a proxy that slows
 * part uploads so there is time to kill a node) and a Hazelcast member that keeps the checkpoints' backups. Node A
 * and node B are separate JVMs ({@link ClusterNode}), each a Hazelcast member with a route whose
 * checkpointRepository is a HazelcastIdempotentRepository. A uploads a 200 MiB file and is killed (kill -9) after
 * a few parts; B uploads the same file and resumes A's upload.
 * <p>
 * Args: {@code [sizeMiB] [killAfterParts]} (default 200 and 8).
 */
public final class TwoNodesDemo {
    public static void main(String[] args) throws Exception {
        long size = (args.length > 0 ? Long.parseLong(args[0]) : 200) * ClusterSupport.MIB;
        int killAfter = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        Path dir = Files.createTempDirectory("s3lite-two-nodes");
        Path file = dir.resolve("big.bin");
        System.out.printf("== writing %d MiB of random bytes to %s%n", size / ClusterSupport.MIB, file);
        TestFiles.writeRandom(file, size, 42);

        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("two-nodes");
        try (FaultProxy proxy = new FaultProxy(s3.endpoint())) {
            proxy.rule(s -> s.isUploadPart() ? new FaultProxy.Slow(300, 0) : FaultProxy.PASS);
            String cluster = "s3lite-demo-" + UUID.randomUUID();
            int pStore = ClusterSupport.freePort();
            int pA = ClusterSupport.freePort();
            int pB = ClusterSupport.freePort();
            HazelcastInstance hz = Hz.member(cluster, pStore, List.of(pStore, pA, pB));
            IMap<String, Boolean> checkpoints = hz.getMap(ClusterNode.REPOSITORY);
            System.out.printf("== S3 at %s (through a slowing proxy at %s), Hazelcast cluster %s on 127.0.0.1:%d,%d,%d%n",
                    s3.endpoint(), proxy.endpoint(), cluster, pStore, pA, pB);

            List<String> common = new ArrayList<>(ClusterSupport.s3Args(proxy.endpoint().toString(), bucket));
            common.addAll(List.of("mode=upload", "store=hazelcast", "cluster=" + cluster,
                    "members=" + pStore + "," + pA + "," + pB, "key=demo/big.bin", "file=" + file));
            List<String> argsA = new ArrayList<>(common);
            argsA.add("port=" + pA);
            System.out.println("== starting node A");
            ClusterSupport.Node a = ClusterSupport.start("node-a", argsA);
            Await.until(killAfter + " checkpointed parts", Duration.ofSeconds(300),
                    () -> parts(checkpoints) >= killAfter || !a.process().isAlive());
            System.out.printf("== node A has %d parts checkpointed in Hazelcast: kill -9 node A (pid %d)%n",
                    parts(checkpoints), a.process().pid());
            a.kill();
            Await.until("node A to leave the cluster", Duration.ofSeconds(180), () -> hz.getCluster().getMembers().size() == 1);
            System.out.printf("== node A is gone; the checkpoints are still there: %d parts%n", parts(checkpoints));

            proxy.rule(s -> FaultProxy.PASS);
            List<String> argsB = new ArrayList<>(common);
            argsB.add("port=" + pB);
            System.out.println("== starting node B with the same file");
            ClusterSupport.Node b = ClusterSupport.start("node-b", argsB);
            if (!b.process().waitFor(300, TimeUnit.SECONDS) || b.process().exitValue() != 0) {
                throw new IllegalStateException("node B failed");
            }
            var r = b.result();
            System.out.printf("== node B completed the upload: %s parts, %s of them resumed from node A (ETag %s)%n",
                    r.group(1), r.group(2), r.group(5));
            hz.shutdown();
        } finally {
            Files.deleteIfExists(file);
        }
        System.exit(0);
    }

    private static long parts(IMap<String, Boolean> map) {
        return map.keySet().stream().filter(k -> k.startsWith("s3lite:part:")).count();
    }
}
