package io.github.s3lite.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import io.github.s3lite.client.GetOptions;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.TestFiles;
import org.junit.jupiter.api.Test;

import static io.github.s3lite.cluster.ClusterSupport.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two node JVMs sharing a Hazelcast checkpoint repository get the same file at the same moment (both wait on a
 * go-file the test creates once both are cluster members). Exactly one multipart upload is completed; the other
 * node joins it (MultipartUploader.converge: the smallest upload id carrying this source wins, the loser aborts its
 * own) or finds the object done (its done mark); no multipart upload is left behind.
 */
class RaceIT extends ClusterTestBase {

    @Override
    String bucketPrefix() {
        return "race";
    }

    @Test
    void twoNodesGivenTheSameFileAtOnceCompleteOneUpload() throws Exception {
        long t0 = System.nanoTime();
        Path file = tmp.resolve("race.bin");
        TestFiles.writeRandom(file, 150 * MIB + 1, 23);
        String cluster = "s3lite-" + UUID.randomUUID();
        int pTest = ClusterSupport.freePort();
        int pA = ClusterSupport.freePort();
        int pB = ClusterSupport.freePort();
        hz = Hz.member(cluster, pTest, List.of(pTest, pA, pB));
        Path go = tmp.resolve("go");
        List<String> common = new ArrayList<>(ClusterSupport.s3Args(proxy.endpoint().toString(), bucket));
        common.addAll(List.of("mode=upload", "store=hazelcast", "cluster=" + cluster, "members=" + pTest + "," + pA + "," + pB,
                "key=cluster/race.bin", "file=" + file, "goFile=" + go));
        proxy.rule(s -> s.isUploadPart() ? new FaultProxy.Slow(20, 0) : FaultProxy.PASS);
        List<String> argsA = new ArrayList<>(common);
        argsA.add("port=" + pA);
        List<String> argsB = new ArrayList<>(common);
        argsB.addAll(List.of("port=" + pB, "concurrency=3"));
        ClusterSupport.Node a = ClusterSupport.start("race-a", argsA);
        ClusterSupport.Node b = ClusterSupport.start("race-b", argsB);
        nodes.add(a);
        nodes.add(b);
        Await.until("both nodes in the cluster", Duration.ofSeconds(180), () -> hz.getCluster().getMembers().size() == 3);
        // both JVMs are up and idle-polling the go-file every 10 ms: creating it releases them together
        Thread.sleep(500);
        Files.createFile(go);
        assertThat(a.process().waitFor(180, TimeUnit.SECONDS)).as(a.log()).isTrue();
        assertThat(b.process().waitFor(180, TimeUnit.SECONDS)).as(b.log()).isTrue();
        assertThat(a.process().exitValue()).as(a.log()).isZero();
        assertThat(b.process().exitValue()).as(b.log()).isZero();
        Matcher ra = a.result();
        Matcher rb = b.result();

        try (var r = client.getObject(bucket, "cluster/race.bin", GetOptions.NONE)) {
            assertThat(TestFiles.sha256(r.body())).isEqualTo(TestFiles.sha256(file));
        }
        assertThat(client.listMultipartUploads(bucket, null)).as("no orphaned multipart upload").isEmpty();
        List<String> created = proxy.seen().stream()
                .filter(s -> s.method().equals("POST") && s.target().contains("?uploads")).map(FaultProxy.Seen::target).toList();
        List<String> completed = proxy.seen().stream()
                .filter(s -> s.method().equals("POST") && s.target().contains("uploadId="))
                .map(s -> s.target().substring(s.target().indexOf("uploadId="))).toList();
        assertThat(completed.stream().distinct().count()).as("completed upload ids: %s", completed).isEqualTo(1);
        boolean joined = ra.group(3).equals(rb.group(3));
        boolean foundDone = "true".equals(ra.group(4)) || "true".equals(rb.group(4));
        assertThat(joined || foundDone).as("A: %s / B: %s", ra.group(), rb.group()).isTrue();
        assertThat(ra.group(5)).isEqualTo(rb.group(5));
        long partsSent = proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count();
        System.out.printf("race: %d uploads created, %d completion request(s) for 1 upload id; %s; %d part PUTs for 31 parts;"
                          + " %d ms%n", created.size(), completed.size(),
                joined ? "both nodes ended on upload " + ra.group(3) : "one node found the object done",
                partsSent, (System.nanoTime() - t0) / 1_000_000);
    }
}
