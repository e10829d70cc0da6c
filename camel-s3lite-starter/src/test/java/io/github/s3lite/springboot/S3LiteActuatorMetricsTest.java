package io.github.s3lite.springboot;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.TestFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot Actuator's {@link MeterRegistry} (its metrics auto-configurations of this Boot line, {@link BootMetrics})
 * receives the s3lite meters with nothing configured: a PutObject and a GetObject against S3Proxy are timed by
 * operation and their bytes counted by direction, and the object comes back SHA-256 equal.
 */
class S3LiteActuatorMetricsTest {

    private static final EmbeddedS3 S3 = EmbeddedS3.get();

    @Test
    void actuatorsMeterRegistryReceivesTheRequestsAndBytes() {
        String bucket = S3.newBucket("actuator-metrics");
        byte[] body = TestFiles.randomBytes(70_001, 16);
        Class<?>[] autoConfigurations = new Class<?>[BootMetrics.AUTO_CONFIGURATIONS.length + 2];
        autoConfigurations[0] = CamelAutoConfiguration.class;
        autoConfigurations[1] = S3LiteComponentAutoConfiguration.class;
        System.arraycopy(BootMetrics.AUTO_CONFIGURATIONS, 0, autoConfigurations, 2, BootMetrics.AUTO_CONFIGURATIONS.length);
        new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(autoConfigurations))
                .withPropertyValues(StoreProperties.of(S3))
                .withBean(RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:put").to("s3lite:" + bucket);
                        from("direct:get").to("s3lite:" + bucket + "?operation=getObject").convertBodyTo(byte[].class);
                    }
                })
                .run(ctx -> {
                    assertThat(ctx).hasNotFailed();
                    MeterRegistry registry = ctx.getBean(MeterRegistry.class);   // Actuator's, the only one
                    ProducerTemplate template = ctx.getBean(ProducerTemplate.class);
                    template.sendBodyAndHeader("direct:put", body, S3LiteConstants.KEY, "m.bin");
                    byte[] got = template.requestBodyAndHeader("direct:get", null, S3LiteConstants.KEY, "m.bin", byte[].class);
                    assertThat(TestFiles.sha256(got)).isEqualTo(TestFiles.sha256(body));

                    Timer put = registry.find("s3lite.requests").tags("operation", "PutObject", "outcome", "success").timer();
                    Timer get = registry.find("s3lite.requests").tags("operation", "GetObject", "outcome", "success").timer();
                    assertThat(put).as("s3lite.requests{operation=PutObject} in Actuator's registry").isNotNull();
                    assertThat(put.count()).isEqualTo(1);
                    assertThat(get).as("s3lite.requests{operation=GetObject} in Actuator's registry").isNotNull();
                    assertThat(get.count()).isEqualTo(1);
                    Counter up = registry.find("s3lite.bytes").tag("direction", "upload").counter();
                    Counter down = registry.find("s3lite.bytes").tag("direction", "download").counter();
                    assertThat(up).isNotNull();
                    assertThat(up.count()).isEqualTo(body.length);
                    assertThat(down).isNotNull();
                    assertThat(down.count()).isEqualTo(body.length);
                });
    }
}
