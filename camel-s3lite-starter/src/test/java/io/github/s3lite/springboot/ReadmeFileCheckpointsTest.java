package io.github.s3lite.springboot;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring bean of the README's "Checkpoints in Camel's FileIdempotentRepository": {@link Checkpoints} is the
 * README's java block (compared as text, the file path aside), bound with
 * {@code camel.component.s3lite.checkpoint-repository=#bean:checkpoints}; a 3-part upload against S3Proxy arrives
 * SHA-256 equal and its {@code done} checkpoint is in the file.
 */
class ReadmeFileCheckpointsTest {

    /** The README's bean; the path is {@link #store} instead of /var/lib/app/checkpoints.dat. */
    @Configuration(proxyBeanMethods = false)
    static class Checkpoints {
        @Bean
        IdempotentRepository checkpoints() {
            return FileIdempotentRepository.fileIdempotentRepository(
                    new File(store), 1_000_000, 256L * 1024 * 1024);   // cacheSize, maxFileStoreSize
        }
    }

    static String store;

    static final String README_BEAN = """
            @Bean
            IdempotentRepository checkpoints() {
                return FileIdempotentRepository.fileIdempotentRepository(
                        new File("/var/lib/app/checkpoints.dat"), 1_000_000, 256L * 1024 * 1024);   // cacheSize, maxFileStoreSize
            }
            """;

    static String javaBlock() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf("\n### Checkpoints in Camel's `FileIdempotentRepository`\n");
        assertThat(section).isNotNegative();
        int start = readme.indexOf("```java\n", section) + "```java\n".length();
        return readme.substring(start, readme.indexOf("```", start));
    }

    @Test
    void theReadmeBeanIsTheCheckpointRepositoryAndHoldsTheUploadsCheckpoint(@TempDir Path dir) throws Exception {
        String block = javaBlock();
        assertThat(block).contains("camel.component.s3lite.checkpoint-repository: \"#bean:checkpoints\"");
        assertThat(block.substring(block.indexOf("@Bean")).strip()).isEqualTo(README_BEAN.strip()); // the copy above is the README's

        Path file = dir.resolve("checkpoints.dat");
        store = file.toString();
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("readme-file-spring");
        Path data = dir.resolve("big.bin");
        String sha = TestFiles.writeRandom(data, (12L << 20) + 5, 18); // 3 parts of 5 MiB
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, S3LiteComponentAutoConfiguration.class))
                .withUserConfiguration(Checkpoints.class)
                .withPropertyValues(StoreProperties.of(s3, "camel.component.s3lite.checkpoint-repository=#bean:checkpoints"))
                .withBean(RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:put").to("s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880");
                    }
                })
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    IdempotentRepository repository = ctx.getBean(CamelContext.class)
                            .getComponent("s3lite", S3LiteComponent.class).getConfiguration().getCheckpointRepository();
                    assertThat(repository).isSameAs(ctx.getBean("checkpoints")).isInstanceOf(FileIdempotentRepository.class);
                    assertThat(((FileIdempotentRepository) repository).getFileStore()).isEqualTo(file.toFile());
                    ctx.getBean(ProducerTemplate.class).sendBodyAndHeader("direct:put", data.toFile(), S3LiteConstants.KEY, "big.bin");
                    try (S3LiteClient client = s3.newClient(); var got = client.getObject(bucket, "big.bin", GetOptions.NONE)) {
                        assertThat(TestFiles.sha256(got.body())).isEqualTo(sha);
                    }
                    assertThat(Files.readAllLines(file)).as("the upload's done checkpoint in " + file)
                            .anyMatch(l -> l.startsWith("s3lite:done:"));
                });
    }
}
