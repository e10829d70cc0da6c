package io.github.s3lite.client;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import io.github.s3lite.client.auth.QueryParam;
import io.github.s3lite.client.auth.UriEncoder;

/**
 * Where a request goes: virtual-host style ({@code bucket.host/key}) or path style ({@code host/bucket/key}).
 * Path style is used when configured, and automatically where a bucket cannot be a host name: an IP-literal or
 * {@code localhost} endpoint, and a bucket with dots over https (it would not match the wildcard certificate).
 * Keys are encoded once and never normalized.
 */
final class Addressing {
    private static final Pattern IPV4 = Pattern.compile("^\\d{1,3}(\\.\\d{1,3}){3}$");

    /** Host header value and encoded path of a request. */
    record Target(String scheme, String host, String path) {
    }

    private final URI endpoint;
    private final boolean pathStyle;
    private final String host;
    private final String basePath;

    Addressing(URI configuredEndpoint, boolean pathStyle) {
        this.endpoint = withoutDefaultPort(configuredEndpoint);
        this.host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        this.basePath = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        this.pathStyle = pathStyle || isIpLiteralOrLocalhost(endpoint.getHost());
    }

    /** The endpoint's host name (for log lines). */
    String endpointHost() {
        return endpoint.getHost();
    }

    static boolean isIpLiteralOrLocalhost(String h) {
        if (h == null) {
            return false;
        }
        String lower = h.toLowerCase(Locale.ROOT);
        return IPV4.matcher(lower).matches() || lower.startsWith("[") || lower.contains(":")
                || lower.equals("localhost") || lower.endsWith(".localhost");
    }

    Target target(String bucket, String key) {
        String encodedKey = key == null ? "" : UriEncoder.encode(key, true);
        if (bucket == null) {
            return new Target(endpoint.getScheme(), host, basePath.isEmpty() ? "/" : basePath + "/");
        }
        boolean virtualHost = !pathStyle && !(bucket.contains(".") && "https".equalsIgnoreCase(endpoint.getScheme()));
        if (virtualHost) {
            return new Target(endpoint.getScheme(), bucket + "." + host, basePath + "/" + encodedKey);
        }
        return new Target(endpoint.getScheme(), host, basePath + "/" + bucket + (key == null ? "" : "/" + encodedKey));
    }

    static URI uri(Target t, List<QueryParam> query) {
        StringBuilder sb = new StringBuilder(t.scheme()).append("://").append(t.host()).append(t.path());
        char sep = '?';
        for (QueryParam p : query) {
            sb.append(sep).append(UriEncoder.encode(p.name(), false)).append('=')
                    .append(UriEncoder.encode(p.value() == null ? "" : p.value(), false));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private static URI withoutDefaultPort(URI u) {
        int port = u.getPort();
        boolean isDefault = (port == 80 && "http".equalsIgnoreCase(u.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(u.getScheme()));
        if (!isDefault) {
            return u;
        }
        return URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost()
                + (u.getRawPath() == null ? "" : u.getRawPath()));
    }
}
