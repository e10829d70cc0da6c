package io.github.s3lite.client.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The HTTP calls of credential providers (STS, the container endpoint, IMDS): the JDK's client, always direct
 * (never through a proxy: credential endpoints are link-local or must not be seen by a proxy), with short timeouts.
 * Error messages name the URL and status, never a request or response body that may carry secrets, unless the
 * caller quotes a safe part.
 */
final class CredentialsHttp {
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    /** A response: status and body text. */
    record Response(int status, String body) {
        boolean ok() {
            return status / 100 == 2;
        }

        @Override
        public String toString() {
            return "Response[" + status + "]"; // the body carries credentials
        }
    }

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .proxy(ProxySelector.of(null)) // NO_PROXY: direct, whatever the JVM's proxy settings
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    private CredentialsHttp() {
    }

    static Response send(String method, URI uri, Map<String, String> headers, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(REQUEST_TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        headers.forEach(b::header);
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + safe(uri) + " failed: " + e.getClass().getSimpleName()
                                           + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + safe(uri), e);
        }
    }

    /** The URI without query or user info (a query may carry tokens). */
    static String safe(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
               + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }
}
