package io.github.s3lite.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.hazelcast.map.IMap;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.TestFiles;
import org.junit.jupiter.api.Test;

import static io.github.s3lite.cluster.ClusterSupport.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Node A (a forked JVM) uploads through a route whose checkpointRepository is a HazelcastIdempotentRepository and
 * is killed with destroyForcibly midway; node B, another JVM in the same Hazelcast cluster, uploads the same file
 * and finishes the upload, re-sending only the parts the checkpoints did not confirm. The test JVM is a third
 * member: with backup-count 1, whatever A owned is still held (as a backup, promoted on A's death) by B or by the
 * test JVM.
 */
class HazelcastResumeIT extends ClusterTestBase {

    @Override
    String bucketPrefix() {
        return "hz-resume";
    }

    @Test
    void killedNodeUploadIsFinishedByAnotherNode() throws Exception {
        long t0 = System.nanoTime();
        Path file = tmp.resolve("big.bin");
        TestFiles.writeRandom(file, 200 * MIB + 12_345, 21);
        int totalParts = 41; // 200 MiB + 12345 bytes in 5 MiB parts

        String cluster = "s3lite-" + UUID.randomUUID();
        int pTest = ClusterSupport.freePort();
        int pA = ClusterSupport.freePort();
        int pB = ClusterSupport.freePort();
        String members = pTest + "," + pA + "," + pB;
        hz = Hz.member(cluster, pTest, List.of(pTest, pA, pB));
        IMap<String, Boolean> map = hz.getMap(ClusterNode.REPOSITORY);

        List<String> common = new ArrayList<>(ClusterSupport.s3Args(proxy.endpoint().toString(), bucket));
        common.addAll(List.of("mode=upload", "store=hazelcast", "cluster=" + cluster, "members=" + members,
                "key=cluster/big.bin", "file=" + file));
        Path goB = tmp.resolve("go-b");

        // B joins the cluster first and waits: it holds backups while A uploads
        List<String> argsB = new ArrayList<>(common);
        argsB.addAll(List.of("port=" + pB, "goFile=" + goB));
        ClusterSupport.Node b = ClusterSupport.start("node-b", argsB);
        nodes.add(b);
        Await.until("node B in the cluster", Duration.ofSeconds(180), () -> hz.getCluster().getMembers().size() == 2);

        proxy.rule(s -> s.isUploadPart() ? new FaultProxy.Slow(150, 0) : FaultProxy.PASS);
        List<String> argsA = new ArrayList<>(common);
        argsA.add("port=" + pA);
        ClusterSupport.Node a = ClusterSupport.start("node-a", argsA);
        nodes.add(a);
        Await.until("8 parts confirmed by node A", Duration.ofSeconds(120), () -> partKeys(map) >= 8 || !a.process().isAlive());
        assertThat(a.process().isAlive()).as(a.log()).isTrue();
        a.kill();
        long confirmedAtKill = partKeys(map);
        long sentByA = proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count();
        assertThat(confirmedAtKill).isBetween(8L, (long) totalParts - 1);

        // the member that died is dropped; its partitions' backups are promoted on B and on the test JVM
        Await.until("node A dropped from the cluster", Duration.ofSeconds(180), () -> hz.getCluster().getMembers().size() == 2);
        assertThat(partKeys(map)).as("checkpoints survive the death of node A").isEqualTo(confirmedAtKill);

        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        Files.createFile(goB);
        Finished f = assertFinishedByNodeB(b, "cluster/big.bin", file, totalParts, confirmedAtKill);
        assertThat(partKeys(map)).as("checkpoints of the finished upload are forgotten").isZero();
        System.out.printf("hazelcast resume: A sent %d parts (%d confirmed) and was killed; B resumed %d, sent %d of %d;"
                          + " %d ms%n", sentByA, confirmedAtKill, f.resumed(), f.sentByB(), totalParts,
                (System.nanoTime() - t0) / 1_000_000);
    }

    static long partKeys(IMap<String, Boolean> map) {
        return map.keySet().stream().filter(k -> k.startsWith("s3lite:part:")).count();
    }
}
