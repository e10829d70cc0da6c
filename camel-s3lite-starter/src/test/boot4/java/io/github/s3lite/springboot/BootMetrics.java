package io.github.s3lite.springboot;

import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;

/**
 * Spring Boot 4's metrics auto-configurations (spring-boot-micrometer-metrics, moved out of
 * spring-boot-actuator-autoconfigure) for the tests; src/test/boot3 has the same class for Boot 3.
 */
public final class BootMetrics {

    /** {@code AutoConfigurations.of(...)} in the tests: what creates Actuator's {@code MeterRegistry} on this line. */
    public static final Class<?>[] AUTO_CONFIGURATIONS = {
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class };

    private BootMetrics() {
    }
}
