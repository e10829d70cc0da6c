package io.github.s3lite;

import java.util.Set;

import io.github.s3lite.metrics.S3LiteMetrics;
import io.github.s3lite.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.apache.camel.CamelContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint's meter registry: the {@code meterRegistry} option, else the registry's only {@link MeterRegistry}
 * bean, else (several, as Spring Boot has with more than one backend) its only {@link CompositeMeterRegistry}.
 * Loaded only when Micrometer is on the classpath ({@link EndpointMetrics}). The option is looked up here rather
 * than by Camel's autowiring, which would load the option's type and fail without Micrometer.
 */
final class MicrometerLookup {
    private static final Logger LOG = LoggerFactory.getLogger(MicrometerLookup.class);

    private MicrometerLookup() {
    }

    static S3LiteMetrics metrics(CamelContext context, S3LiteConfiguration configuration) {
        Object configured = configuration.getMeterRegistry();
        if (configured != null && !(configured instanceof MeterRegistry)) {
            throw new IllegalArgumentException("meterRegistry must be an io.micrometer.core.instrument.MeterRegistry, was a "
                    + configured.getClass().getName() + ": give the registry bean, e.g. meterRegistry=#myRegistry");
        }
        MeterRegistry registry = (MeterRegistry) configured;
        if (registry == null) {
            Set<MeterRegistry> all = context.getRegistry().findByType(MeterRegistry.class);
            if (all.size() == 1) {
                registry = all.iterator().next();
            } else if (all.size() > 1) {
                registry = all.stream().filter(CompositeMeterRegistry.class::isInstance).reduce((a, b) -> null).orElse(null);
                if (registry == null) {
                    LOG.info("{} MeterRegistry beans and no single composite one: s3lite records no meters; set meterRegistry",
                            all.size());
                }
            }
        }
        return registry == null ? S3LiteMetrics.NONE : new MicrometerMetrics(registry);
    }
}
