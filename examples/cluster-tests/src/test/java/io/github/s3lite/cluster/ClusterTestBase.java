package io.github.s3lite.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.hazelcast.core.HazelcastInstance;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What every multi-node test has: the embedded S3 server behind a {@link FaultProxy}, a client and a fresh bucket,
 * the node JVMs it started (killed at the end) and, for the Hazelcast tests, the test JVM's own member.
 */
abstract class ClusterTestBase {

    @TempDir
    Path tmp;
    final EmbeddedS3 s3 = EmbeddedS3.get();
    FaultProxy proxy;
    S3Client client;
    String bucket;
    HazelcastInstance hz;
    final List<ClusterSupport.Node> nodes = new ArrayList<>();

    /** Prefix of this test's bucket name. */
    abstract String bucketPrefix();

    @BeforeEach
    void startS3() throws Exception {
        proxy = new FaultProxy(s3.endpoint());
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
        proxy.close();
        client.close();
    }
}
