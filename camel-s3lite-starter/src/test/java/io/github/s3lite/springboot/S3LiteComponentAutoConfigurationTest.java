package io.github.s3lite.springboot;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConfiguration;
import io.github.s3lite.S3LiteOperations;
import io.github.s3lite.client.ChecksumAlgorithm;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.ComponentCustomizer;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class S3LiteComponentAutoConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, S3LiteComponentAutoConfiguration.class));

    @Configuration(proxyBeanMethods = false)
    static class Checkpoints {
        @Bean
        IdempotentRepository checkpoints() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }

        @Bean
        IdempotentRepository seen() {
            return MemoryIdempotentRepository.memoryIdempotentRepository(100);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserComponent {
        @Bean(name = "s3lite")
        S3LiteComponent s3lite() {
            S3LiteComponent c = new S3LiteComponent();
            c.getConfiguration().setRegion("ap-south-1");
            return c;
        }
    }

    private static S3LiteConfiguration componentConfig(CamelContext camelContext) {
        return camelContext.getComponent("s3lite", S3LiteComponent.class).getConfiguration();
    }

    static class RoleCredentials {
        @Bean
        io.github.s3lite.client.auth.CredentialsProvider baseCredentials() {
            return () -> new io.github.s3lite.client.auth.Credentials("AKIDBEAN", "bean-secret");
        }
    }

    static class Listeners {
        @Bean
        io.github.s3lite.metrics.TransferListener dashboard() {
            return e -> { };
        }
    }

    static class TwoListeners extends Listeners {
        @Bean
        io.github.s3lite.metrics.TransferListener audit() {
            return e -> { };
        }
    }

    @Test
    void theTransferListenerIsAutowiredOrNamed() {
        runner.withUserConfiguration(Listeners.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            CamelContext camel = ctx.getBean(CamelContext.class);
            S3LiteComponent component = camel.getComponent("s3lite", S3LiteComponent.class);
            assertThat(component.getConfiguration().getTransferListener()).isSameAs(ctx.getBean("dashboard"));
        });
        runner.withUserConfiguration(TwoListeners.class)
                .withPropertyValues("camel.component.s3lite.transfer-listener=#bean:audit")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(componentConfig(ctx.getBean(CamelContext.class)).getTransferListener())
                            .isSameAs(ctx.getBean("audit"));
                });
    }

    @Test
    void rolePropertiesAndTheCredentialsProviderBeanReachTheComponent() {
        runner.withUserConfiguration(RoleCredentials.class)
                .withPropertyValues(
                        "camel.component.s3lite.credentials-provider=#bean:baseCredentials",
                        "camel.component.s3lite.role-arn=arn:aws:iam::123456789012:role/uploader",
                        "camel.component.s3lite.role-session-name=app",
                        "camel.component.s3lite.role-external-id=ext",
                        "camel.component.s3lite.role-session-duration=2h",
                        "camel.component.s3lite.sts-endpoint=https://sts.eu-west-1.amazonaws.com",
                        "camel.component.s3lite.sts-region=eu-west-1")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    S3LiteConfiguration c = ctx.getBean(CamelContext.class).getComponent("s3lite", S3LiteComponent.class)
                            .getConfiguration();
                    assertThat(c.getCredentialsProvider()).isSameAs(ctx.getBean("baseCredentials"));
                    assertThat(c.getRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/uploader");
                    assertThat(c.getRoleSessionName()).isEqualTo("app");
                    assertThat(c.getRoleExternalId()).isEqualTo("ext");
                    assertThat(c.getRoleSessionDuration()).isEqualTo(7_200_000L);
                    assertThat(c.getStsEndpoint()).isEqualTo("https://sts.eu-west-1.amazonaws.com");
                    assertThat(c.getStsRegion()).isEqualTo("eu-west-1");
                });
    }

    @Test
    void kebabCasePropertiesReachTheComponent() {
        runner.withUserConfiguration(Checkpoints.class)
                .withPropertyValues(
                        "camel.component.s3lite.access-key=AKIDEXAMPLE",
                        "camel.component.s3lite.secret-key=wJalrXUtnFEMI",
                        "camel.component.s3lite.session-token=tok",
                        "camel.component.s3lite.region=eu-central-1",
                        "camel.component.s3lite.endpoint=http://127.0.0.1:9000",
                        "camel.component.s3lite.path-style-access=true",
                        "camel.component.s3lite.part-size=16MB",
                        "camel.component.s3lite.multipart-threshold=64MB",
                        "camel.component.s3lite.max-object-size=1GB",
                        "camel.component.s3lite.upload-concurrency=8",
                        "camel.component.s3lite.socket-timeout=30s",
                        "camel.component.s3lite.connect-timeout=2500",
                        "camel.component.s3lite.presign-expiry=15m",
                        "camel.component.s3lite.stale-upload-age=2h",
                        "camel.component.s3lite.max-connections=64",
                        "camel.component.s3lite.checksum-algorithm=CRC32C",
                        "camel.component.s3lite.operation=headObject",
                        "camel.component.s3lite.key-name=in/${header.CamelFileName}",
                        "camel.component.s3lite.auto-create-bucket=true",
                        "camel.component.s3lite.checkpoint-repository=#bean:checkpoints",
                        "camel.component.s3lite.idempotent-repository=seen",
                        "camel.component.s3lite.claim-timeout=5m",
                        "camel.component.s3lite.content-type=text/csv",
                        "camel.component.s3lite.content-type-detection=false",
                        "camel.component.s3lite.cache-control=no-cache",
                        "camel.component.s3lite.metadata.owner=team-a",
                        "camel.component.s3lite.metadata.pipeline=billing",
                        "camel.component.s3lite.include-exchange-metadata=true",
                        "camel.component.s3lite.metadata-environment=HOSTNAME",
                        "camel.component.s3lite.application-name=demo",
                        "camel.component.s3lite.prefix=in/",
                        "camel.component.s3lite.max-messages-per-poll=3",
                        "camel.component.s3lite.delete-after-read=true",
                        "camel.component.s3lite.lazy-start-producer=true")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed().hasSingleBean(S3LiteComponentConfiguration.class);
                    CamelContext camel = ctx.getBean(CamelContext.class);
                    S3LiteComponent component = camel.getComponent("s3lite", S3LiteComponent.class);
                    S3LiteConfiguration c = component.getConfiguration();
                    assertThat(c.getAccessKey()).isEqualTo("AKIDEXAMPLE");
                    assertThat(c.getSecretKey()).isEqualTo("wJalrXUtnFEMI");
                    assertThat(c.getSessionToken()).isEqualTo("tok");
                    assertThat(c.getRegion()).isEqualTo("eu-central-1");
                    assertThat(c.getEndpoint()).isEqualTo("http://127.0.0.1:9000");
                    assertThat(c.isPathStyleAccess()).isTrue();
                    assertThat(c.getPartSize()).isEqualTo(16L * 1024 * 1024);
                    assertThat(c.getMultipartThreshold()).isEqualTo(64L * 1024 * 1024);
                    assertThat(c.getMaxObjectSize()).isEqualTo(1024L * 1024 * 1024);
                    assertThat(c.getUploadConcurrency()).isEqualTo(8);
                    assertThat(c.getSocketTimeout()).isEqualTo(30_000L);
                    assertThat(c.getConnectTimeout()).isEqualTo(2_500L);
                    assertThat(c.getPresignExpiry()).isEqualTo(900_000L);
                    assertThat(c.getStaleUploadAge()).isEqualTo(7_200_000L);
                    assertThat(c.getMaxConnections()).isEqualTo(64);
                    assertThat(c.getChecksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32C);
                    assertThat(c.getOperation()).isEqualTo(S3LiteOperations.headObject);
                    assertThat(c.getKeyName()).isEqualTo("in/${header.CamelFileName}");
                    assertThat(c.isAutoCreateBucket()).isTrue();
                    assertThat(c.getCheckpointRepository()).isSameAs(ctx.getBean("checkpoints"));
                    assertThat(c.getIdempotentRepository()).isSameAs(ctx.getBean("seen"));
                    assertThat(c.getClaimTimeout()).isEqualTo(300_000L);
                    assertThat(c.getContentType()).isEqualTo("text/csv");
                    assertThat(c.isContentTypeDetection()).isFalse();
                    assertThat(c.getCacheControl()).isEqualTo("no-cache");
                    assertThat(c.getMetadata()).containsEntry("owner", "team-a").containsEntry("pipeline", "billing");
                    assertThat(c.isIncludeExchangeMetadata()).isTrue();
                    assertThat(c.getMetadataEnvironment()).isEqualTo("HOSTNAME");
                    assertThat(c.getApplicationName()).isEqualTo("demo");
                    assertThat(c.getPrefix()).isEqualTo("in/");
                    assertThat(c.getMaxMessagesPerPoll()).isEqualTo(3);
                    assertThat(c.isDeleteAfterRead()).isTrue();
                    assertThat(component.isLazyStartProducer()).isTrue();

                    // endpoints take the component values as their template
                    var endpoint = camel.getEndpoint("s3lite:some-bucket?uploadConcurrency=2&autoCreateBucket=false",
                            io.github.s3lite.S3LiteEndpoint.class);
                    assertThat(endpoint.getConfiguration().getPartSize()).isEqualTo(16L * 1024 * 1024);
                    assertThat(endpoint.getConfiguration().getUploadConcurrency()).isEqualTo(2);
                });
    }

    /** Issue 11 point 2 in Spring Boot: text that is no size/duration fails the start; impossible values fail the endpoint. */
    @Test
    void unparseableAndImpossibleValuesAreRefusedAtStart() {
        runner.withPropertyValues("camel.component.s3lite.part-size=abc").run(ctx -> {
            assertThat(ctx).hasFailed();
            assertThat(ctx.getStartupFailure()).rootCause().hasMessageContaining("abc");
            assertThat(ctx.getStartupFailure()).hasMessageContaining("camel.component.s3lite");
        });
        runner.withPropertyValues("camel.component.s3lite.socket-timeout=soon").run(ctx -> assertThat(ctx).hasFailed());
        runner.withPropertyValues("camel.component.s3lite.socket-timeout=0", "camel.component.s3lite.part-size=4GB")
                .run(ctx -> {
                    CamelContext camel = ctx.getBean(CamelContext.class);
                    org.assertj.core.api.Assertions.assertThatThrownBy(() -> camel.getEndpoint("s3lite:some-bucket").start())
                            .rootCause().hasMessageContaining("socketTimeout=0 ms must be more than 0")
                            .hasMessageContaining("partSize=4294967296 (4GB)");
                });
    }

    @Test
    void defaultsMatchTheComponentDefaults() {
        runner.run(ctx -> {
            S3LiteConfiguration c = componentConfig(ctx.getBean(CamelContext.class));
            S3LiteConfiguration defaults = new S3LiteConfiguration();
            assertThat(c.getRegion()).isEqualTo(defaults.getRegion());
            assertThat(c.getEndpoint()).isNull();
            assertThat(c.getAccessKey()).isNull();
            assertThat(c.getPartSize()).isEqualTo(defaults.getPartSize());
            assertThat(c.getMultipartThreshold()).isEqualTo(defaults.getMultipartThreshold());
            assertThat(c.getMaxObjectSize()).isEqualTo(defaults.getMaxObjectSize());
            assertThat(c.getConnectTimeout()).isEqualTo(defaults.getConnectTimeout());
            assertThat(c.getSocketTimeout()).isEqualTo(defaults.getSocketTimeout());
            assertThat(c.getPresignExpiry()).isEqualTo(defaults.getPresignExpiry());
            assertThat(c.getStaleUploadAge()).isEqualTo(defaults.getStaleUploadAge());
            assertThat(c.getChecksumAlgorithm()).isEqualTo(defaults.getChecksumAlgorithm());
            assertThat(c.getOperation()).isEqualTo(defaults.getOperation());
            assertThat(c.isContentTypeDetection()).isTrue();
            assertThat(c.isIncludeBody()).isTrue();
            assertThat(c.getMaxMessagesPerPoll()).isEqualTo(defaults.getMaxMessagesPerPoll());
            assertThat(c.getUploadConcurrency()).isEqualTo(defaults.getUploadConcurrency());
            assertThat(c.getMaxConnections()).isEqualTo(defaults.getMaxConnections());
        });
    }

    @Test
    void disabledMeansNoCustomization() {
        runner.withPropertyValues("camel.component.s3lite.enabled=false", "camel.component.s3lite.region=eu-west-3")
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    assertThat(ctx).doesNotHaveBean(S3LiteComponentAutoConfiguration.class);
                    assertThat(ctx).doesNotHaveBean("configureS3LiteComponent");
                    assertThat(ctx).doesNotHaveBean("s3liteHealthIndicator");
                    assertThat(componentConfig(ctx.getBean(CamelContext.class)).getRegion()).as("not applied").isNull();
                });
    }

    @Test
    void customizerCanBeTurnedOffAlone() {
        runner.withPropertyValues("camel.component.s3lite.customizer.enabled=false",
                "camel.component.s3lite.region=eu-west-3")
                .run(ctx -> {
                    assertThat(ctx).hasBean("configureS3LiteComponent");
                    assertThat(componentConfig(ctx.getBean(CamelContext.class)).getRegion()).as("not applied").isNull();
                });
    }

    @Test
    void backsOffForAUserComponentBean() {
        runner.withUserConfiguration(UserComponent.class)
                .withPropertyValues("camel.component.s3lite.region=eu-west-3")
                .run(ctx -> {
                    CamelContext camel = ctx.getBean(CamelContext.class);
                    S3LiteComponent component = camel.getComponent("s3lite", S3LiteComponent.class);
                    assertThat(component).isSameAs(ctx.getBean("s3lite"));
                    assertThat(component.getConfiguration().getRegion()).isEqualTo("ap-south-1");
                });
    }

    @Test
    void backsOffForAUserCustomizer() {
        runner.withBean("configureS3LiteComponent", ComponentCustomizer.class,
                () -> ComponentCustomizer.forType(S3LiteComponent.class, c -> c.getConfiguration().setRegion("sa-east-1")))
                .withPropertyValues("camel.component.s3lite.region=eu-west-3")
                .run(ctx -> assertThat(componentConfig(ctx.getBean(CamelContext.class)).getRegion())
                        .isEqualTo("sa-east-1"));
    }
}
