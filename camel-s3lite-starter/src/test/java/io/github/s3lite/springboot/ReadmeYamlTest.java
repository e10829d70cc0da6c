package io.github.s3lite.springboot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConfiguration;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

import static org.assertj.core.api.Assertions.assertThat;

/** The YAML block of the top-level README's "Spring Boot" section, read from README.md itself, binds as it says. */
class ReadmeYamlTest {

    @Configuration(proxyBeanMethods = false)
    static class Beans {
        @Bean
        IdempotentRepository uploadCheckpoints() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }
    }

    static String readmeYaml() throws IOException {
        return readmeYaml("\n## Spring Boot");
    }

    static String readmeYaml(String heading) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int section = readme.indexOf(heading);
        assertThat(section).as(heading).isNotNegative();
        int start = readme.indexOf("```yaml\n", section) + "```yaml\n".length();
        int end = readme.indexOf("```", start);
        return readme.substring(start, end);
    }

    @Test
    void theReadmeSnippetBindsToTheComponent() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("readme",
                new ByteArrayResource(readmeYaml().getBytes(StandardCharsets.UTF_8)));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, S3LiteComponentAutoConfiguration.class))
                .withUserConfiguration(Beans.class)
                .withPropertyValues("S3_ACCESS_KEY=AKIDREADME", "S3_SECRET_KEY=readme-secret")
                .withInitializer(ctx -> sources.forEach(ctx.getEnvironment().getPropertySources()::addLast))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    S3LiteConfiguration c = ctx.getBean(CamelContext.class).getComponent("s3lite", S3LiteComponent.class)
                            .getConfiguration();
                    assertThat(c.getEndpoint()).isEqualTo("http://127.0.0.1:9000");
                    assertThat(c.getRegion()).isEqualTo("us-east-1");
                    assertThat(c.isPathStyleAccess()).isTrue();
                    assertThat(c.getAccessKey()).isEqualTo("AKIDREADME");
                    assertThat(c.getSecretKey()).isEqualTo("readme-secret");
                    assertThat(c.getMultipartThreshold()).isEqualTo(64L * 1024 * 1024);
                    assertThat(c.getPartSize()).isEqualTo(16L * 1024 * 1024);
                    assertThat(c.getSocketTimeout()).isEqualTo(30_000L);
                    assertThat(c.getCheckpointRepository()).isSameAs(ctx.getBean("uploadCheckpoints"));
                    assertThat(c.getMetadata()).containsEntry("owner", "team-a");
                });
    }

    @Configuration(proxyBeanMethods = false)
    static class TlsBean {
        @Bean
        org.apache.camel.support.jsse.SSLContextParameters s3Tls() {
            return new org.apache.camel.support.jsse.SSLContextParameters();
        }
    }

    /** The Spring Boot block of "Proxies and private CAs": proxy options and the sslContextParameters bean reference. */
    @Test
    void theProxySnippetBindsToTheComponent() throws Exception {
        List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("readme-proxy",
                new ByteArrayResource(readmeYaml("\n## Proxies and private CAs").getBytes(StandardCharsets.UTF_8)));
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, S3LiteComponentAutoConfiguration.class))
                .withUserConfiguration(TlsBean.class)
                .withPropertyValues("PROXY_USER=egress", "PROXY_PASSWORD=readme-proxy-pw")
                .withInitializer(ctx -> sources.forEach(ctx.getEnvironment().getPropertySources()::addLast))
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    S3LiteConfiguration c = ctx.getBean(CamelContext.class).getComponent("s3lite", S3LiteComponent.class)
                            .getConfiguration();
                    assertThat(c.getEndpoint()).isEqualTo("https://minio.corp:9000");
                    assertThat(c.isPathStyleAccess()).isTrue();
                    assertThat(c.getSslContextParameters()).isSameAs(ctx.getBean("s3Tls"));
                    assertThat(c.getProxyHost()).isEqualTo("proxy.corp");
                    assertThat(c.getProxyPort()).isEqualTo(3128);
                    assertThat(c.getProxyUsername()).isEqualTo("egress");
                    assertThat(c.getProxyPassword()).isEqualTo("readme-proxy-pw");
                    assertThat(c.getNonProxyHosts()).isEqualTo(".corp,10.0.0.0/8");
                });
    }
}
