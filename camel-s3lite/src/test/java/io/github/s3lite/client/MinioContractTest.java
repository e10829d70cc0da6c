package io.github.s3lite.client;

import java.net.URI;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.MinIOContainer;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same contract against MinIO in a container. Skipped (reported as skipped) when no Docker engine is
 * reachable. MinIO keeps {@code //} in keys, so the unnormalized-path case is asserted here on the server.
 */
@Testcontainers(disabledWithoutDocker = true)
class MinioContractTest extends S3ClientContract {

    @Container
    static final MinIOContainer MINIO = new MinIOContainer("minio/minio:RELEASE.2025-09-07T16-13-09Z");

    private static int buckets;

    @Override
    protected S3ClientConfig config() {
        return S3ClientConfig.of(URI.create(MINIO.getS3URL()), "us-east-1", true,
                CredentialsProvider.of(new Credentials(MINIO.getUserName(), MINIO.getPassword())));
    }

    @Override
    protected String newBucket(String prefix) {
        String name = prefix + "-" + (++buckets) + "-" + Long.toHexString(System.nanoTime() & 0xffffff);
        try (S3LiteClient c = new S3LiteClient(config())) {
            c.createBucket(name);
        }
        return name;
    }

    @Test
    void unnormalizedKeysSurviveOnTheServer() throws Exception {
        for (String key : new String[] { "a//b", "x/./y", "x/../z" }) { // each must stay a key of its own
            client.putObject(bucket, key, RequestBody.of(key.getBytes()), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        }
        String[] keys = { "a//b", "x/./y", "x/../z" };
        assertThat(client.listAllObjects(bucket, null, 0)).extracting(S3ObjectSummary::key)
                .containsExactlyInAnyOrder(keys);
        for (String key : keys) {
            try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
                assertThat(new String(r.body().readAllBytes())).as(key).isEqualTo(key);
            }
        }
    }
}
