/**
 * The Micrometer binding of {@link io.github.s3lite.metrics.S3LiteMetrics}. Micrometer is an optional dependency:
 * nothing outside this package names its types, except the endpoint's {@code meterRegistry} option and the lookup
 * that runs only when {@code io.micrometer.core.instrument.MeterRegistry} can be loaded.
 */
package io.github.s3lite.micrometer;
