package io.github.s3lite.client.http;

import java.io.Closeable;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.auth.AuthCache;
import org.apache.hc.client5.http.impl.auth.BasicAuthCache;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.HttpsSupport;
import org.apache.hc.core5.reactor.ssl.SSLBufferMode;
import org.apache.hc.core5.ssl.SSLContexts;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled HttpClient 5 per S3 client. Timeouts and pool size take effect through {@link ConnectionConfig} and
 * the pool builder; TLS certificates and host names are verified (the JVM's trust store, or a given
 * {@link SSLContext}, with optional protocol and cipher lists); requests go direct or through the proxy that
 * {@link ProxyRoutes} picks per target.
 * Automatic retries, redirects and content decompression are off: retries are the route's business, and an
 * object stored gzip-encoded must come back byte for byte.
 */
public final class HttpTransport implements Closeable {

    /** Longest response header line (status line included). */
    public static final int MAX_HEADER_LINE = 64 * 1024;
    /** Most response header lines. */
    public static final int MAX_HEADER_COUNT = 500;
    /** Bodies at least this long are sent with {@code Expect: 100-continue}. */
    public static final long EXPECT_CONTINUE_THRESHOLD = 1024 * 1024;

    /**
     * Transport settings. {@code sslContext} null means the JVM default (verification on); {@code tlsProtocols} and
     * {@code cipherSuites} null or empty mean the context's enabled ones less HttpClient's weak list; {@code proxy}
     * null means direct.
     */
    public record Settings(Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext,
            java.util.List<String> tlsProtocols, java.util.List<String> cipherSuites, ProxySelection proxy) {
        public Settings {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
            }
            tlsProtocols = tlsProtocols == null ? java.util.List.of() : java.util.List.copyOf(tlsProtocols);
            cipherSuites = cipherSuites == null ? java.util.List.of() : java.util.List.copyOf(cipherSuites);
            proxy = proxy == null ? ProxySelection.DIRECT : proxy;
        }

