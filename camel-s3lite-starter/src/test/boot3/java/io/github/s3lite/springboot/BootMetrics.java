package io.github.s3lite.springboot;

import org.springframework.boot.actuate.autoconfigure.metrics.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.MetricsAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.metrics.export.simple.SimpleMetricsExportAutoConfiguration;

/**
 * Spring Boot 3's Actuator metrics auto-configurations (spring-boot-actuator-autoconfigure) for the tests;
 * src/test/boot4 has the same class for Boot 4, which moved them to spring-boot-micrometer-metrics.
 */
public final class BootMetrics {

    /** {@code AutoConfigurations.of(...)} in the tests: what creates Actuator's {@code MeterRegistry} on this line. */
    public static final Class<?>[] AUTO_CONFIGURATIONS = {
            MetricsAutoConfiguration.class, CompositeMeterRegistryAutoConfiguration.class,
            SimpleMetricsExportAutoConfiguration.class };

    private BootMetrics() {
    }
}
