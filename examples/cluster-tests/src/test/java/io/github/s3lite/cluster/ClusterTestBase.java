package io.github.s3lite.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import com.hazelcast.core.HazelcastInstance;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every multi-node test has: the embedded S3 server behind a {@link FaultProxy}, a client and a fresh bucket,
 * the node JVMs it started (killed at the end) and, for the Hazelcast tests, the test JVM's own member.
 */
abstract class ClusterTestBase {

    @TempDir
    Path tmp;
    final EmbeddedS3 s3 = EmbeddedS3.get();
    /** In front of the embedded S3Proxy: slows part uploads, counts what reached the server. */
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(EmbeddedS3.get().endpoint());
    S3LiteClient client;
    String bucket;
    HazelcastInstance hz;
    final List<ClusterSupport.Node> nodes = new ArrayList<>();

    /** What node B reported after finishing an upload another node had started. */
    record Finished(int resumed, long sentByB) {
    }

    /**
     * Waits for node B to finish the upload of {@code file} to {@code key} that a killed node had checkpointed
     * {@code confirmedAtKill} parts of, and checks the outcome: all {@code totalParts} parts, at least the confirmed
     * ones resumed, only the others sent (counted by the proxy since it was cleared), the object's bytes, and no
     * multipart upload left.
     */
    Finished assertFinishedByNodeB(ClusterSupport.Node b, String key, Path file, int totalParts, long confirmedAtKill)
            throws Exception {
        assertThat(b.process().waitFor(180, TimeUnit.SECONDS)).as(b.log()).isTrue();
        assertThat(b.process().exitValue()).as(b.log()).isZero();
        Matcher m = b.result();
        int parts = Integer.parseInt(m.group(1));
        int resumed = Integer.parseInt(m.group(2));
        long sentByB = proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count();
        assertThat(parts).isEqualTo(totalParts);
        assertThat(resumed).as("CamelS3LiteResumedPartCount on node B").isPositive()
                .isGreaterThanOrEqualTo((int) confirmedAtKill);
        assertThat(sentByB).as("node B sends only unconfirmed parts").isEqualTo(totalParts - resumed);
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            assertThat(TestFiles.sha256(r.body())).isEqualTo(TestFiles.sha256(file));
        }
        assertThat(client.listMultipartUploads(bucket, null)).as("no orphaned upload").isEmpty();
        return new Finished(resumed, sentByB);
    }

    /** Prefix of this test's bucket name. */
    abstract String bucketPrefix();

    @BeforeEach
    void startS3() throws Exception {
        client = s3.newClient();
        bucket = s3.newBucket(bucketPrefix());
    }

    @AfterEach
    void stopNodes() throws Exception {
        for (ClusterSupport.Node n : nodes) {
            n.kill();
        }
        if (hz != null) {
            hz.shutdown();
        }
        client.close();
    }
}