        /** Direct, the context's protocols and ciphers. */
        public Settings(Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext) {
            this(connectTimeout, socketTimeout, maxConnections, sslContext, null, null, null);
        }
    }

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;
    private final Watchdog watchdog = new Watchdog();
    private final long socketTimeoutMillis;
    private final AuthCache proxyAuthCache;

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(HttpTransport.class);

    public HttpTransport(Settings settings) {
        if (org.slf4j.LoggerFactory.getLogger("org.apache.hc.client5.http.headers").isDebugEnabled()
                || org.slf4j.LoggerFactory.getLogger("org.apache.hc.client5.http.wire").isDebugEnabled()) {
            // s3lite never logs headers itself, but HttpClient's own debug loggers print them unredacted
            LOG.warn("HttpClient header/wire logging (org.apache.hc.client5.http.headers / .wire at DEBUG) is on: it writes the "
                     + "Authorization and X-Amz-Security-Token headers of every S3 request to the log. Turn it off outside "
                     + "debugging sessions.");
        }
        Timeout connect = Timeout.of(settings.connectTimeout());
        Timeout socket = Timeout.of(settings.socketTimeout());
        this.socketTimeoutMillis = settings.socketTimeout().toMillis();
        PoolingHttpClientConnectionManagerBuilder pb = PoolingHttpClientConnectionManagerBuilder.create()
                .setMaxConnTotal(settings.maxConnections())
                .setMaxConnPerRoute(settings.maxConnections())
                .setPoolConcurrencyPolicy(PoolConcurrencyPolicy.STRICT)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(connect)
                        .setSocketTimeout(socket)
                        .setValidateAfterInactivity(TimeValue.ofSeconds(2))
                        .setTimeToLive(TimeValue.ofMinutes(5))
                        .build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(Http1Config.custom().setMaxLineLength(MAX_HEADER_LINE)
                                .setMaxHeaderCount(MAX_HEADER_COUNT).build())
                        .build());
        if (settings.sslContext() != null || !settings.tlsProtocols().isEmpty() || !settings.cipherSuites().isEmpty()) {
            pb.setTlsSocketStrategy(tlsStrategy(settings));
        }
        this.pool = pb.build();
        HttpClientBuilder builder = HttpClients.custom();
        if (ProxyRoutes.apply(builder, settings.proxy())) {
            // proxy credentials: after the proxy's first 407 the Basic scheme is kept here and sent with later
            // tunnels and requests, so a non-repeatable body never meets a challenge it cannot answer twice
            this.proxyAuthCache = new BasicAuthCache();
        } else {
            this.proxyAuthCache = null;
            builder.disableAuthCaching();
        }
        this.http = builder
                .setConnectionManager(pool)
                .setDefaultRequestConfig(RequestConfig.custom()
                        .setResponseTimeout(socket)
                        .setConnectionRequestTimeout(Timeout.ofMinutes(3))
                        .setRedirectsEnabled(false)
                        .build())
                .disableAutomaticRetries()
                .disableRedirectHandling()
                .disableContentCompression()
                .disableCookieManagement()
                .setUserAgent("camel-s3lite/0.1")
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /**
     * TLS with hostname verification on (HttpClient's default verifier, both in the handshake and after it), the
     * given context (or the JVM's), and the given protocols and cipher suites (or the context's enabled ones).
     */
    static DefaultClientTlsStrategy tlsStrategy(Settings settings) {
        SSLContext ctx = settings.sslContext() != null ? settings.sslContext() : SSLContexts.createSystemDefault();
        return new DefaultClientTlsStrategy(ctx, array(settings.tlsProtocols()), array(settings.cipherSuites()),
                SSLBufferMode.STATIC, HostnameVerificationPolicy.BOTH, HttpsSupport.getDefaultHostnameVerifier());
    }

    private static String[] array(java.util.List<String> values) {
        return values.isEmpty() ? null : values.toArray(String[]::new);
    }

    /**
     * Sends one request and returns the open response; the caller must close it (or hand its body to a stream
     * that closes it). {@code headers} are set exactly as given. {@code deadlineMillis} (0: none) bounds the
     * exchange from now until the response is closed or {@link TransportResponse#endDeadline()} is called; for a
     * body of at least {@link #EXPECT_CONTINUE_THRESHOLD} bytes it starts once the body is sent (the upload itself
     * is bounded by the socket timeout per write instead), and the request carries {@code Expect: 100-continue} so
     * an early refusal costs no body bytes.
     */
    public TransportResponse send(String method, URI uri, Map<String, String> headers, HttpEntity body,
            long deadlineMillis, String deadlineText) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::setHeader);
        Watchdog.Guard guard = new Watchdog.Guard(request::cancel, TimeUnit.MILLISECONDS.toNanos(socketTimeoutMillis));
        boolean large = body != null && (body.getContentLength() < 0 || body.getContentLength() >= EXPECT_CONTINUE_THRESHOLD);
        if (body != null) {
            request.setEntity(new GuardedEntity(body, guard, large ? deadlineMillis : 0, deadlineText));
            if (large) {
                request.setHeader("Expect", "100-continue");
            }
        }
        if (!large) {
            guard.deadline(deadlineMillis, deadlineText);
        }
        watchdog.watch(guard);
        try {
            HttpClientContext context = null;
            if (proxyAuthCache != null) {
                context = HttpClientContext.create();
                context.setAuthCache(proxyAuthCache);
            }
            return new TransportResponse(http.executeOpen(null, request, context), watchdog, guard, socketTimeoutMillis);
        } catch (IOException | RuntimeException e) {
            watchdog.release(guard);
            request.cancel();
            String why = guard.expired();
            if (why != null && e instanceof IOException io && !(e instanceof TransferTimeoutException)) {
                throw new TransferTimeoutException(why, io);
            }
            throw e;
        }
    }

    /** A request body whose writes the watchdog sees; arms the deadline once the body is sent when asked to. */
    private static final class GuardedEntity extends HttpEntityWrapper {
        private final Watchdog.Guard guard;
        private final long deadlineAfterBody;
        private final String deadlineText;

        GuardedEntity(HttpEntity wrapped, Watchdog.Guard guard, long deadlineAfterBody, String deadlineText) {
            super(wrapped);
            this.guard = guard;
            this.deadlineAfterBody = deadlineAfterBody;
            this.deadlineText = deadlineText;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            super.writeTo(new FilterOutputStream(out) {
                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    guard.writeStarted();
                    try {
                        out.write(b, off, len);
                    } finally {
                        guard.writeEnded();
                    }
                }

                @Override
                public void flush() throws IOException {
                    guard.writeStarted();
                    try {
                        out.flush();
                    } finally {
                        guard.writeEnded();
                    }
                }
            });
            if (deadlineAfterBody > 0) {
                guard.deadline(deadlineAfterBody, deadlineText);
            }
        }
    }

    /** Connections currently leased from the pool (for tests and health checks). */
    public int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    @Override
    public void close() {
        watchdog.close();
        http.close(CloseMode.GRACEFUL);
    }
}
