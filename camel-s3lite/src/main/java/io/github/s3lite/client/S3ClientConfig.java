package io.github.s3lite.client;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.client.http.ProxySelection;

/**
 * Settings of one {@link S3LiteClient}.
 *
 * @param endpoint       base URL of an S3-compatible service ({@code http://127.0.0.1:9000}); null means AWS's
 *                       regional endpoint {@code https://s3.<region>.amazonaws.com}
 * @param region         signing region
 * @param pathStyle      path-style ({@code host/bucket/key}) instead of virtual-host ({@code bucket.host/key})
 * @param credentials    where credentials come from (resolved on each request, so rotation works)
 * @param connectTimeout TCP connect and TLS handshake timeout
 * @param socketTimeout  inactivity timeout while waiting for or reading response bytes
 * @param maxConnections pool size (all buckets of this client share it)
 * @param sslContext     TLS trust (and key material for client certificates); null means the JVM default
 *                       (certificates and host names are verified either way)
 * @param requestTimeout total time of one non-streaming request, from sending it to having read its answer
 *                       (CompleteMultipartUpload and CopyObject get at least {@link #MIN_LONG_REQUEST_TIMEOUT}: S3
 *                       may take minutes on them); a streamed GET body is bounded by the stall rule instead
 * @param maxPages       most pages one listing call follows ({@code listAllObjects}, {@code listParts},
 *                       {@code listMultipartUploads}); more fails with an {@link S3Exception}
 * @param tlsProtocols   TLS protocols to enable, such as {@code TLSv1.3}; empty: the context's enabled ones less
 *                       weak ones
 * @param cipherSuites   cipher suites to enable; empty: the context's enabled ones less weak ones
 * @param proxy          which requests go through which proxy ({@link ProxySelection#DIRECT} when null)
 */
public record S3ClientConfig(URI endpoint, String region, boolean pathStyle, CredentialsProvider credentials,
        Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext,
        Duration requestTimeout, int maxPages, List<String> tlsProtocols, List<String> cipherSuites,
        ProxySelection proxy) {

    /** The signing region when none (or a blank one) is given. */
    public static final String DEFAULT_REGION = "us-east-1";
    /** {@code connectTimeout} when null. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** {@code socketTimeout} when null. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);
    /** {@code maxConnections} when 0 or negative. */
    public static final int DEFAULT_MAX_CONNECTIONS = 32;
    /** {@code requestTimeout} when null, zero or negative. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    /** The least request timeout CompleteMultipartUpload and CopyObject get, whatever {@code requestTimeout} says. */
    public static final Duration MIN_LONG_REQUEST_TIMEOUT = Duration.ofMinutes(15);
    /** {@code maxPages} when 0 or negative. */
    public static final int DEFAULT_MAX_PAGES = 1000;

    public S3ClientConfig {
        Objects.requireNonNull(credentials, "credentials");
        region = region == null || region.isBlank() ? DEFAULT_REGION : region.trim();
        connectTimeout = connectTimeout == null ? DEFAULT_CONNECT_TIMEOUT : connectTimeout;
        socketTimeout = socketTimeout == null ? DEFAULT_SOCKET_TIMEOUT : socketTimeout;
        maxConnections = maxConnections <= 0 ? DEFAULT_MAX_CONNECTIONS : maxConnections;
        requestTimeout = requestTimeout == null || requestTimeout.isZero() || requestTimeout.isNegative()
                ? DEFAULT_REQUEST_TIMEOUT : requestTimeout;
        maxPages = maxPages <= 0 ? DEFAULT_MAX_PAGES : maxPages;
        tlsProtocols = tlsProtocols == null ? List.of() : List.copyOf(tlsProtocols);
        cipherSuites = cipherSuites == null ? List.of() : List.copyOf(cipherSuites);
        proxy = proxy == null ? ProxySelection.DIRECT : proxy;
        if (endpoint != null) {
            String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || endpoint.getHost() == null) {
                throw new IllegalArgumentException("Endpoint '" + endpoint
                        + "' must be an absolute http:// or https:// URL such as http://127.0.0.1:9000");
            }
            if (endpoint.getRawQuery() != null || endpoint.getRawUserInfo() != null) {
                throw new IllegalArgumentException("Endpoint '" + endpoint.getHost()
                        + "' must not contain a query or user info: give credentials as accessKey/secretKey");
            }
        }
    }

    /** Default request timeout and page bound. */
    public S3ClientConfig(URI endpoint, String region, boolean pathStyle, CredentialsProvider credentials,
            Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext) {
        this(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections, sslContext, null, 0);
    }

    /** Direct, the TLS context's own protocols and ciphers. */
    public S3ClientConfig(URI endpoint, String region, boolean pathStyle, CredentialsProvider credentials,
            Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext,
            Duration requestTimeout, int maxPages) {
        this(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections, sslContext,
                requestTimeout, maxPages, null, null, null);
    }

    /** The same settings with another request timeout. */
    public S3ClientConfig withRequestTimeout(Duration value) {
        return new S3ClientConfig(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections,
                sslContext, value, maxPages, tlsProtocols, cipherSuites, proxy);
    }

    /** The same settings with another page bound. */
    public S3ClientConfig withMaxPages(int value) {
        return new S3ClientConfig(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections,
                sslContext, requestTimeout, value, tlsProtocols, cipherSuites, proxy);
    }

    /** The same settings with this TLS context (null: the JVM's), protocols and cipher suites (null: the context's). */
    public S3ClientConfig withTls(SSLContext context, List<String> protocols, List<String> ciphers) {
        return new S3ClientConfig(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections,
                context, requestTimeout, maxPages, protocols, ciphers, proxy);
    }

    /** The same settings with this proxy selection (null: direct). */
    public S3ClientConfig withProxy(ProxySelection value) {
        return new S3ClientConfig(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections,
                sslContext, requestTimeout, maxPages, tlsProtocols, cipherSuites, value);
    }

    /**
     * Settings with every timeout, the pool size and the page bound at their defaults and the JVM's TLS trust.
     *
     * @param endpoint    base URL of an S3-compatible service; null: AWS's regional endpoint
     * @param region      signing region; null or blank: {@link #DEFAULT_REGION}
     * @param pathStyle   path-style instead of virtual-host addressing
     * @param credentials where credentials come from, not null
     * @return the settings
     */
    public static S3ClientConfig of(URI endpoint, String region, boolean pathStyle, CredentialsProvider credentials) {
        return new S3ClientConfig(endpoint, region, pathStyle, credentials, null, null, 0, null);
    }

    /** The endpoint actually used. */
    public URI effectiveEndpoint() {
        return endpoint != null ? endpoint : URI.create("https://s3." + region + ".amazonaws.com");
    }

    @Override
    public String toString() {
        return "S3ClientConfig[endpoint=" + effectiveEndpoint() + ", region=" + region + ", pathStyle=" + pathStyle
                + ", connectTimeout=" + connectTimeout + ", socketTimeout=" + socketTimeout + ", maxConnections="
                + maxConnections + ", requestTimeout=" + requestTimeout + ", maxPages=" + maxPages
                + (sslContext == null ? "" : ", tls=" + sslContext.getProtocol())
                + (tlsProtocols.isEmpty() ? "" : ", tlsProtocols=" + tlsProtocols)
                + (cipherSuites.isEmpty() ? "" : ", cipherSuites=" + cipherSuites.size())
                + ", network=" + proxy + "]";
    }
}
