/**
 * What s3lite reports as it works, free of Camel and of any metrics library: {@link io.github.s3lite.metrics.S3LiteMetrics}
 * (requests, bytes, parts, uploads in flight, consumer deliveries), bound to Micrometer by
 * {@code io.github.s3lite.micrometer.MicrometerMetrics} when Micrometer is on the classpath.
 */
package io.github.s3lite.metrics;
