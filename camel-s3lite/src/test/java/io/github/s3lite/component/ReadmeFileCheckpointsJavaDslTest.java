package io.github.s3lite.component;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.ReadmeCheckpointStore;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.github.s3lite.test.ReadmeCheckpointStore.README_PATH;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 2: the Java DSL block of the README's "Checkpoints in Camel's FileIdempotentRepository" is this
 * test's own code (compared with README.md, the file, outbox and bucket aside); the bean is the endpoint's
 * checkpointRepository and a multipart upload writes its checkpoint into the file
 * ({@link ReadmeCheckpointStore#uploadWritesItsCheckpoint}).
 */
class ReadmeFileCheckpointsJavaDslTest {

    private static final EmbeddedS3 S3 = EmbeddedS3.get();

    @Test
    void theJavaDslBeanIsTheCheckpointStore(@TempDir Path dir) throws Exception {
        List<String> blocks = ReadmeCheckpointStore.blocks("java");
        assertThat(blocks).hasSize(2); // Spring Boot (the starter's ReadmeFileCheckpointsTest), Java DSL
        assertThat(ReadmeCheckpointStore.region(
                Path.of("src/test/java/io/github/s3lite/component/ReadmeFileCheckpointsJavaDslTest.java"), "java-dsl"))
                .isEqualTo(ReadmeCheckpointStore.normalized(blocks.get(1)
                        .replace("new File(\"" + README_PATH + "\")", "store")
                        .replace("\"file:/data/outbox\"", "\"file:\" + outbox")
                        .replace("\"s3lite:invoices?", "\"s3lite:\" + bucket + \"?")));
        File store = dir.resolve("checkpoints.dat").toFile();
        String bucket = S3.newBucket("readme-filecp-java");
        Path outbox = Files.createDirectories(dir.resolve("outbox"));

        try (CamelContext ctx = new DefaultCamelContext()) {
            S3LiteComponent s3lite = new S3LiteComponent();
            s3lite.getConfiguration().setEndpoint(S3.endpoint().toString());
            s3lite.getConfiguration().setPathStyleAccess(true);
            s3lite.getConfiguration().setAccessKey(EmbeddedS3.ACCESS_KEY);
            s3lite.getConfiguration().setSecretKey(EmbeddedS3.SECRET_KEY);
            ctx.addComponent("s3lite", s3lite);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    CamelContext context = getContext();
                    // README java-dsl:begin
                    // Java DSL: the bean in the registry, named on the endpoint
                    context.getRegistry().bind("checkpoints", FileIdempotentRepository.fileIdempotentRepository(
                            store, 1_000_000, 256L * 1024 * 1024));   // cacheSize, maxFileStoreSize
                    from("file:" + outbox).to("s3lite:" + bucket + "?checkpointRepository=#checkpoints");
                    // README java-dsl:end
                }
            });
            ctx.start();
            Object bean = ctx.getRegistry().lookupByName("checkpoints");
            List<S3LiteEndpoint> endpoints = ctx.getEndpoints().stream()
                    .filter(S3LiteEndpoint.class::isInstance).map(S3LiteEndpoint.class::cast).toList();
            assertThat(endpoints).hasSize(1);
            assertThat(endpoints.get(0).getConfiguration().getCheckpointRepository()).isSameAs(bean);
            // set by the factory method, the cache's size is not readable from the bean: not checked
            ReadmeCheckpointStore.uploadWritesItsCheckpoint((IdempotentRepository) bean, false, S3, bucket,
                    ReadmeCheckpointStore.into(outbox), store.toPath(), dir);
        }
    }
}
