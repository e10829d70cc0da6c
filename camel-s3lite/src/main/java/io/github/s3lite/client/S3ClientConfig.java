package io.github.s3lite.client;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

import javax.net.ssl.SSLContext;

import io.github.s3lite.client.auth.CredentialsProvider;

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
 * @param sslContext     TLS trust; null means the JVM default (certificates verified)
 * @param requestTimeout total time of one non-streaming request, from sending it to having read its answer
 *                       (CompleteMultipartUpload and CopyObject get at least {@link #MIN_LONG_REQUEST_TIMEOUT}: S3
 *                       may take minutes on them); a streamed GET body is bounded by the stall rule instead
 * @param maxPages       most pages one listing call follows ({@code listAllObjects}, {@code listParts},
 *                       {@code listMultipartUploads}); more fails with an {@link S3Exception}
 */
public record S3ClientConfig(URI endpoint, String region, boolean pathStyle, CredentialsProvider credentials,
        Duration connectTimeout, Duration socketTimeout, int maxConnections, SSLContext sslContext,
        Duration requestTimeout, int maxPages) {

    public static final String DEFAULT_REGION = "us-east-1";
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(60);
    public static final int DEFAULT_MAX_CONNECTIONS = 32;
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(2);
    public static final Duration MIN_LONG_REQUEST_TIMEOUT = Duration.ofMinutes(15);
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

    /** The same settings with another request timeout. */
    public S3ClientConfig withRequestTimeout(Duration value) {
        return new S3ClientConfig(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections,
                sslContext, value, maxPages);
    }

    /** The same settings with another page bound. */
    public S3ClientConfig withMaxPages(int value) {
        return new S3ClientConfig(endpoint, region, pathStyle, credentials, connectTimeout, socketTimeout, maxConnections,
                sslContext, requestTimeout, value);
    }

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
                + maxConnections + ", requestTimeout=" + requestTimeout + ", maxPages=" + maxPages + "]";
    }
}
