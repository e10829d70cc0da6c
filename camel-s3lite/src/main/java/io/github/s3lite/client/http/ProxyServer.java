package io.github.s3lite.client.http;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An HTTP proxy: {@code protocol} is how the client talks to it ({@code http}, or {@code https} for TLS to the
 * proxy); https targets are tunnelled with {@code CONNECT}, http targets are sent to it as absolute URIs. With a
 * username, Basic credentials answer its {@code 407} challenges. {@link #toString()} never shows the password.
 */
public record ProxyServer(String protocol, String host, int port, String username, String password) {

    public ProxyServer {
        protocol = protocol == null || protocol.isBlank() ? "http" : protocol.strip().toLowerCase(Locale.ROOT);
        if (!protocol.equals("http") && !protocol.equals("https")) {
            throw new IllegalArgumentException("proxyProtocol must be http or https, was '" + protocol + "'");
        }
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("A proxy needs a host (proxyHost)");
        }
        host = host.strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("proxyPort of proxy " + host + " must be 1 to 65535, was " + port);
        }
        username = username == null || username.isEmpty() ? null : username;
        password = username == null ? null : password;
    }

    /**
     * A proxy URL as in {@code HTTPS_PROXY}: {@code http://[user:password@]host[:port]} (a missing scheme means
     * http, a missing port 80 for http and 443 for https); user and password are percent-decoded.
     *
     * @param source the variable or property it came from, for error messages
     */
    public static ProxyServer parse(String url, String source) {
        String u = url.strip();
        if (!u.contains("://")) {
            u = "http://" + u;
        }
        URI uri;
        try {
            uri = URI.create(u);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + " is not a proxy URL such as http://proxy.example.com:3128", e);
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException(source + " is not a proxy URL such as http://proxy.example.com:3128 "
                                               + "(no host in it)");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() > 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        String user = null;
        String pass = null;
        String info = uri.getRawUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            user = URLDecoder.decode(colon < 0 ? info : info.substring(0, colon), StandardCharsets.UTF_8);
            pass = colon < 0 ? null : URLDecoder.decode(info.substring(colon + 1), StandardCharsets.UTF_8);
        }
        try {
            return new ProxyServer(scheme, uri.getHost(), port, user, pass);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(source + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return protocol + "://" + (username == null ? "" : "****@") + (host.indexOf(':') >= 0 ? "[" + host + "]" : host)
               + ":" + port;
    }
}
