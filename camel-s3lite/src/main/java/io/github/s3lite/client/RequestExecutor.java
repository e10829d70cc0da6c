package io.github.s3lite.client;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.SigV4Signer;
import io.github.s3lite.client.auth.SigningRequest;
import io.github.s3lite.client.http.FileRegionEntity;
import io.github.s3lite.client.http.HttpTransport;
import io.github.s3lite.client.http.TransportResponse;
import io.github.s3lite.metrics.RequestOutcome;
import io.github.s3lite.metrics.S3LiteMetrics;
import io.github.s3lite.metrics.TransferDirection;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.s3lite.client.Responses.closeQuietly;
import static io.github.s3lite.client.Responses.header;

/**
 * Request execution: signs a {@link Call}, sends it through the transport and enforces the contract that only a
 * 2xx (or an expected 304) comes back; everything else becomes an exception through {@link S3Errors}. Keeps the
 * clock offset learned from a {@code RequestTimeTooSkewed} answer (the one re-sign).
 */
final class RequestExecutor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(S3LiteClient.class);

    /** Reads a successful response; the executor closes it afterwards. */
    interface ResponseReader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    private final S3ClientConfig config;
    private final HttpTransport transport;
    private final SigV4Signer signer;
    private final Addressing addressing;
    private final Clock clock;
    private volatile long clockOffsetMillis;
    private volatile S3LiteMetrics metrics = S3LiteMetrics.NONE;

    RequestExecutor(S3ClientConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
        this.addressing = new Addressing(config.effectiveEndpoint(), config.pathStyle());
        this.signer = new SigV4Signer(config.region(), "s3");
        this.transport = new HttpTransport(new HttpTransport.Settings(config.connectTimeout(), config.socketTimeout(),
                config.maxConnections(), config.sslContext(), config.tlsProtocols(), config.cipherSuites(), config.proxy()));
    }

    Addressing addressing() {
        return addressing;
    }

    SigV4Signer signer() {
        return signer;
    }

    int leasedConnections() {
        return transport.leasedConnections();
    }

    S3LiteMetrics metrics() {
        return metrics;
    }

    void metrics(S3LiteMetrics value) {
        metrics = value == null ? S3LiteMetrics.NONE : value;
    }

    long clockOffsetMillis() {
        return clockOffsetMillis;
    }

    /** The local clock corrected by the learned offset: the time requests are signed with. */
    Instant now() {
        return Instant.ofEpochMilli(clock.millis() + clockOffsetMillis);
    }

    @Override
    public void close() {
        transport.close();
    }

    /** Executes and reads a non-streaming call; the response is closed when {@code reader} returns or throws. */
    <T> T executeAndRead(Call call, ResponseReader<T> reader) {
        ClassicHttpResponse r = execute(call, false);
        try {
            return reader.read(r);
        } catch (IOException e) {
            throw S3Errors.ioFailure(call.method(), call.bucket(), call.key(), e);
        } catch (S3Exception e) {
            throw e;
        } catch (RuntimeException e) {
            // a number or date that does not parse, a missing element: the answer is malformed, not the request
            throw S3Errors.malformed(call, r, e);
        } finally {
            closeQuietly(r);
        }
    }

    /**
     * Signs and sends; returns a successful (2xx, or 304 when {@code allow304}) open response, else throws. With
     * {@code allow304} (a streaming GET) the request deadline ends once the headers are in; otherwise it lasts
     * until the response is closed.
     */
    ClassicHttpResponse execute(Call call, boolean allow304) {
        return execute(call, allow304, null);
    }

    /**
     * As {@link #execute(Call, boolean)}, with a deadline other than the configured one (null: configured). Tells
     * {@link S3LiteMetrics} the request's operation, outcome and time, and the body bytes of a successful PUT.
     */
    ClassicHttpResponse execute(Call call, boolean allow304, Duration timeout) {
        S3LiteMetrics m = metrics;
        if (m == S3LiteMetrics.NONE) {
            return send(call, allow304, timeout);
        }
        long start = System.nanoTime();
        ClassicHttpResponse r;
        try {
            r = send(call, allow304, timeout);
        } catch (RuntimeException e) {
            m.request(RequestMetrics.operation(call), RequestMetrics.outcome(e), System.nanoTime() - start);
            throw e;
        }
        m.request(RequestMetrics.operation(call), RequestOutcome.SUCCESS, System.nanoTime() - start);
        if ("PUT".equals(call.method()) && call.body() != null) {
            m.bytes(TransferDirection.UPLOAD, call.body().length());
        }
        return r;
    }

    private ClassicHttpResponse send(Call call, boolean allow304, Duration timeout) {
        if (call.bucket() != null) {
            S3Names.requireValidBucket(call.bucket());
        }
        boolean resigned = false;
        while (true) {
            Addressing.Target t = addressing.target(call.bucket(), call.key());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(call.headers());
            headers.put("x-amz-content-sha256", call.payloadHash());
            Credentials creds = credentials(config);
            Map<String, String> sig = signer.signHeaders(new SigningRequest(call.method(), t.host(), t.path(),
                    call.query(), headers, call.payloadHash()), creds, now());
            Map<String, String> sent = new LinkedHashMap<>(headers);
            sent.putAll(sig);
            long start = System.nanoTime();
            Duration deadline = timeout != null ? timeout : deadlineOf(call);
            TransportResponse r;
            try {
                r = send(call, t, sent, deadline);
            } catch (IOException e) {
                throw S3Errors.ioFailure(call.method(), call.bucket(), call.key(), e);
            }
            int code = r.getCode();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> {} ({} ms)", call.describe(), code, (System.nanoTime() - start) / 1_000_000);
            }
            if (code / 100 == 2 || (allow304 && code == 304)) {
                if (allow304) {
                    r.endDeadline();
                }
                return r;
            }
            long skew = skewOf(r);
            S3Exception failure = S3Errors.fromResponse(call, r, skew == NO_DATE ? 0 : skew);
            boolean skewed = "RequestTimeTooSkewed".equals(failure.getErrorCode())
                    || (failure.getErrorCode() == null && (code == 401 || code == 403) && skew != NO_DATE
                            && Math.abs(skew) > S3Errors.MAX_SKEW_MILLIS);
            if (!resigned && skewed && (call.body() == null || call.body().repeatable()) && learnClockOffset(r)) {
                resigned = true;
                LOG.warn("Clock skew against {}: re-signing once with an offset of {} ms", addressing.endpointHost(),
                        clockOffsetMillis);
                continue;
            }
            throw failure;
        }
    }

    /** One immediate retry of an idempotent request when a pooled connection turns out stale. */
    private TransportResponse send(Call call, Addressing.Target t, Map<String, String> sent, Duration deadline)
            throws IOException {
        String text = "the request exceeded its deadline of " + deadline.toMillis() + " ms (requestTimeout)";
        URI uri = Addressing.uri(t, call.query());
        try {
            return transport.send(call.method(), uri, sent, entity(call.body()), deadline.toMillis(), text);
        } catch (NoHttpResponseException stale) {
            // the server closed a kept-alive connection as it was reused: nothing was processed
            if (!IDEMPOTENT.contains(call.method())) {
                throw stale;
            }
            LOG.debug("{}: pooled connection was stale ({}), sending once more", LogText.of(call.describe()), stale.getMessage());
            return transport.send(call.method(), uri, sent, entity(call.body()), deadline.toMillis(), text);
        }
    }

    private static final java.util.Set<String> IDEMPOTENT = java.util.Set.of("GET", "HEAD", "PUT", "DELETE");
    private static final long NO_DATE = Long.MIN_VALUE;

    /** Server {@code Date} minus the corrected local clock, or {@link #NO_DATE}. */
    private long skewOf(ClassicHttpResponse r) {
        String date = header(r, "Date");
        if (date == null) {
            return NO_DATE;
        }
        try {
            return ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant().toEpochMilli()
                    - now().toEpochMilli();
        } catch (RuntimeException e) {
            return NO_DATE;
        }
    }

    /** The provider's credentials; a provider failure (nothing configured, unreadable file) is an S3Exception. */
    static Credentials credentials(S3ClientConfig config) {
        try {
            return config.credentials().credentials();
        } catch (S3Exception e) {
            throw e;
        } catch (RuntimeException e) {
            throw new S3Exception("No S3 credentials: " + e.getMessage(), 0, null, null, e);
        }
    }

    /** The configured request timeout; CompleteMultipartUpload and CopyObject get at least 15 minutes. */
    private Duration deadlineOf(Call call) {
        boolean slow = call.headers().containsKey("x-amz-copy-source")
                || ("POST".equals(call.method()) && call.query().stream().anyMatch(q -> q.name().equals("uploadId")));
        Duration d = config.requestTimeout();
        return slow && d.compareTo(S3ClientConfig.MIN_LONG_REQUEST_TIMEOUT) < 0 ? S3ClientConfig.MIN_LONG_REQUEST_TIMEOUT : d;
    }

    private static HttpEntity entity(RequestBody body) {
        if (body == null) {
            return null;
        } else if (body instanceof RequestBody.Bytes b) {
            return new io.github.s3lite.client.http.SlicedBytesEntity(b.data(), b.offset(), b.size());
        } else if (body instanceof RequestBody.FileRegion f) {
            return new FileRegionEntity(f.path(), f.position(), f.length());
        }
        throw new IllegalArgumentException("Unknown body " + body.getClass());
    }

    private boolean learnClockOffset(ClassicHttpResponse r) {
        String date = header(r, "Date");
        if (date == null) {
            return false;
        }
        try {
            Instant server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            clockOffsetMillis = server.toEpochMilli() - clock.millis();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
