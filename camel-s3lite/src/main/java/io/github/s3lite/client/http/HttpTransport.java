package io.github.s3lite.client.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import javax.net.ssl.SSLContext;

import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.DefaultClientTlsStrategy;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.pool.PoolConcurrencyPolicy;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;

/**
 * One pooled HttpClient 5 per S3 client. Timeouts and pool size take effect through {@link ConnectionConfig} and
 * the pool builder; TLS certificates are verified (the JVM's trust store, or a given {@link SSLContext}).
 * Automatic retries, redirects and content decompression are off: retries are the route's business, and an
 * object stored gzip-encoded must come back byte for byte.
 */
public final class HttpTransport implements Closeable {

    /** Transport settings. {@code sslContext} null means the JVM default (verification on). */
    public record Settings(Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext) {
        public Settings {
            if (maxConnections < 1) {
                throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
            }
        }
    }

    private final PoolingHttpClientConnectionManager pool;
    private final CloseableHttpClient http;

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
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build());
        if (settings.sslContext() != null) {
            pb.setTlsSocketStrategy(new DefaultClientTlsStrategy(settings.sslContext()));
        }
        this.pool = pb.build();
        this.http = HttpClients.custom()
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
                .disableAuthCaching()
                .setUserAgent("camel-s3lite/0.1")
                .evictIdleConnections(TimeValue.ofSeconds(30))
                .build();
    }

    /**
     * Sends one request and returns the open response; the caller must close it (or hand its body to a
     * {@link ResponseStream}). {@code headers} are set exactly as given.
     */
    public ClassicHttpResponse send(String method, URI uri, Map<String, String> headers, HttpEntity body) throws IOException {
        HttpUriRequestBase request = new HttpUriRequestBase(method, uri);
        headers.forEach(request::setHeader);
        if (body != null) {
            request.setEntity(body);
        }
        return http.executeOpen(null, request, null);
    }

    /** Connections currently leased from the pool (for tests and health checks). */
    public int leasedConnections() {
        return pool.getTotalStats().getLeased();
    }

    @Override
    public void close() {
        http.close(CloseMode.GRACEFUL);
    }
}
