package io.github.s3lite.micrometer;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.metrics.RequestOutcome;
import io.github.s3lite.metrics.S3LiteMetrics;
import io.github.s3lite.metrics.TransferDirection;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Records {@link S3LiteMetrics} as Micrometer meters (names, tags and units are listed in the README's "Metrics,
 * progress and tracing" section):
 * <ul>
 * <li>{@code s3lite.requests} timer, tags {@code operation} and {@code outcome}</li>
 * <li>{@code s3lite.bytes} counter (bytes), tag {@code direction} = upload/download</li>
 * <li>{@code s3lite.upload.parts} counter, tag {@code result} = sent/resumed</li>
 * <li>{@code s3lite.uploads.active} gauge: multipart uploads in flight</li>
 * <li>{@code s3lite.consumer.claims}, {@code s3lite.consumer.deliveries} counters</li>
 * <li>{@code s3lite.redeliveries} counter, tag {@code operation}</li>
 * </ul>
 * Endpoints sharing a registry share its meters (one in-flight count per registry).
 */
public final class MicrometerMetrics implements S3LiteMetrics {

    private static final Map<MeterRegistry, AtomicInteger> ACTIVE = new WeakHashMap<>();

    private final MeterRegistry registry;
    private final AtomicInteger active;
    private final Counter uploaded;
    private final Counter downloaded;
    private final Counter partsSent;
    private final Counter partsResumed;
    private final Counter claims;
    private final Counter deliveries;

    public MicrometerMetrics(MeterRegistry registry) {
        this.registry = registry;
        synchronized (ACTIVE) {
            this.active = ACTIVE.computeIfAbsent(registry, r -> {
                AtomicInteger a = new AtomicInteger();
                Gauge.builder("s3lite.uploads.active", a, AtomicInteger::get)
                        .description("Multipart uploads in flight").register(r);
                return a;
            });
        }
        this.uploaded = bytes(TransferDirection.UPLOAD);
        this.downloaded = bytes(TransferDirection.DOWNLOAD);
        this.partsSent = parts("sent");
        this.partsResumed = parts("resumed");
        this.claims = Counter.builder("s3lite.consumer.claims").description("Objects the consumer claimed")
                .register(registry);
        this.deliveries = Counter.builder("s3lite.consumer.deliveries")
                .description("Exchanges the consumer handed to the route").register(registry);
    }

    private Counter bytes(TransferDirection d) {
        return Counter.builder("s3lite.bytes").baseUnit("bytes").tag("direction", d.tag())
                .description("Object body bytes uploaded (PutObject, UploadPart) or downloaded (GetObject)")
                .register(registry);
    }

    private Counter parts(String result) {
        return Counter.builder("s3lite.upload.parts").tag("result", result)
                .description("Multipart upload parts sent, or reused from the server on resume").register(registry);
    }

    @Override
    public void request(String operation, RequestOutcome outcome, long nanos) {
        Timer.builder("s3lite.requests").tag("operation", operation).tag("outcome", outcome.tag())
                .description("S3 requests, from signing to the answer's headers").register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void bytes(TransferDirection direction, long count) {
        (direction == TransferDirection.UPLOAD ? uploaded : downloaded).increment(count);
    }

    @Override
    public void partSent() {
        partsSent.increment();
    }

    @Override
    public void partResumed() {
        partsResumed.increment();
    }

    @Override
    public void uploadStarted() {
        active.incrementAndGet();
    }

    @Override
    public void uploadEnded() {
        active.decrementAndGet();
    }

    @Override
    public void claimed() {
        claims.increment();
    }

    @Override
    public void delivered() {
        deliveries.increment();
    }

    @Override
    public void redelivery(String operation) {
        Counter.builder("s3lite.redeliveries").tag("operation", operation)
                .description("Exchanges the producer saw redelivered by Camel").register(registry).increment();
    }
}
