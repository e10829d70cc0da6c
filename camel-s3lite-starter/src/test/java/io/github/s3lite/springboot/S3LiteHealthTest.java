package io.github.s3lite.springboot;

import java.util.Map;

import io.github.s3lite.test.EmbeddedS3;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckRegistry;
import org.apache.camel.spring.boot.CamelAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class S3LiteHealthTest {

    private static final EmbeddedS3 S3 = EmbeddedS3.get();

    private ApplicationContextRunner runner(String bucket) {
        return new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class, S3LiteComponentAutoConfiguration.class,
                        BootHealth.AUTO_CONFIGURATION))
                .withPropertyValues(StoreProperties.of(S3))
                .withBean(RouteBuilder.class, () -> new RouteBuilder() {
                    @Override
                    public void configure() {
                        from("direct:put").to("s3lite:" + bucket);
                    }
                });
    }

    @Test
    void upForAnExistingBucket() {
        String bucket = S3.newBucket("health-up");
        runner(bucket).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            BootHealth.View health = BootHealth.indicator(ctx);
            assertThat(health.status()).isEqualTo("UP");
            @SuppressWarnings("unchecked")
            Map<String, Object> buckets = (Map<String, Object>) health.details().get("buckets");
            assertThat(buckets).containsKey(bucket);
            assertThat(health.text()).doesNotContain(EmbeddedS3.SECRET_KEY).doesNotContain(EmbeddedS3.ACCESS_KEY);

            HealthCheck check = HealthCheckRegistry.get(ctx.getBean(CamelContext.class)).getCheck("s3lite").orElseThrow();
            assertThat(check.call().getState()).isEqualTo(HealthCheck.State.UP);
        });
    }

    @Test
    void downForAMissingBucket() {
        String bucket = "no-such-bucket-" + Long.toHexString(System.nanoTime());
        runner(bucket).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            BootHealth.View health = BootHealth.indicator(ctx);
            assertThat(health.status()).isEqualTo("DOWN");
            @SuppressWarnings("unchecked")
            Map<String, Object> buckets = (Map<String, Object>) health.details().get("buckets");
            @SuppressWarnings("unchecked")
            Map<String, Object> detail = (Map<String, Object>) buckets.get(bucket);
            assertThat(detail).containsEntry("status", "DOWN").containsEntry("statusCode", 404)
                    .containsEntry("errorCode", "NoSuchBucket");
            assertThat(health.text()).doesNotContain(EmbeddedS3.SECRET_KEY);

            HealthCheck.Result result = HealthCheckRegistry.get(ctx.getBean(CamelContext.class)).getCheck("s3lite")
                    .orElseThrow().call();
            assertThat(result.getState()).isEqualTo(HealthCheck.State.DOWN);
            assertThat(result.getDetails()).containsEntry(org.apache.camel.impl.health.AbstractHealthCheck.SERVICE_ERROR_CODE, "NoSuchBucket");
        });
    }

    @Test
    void noIndicatorWhenTurnedOff() {
        runner("whatever").withPropertyValues("camel.component.s3lite.health-indicator.enabled=false")
                .run(ctx -> assertThat(ctx).doesNotHaveBean("s3liteHealthIndicator"));
    }

    @Test
    void aStoreThatNeverAnswersIsDownWithinTheProbeBoundNotTheSocketTimeout() throws Exception {
        // accepts connections, reads nothing, answers nothing; the endpoint's socketTimeout is 5 minutes
        try (java.net.ServerSocket silent = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            java.util.List<java.net.Socket> held = new java.util.concurrent.CopyOnWriteArrayList<>();
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        held.add(silent.accept());
                    }
                } catch (java.io.IOException e) {
                    // closed
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            new ApplicationContextRunner()
                    .withConfiguration(AutoConfigurations.of(CamelAutoConfiguration.class,
                            S3LiteComponentAutoConfiguration.class, BootHealth.AUTO_CONFIGURATION))
                    .withPropertyValues(
                            "camel.component.s3lite.endpoint=http://127.0.0.1:" + silent.getLocalPort(),
                            "camel.component.s3lite.path-style-access=true",
                            "camel.component.s3lite.socket-timeout=5m",
                            "camel.component.s3lite.access-key=" + EmbeddedS3.ACCESS_KEY,
                            "camel.component.s3lite.secret-key=" + EmbeddedS3.SECRET_KEY)
                    .withBean(RouteBuilder.class, () -> new RouteBuilder() {
                        @Override
                        public void configure() {
                            from("direct:put").to("s3lite:silent-bucket");
                        }
                    })
                    .run(ctx -> {
                        assertThat(ctx).hasNotFailed();
                        long start = System.nanoTime();
                        BootHealth.View health = BootHealth.indicator(ctx);
                        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
                        assertThat(health.status()).isEqualTo("DOWN");
                        // the bound is S3LiteBucketProbe.PROBE_TIMEOUT (10 s); generous margin for a loaded machine
                        assertThat(seconds).isLessThan(90);
                        assertThat(health.text()).doesNotContain(EmbeddedS3.SECRET_KEY);
                    });
            for (java.net.Socket s : held) {
                s.close();
            }
        }
    }
}
