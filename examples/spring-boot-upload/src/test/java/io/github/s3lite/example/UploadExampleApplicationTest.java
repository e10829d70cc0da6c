package io.github.s3lite.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example as it ships (application.yml, both routes, embedded S3Proxy, sample files) in a fresh directory,
 * waits until both sample files were uploaded, verified and moved to done, then checks the objects.
 */
class UploadExampleApplicationTest {

    @TempDir
    Path dir;

    @Test
    void samplesAreUploadedVerifiedAndMovedToDone() throws Exception {
        try (ConfigurableApplicationContext context = SpringApplication.run(UploadExampleApplication.class,
                "--example.base-dir=" + dir, "--example.exit-after-uploads=2", "--camel.main.run-controller=false")) {
            UploadTracker tracker = context.getBean(UploadTracker.class);
            assertThat(tracker.awaitUploads(Duration.ofMinutes(2))).as("two verified uploads").isTrue();

            Path csv = dir.resolve("done").resolve(SampleFiles.CSV_NAME);
            Path json = dir.resolve("done").resolve(SampleFiles.JSON_NAME);
            awaitFile(csv);
            awaitFile(json);
            assertThat(Files.size(csv)).isEqualTo(12L * 1024 * 1024);
            assertThat(dir.resolve("inbox").resolve(SampleFiles.CSV_NAME)).doesNotExist();
            assertThat(dir.resolve("failed")).doesNotExist();

            String bucket = context.getEnvironment().getProperty("example.bucket");
            EmbeddedS3Server.Server server = context.getBean(EmbeddedS3Server.Server.class);
            S3ClientConfig config = S3ClientConfig.of(java.net.URI.create(server.endpoint()), "us-east-1", true,
                    CredentialsProvider.of(new Credentials(EmbeddedS3Server.ACCESS_KEY, EmbeddedS3Server.SECRET_KEY)));
            try (S3LiteClient client = new S3LiteClient(config)) {
                ObjectInfo big = client.headObject(bucket, "java/" + SampleFiles.CSV_NAME, null);
                assertThat(big.contentLength()).isEqualTo(12L * 1024 * 1024);
                assertThat(big.contentType()).startsWith("text/csv");
                assertThat(big.eTag()).endsWith("-3\""); // multipart: 3 parts of 5 MiB
                assertThat(big.userMetadata()).containsEntry("example", "camel-s3lite-spring-boot")
                        .containsEntry("dsl", "java");

                ObjectInfo small = client.headObject(bucket, "yaml/" + SampleFiles.JSON_NAME, null);
                assertThat(small.contentLength()).isEqualTo(Files.size(json));
                assertThat(small.contentType()).startsWith("application/json");
                assertThat(small.userMetadata()).containsEntry("dsl", "yaml");
            }
        }
    }

    private static void awaitFile(Path p) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.exists(p) && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        assertThat(p).exists();
    }
}
