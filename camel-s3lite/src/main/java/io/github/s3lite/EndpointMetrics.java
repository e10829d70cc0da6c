package io.github.s3lite;

import io.github.s3lite.metrics.S3LiteMetrics;
import org.apache.camel.CamelContext;

/**
 * Where an endpoint reports: Micrometer when it is on the classpath and a registry is configured or found, else
 * nowhere. Micrometer's types are named only in {@link MicrometerLookup}, which is loaded only when Micrometer is
 * present, so the component runs without it (NoMicrometerTest).
 */
final class EndpointMetrics {
    static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");

    private EndpointMetrics() {
    }

    static S3LiteMetrics resolve(CamelContext context, S3LiteConfiguration configuration) {
        return MICROMETER ? MicrometerLookup.metrics(context, configuration) : S3LiteMetrics.NONE;
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, EndpointMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
