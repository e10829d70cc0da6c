package io.github.s3lite.client.http;

import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * Which proxy, if any, a request to a host goes through: one explicit proxy for every scheme, or the system's
 * settings per target scheme (see {@link #system(Function, Function)}).
 * <p>
 * Always direct, whatever the lists say: the instance metadata and container credential addresses
 * ({@code 169.254.169.254}, {@code 169.254.170.2}, {@code 169.254.170.23}, {@code fd00:ec2::254},
 * {@code fd00:ec2::23}); with the system's settings also loopback ({@code localhost}, {@code 127.0.0.0/8},
 * {@code ::1}), as the JVM's default {@code http.nonProxyHosts} and Go's {@code NO_PROXY} reading do. An explicit
 * proxy is used for loopback targets too (it was asked for).
 */
public final class ProxySelection {

    /** Every request direct. */
    public static final ProxySelection DIRECT = new ProxySelection(null, null, NonProxyHosts.NONE, false, "direct");

    private static final NonProxyHosts ALWAYS_DIRECT = NonProxyHosts.jvm(
            "169.254.169.254|169.254.170.2|169.254.170.23|fd00:ec2::254|fd00:ec2::23");
    private static final NonProxyHosts LOOPBACK = NonProxyHosts.jvm("localhost|*.localhost|127.0.0.0/8|::1");
    /** The JVM's default {@code http.nonProxyHosts}. */
    static final String JVM_DEFAULT_NON_PROXY_HOSTS = "localhost|127.*|[::1]";

    private final ProxyServer forHttp;
    private final ProxyServer forHttps;
    private final NonProxyHosts bypass;
    private final boolean loopbackDirect;
    private final String description;

    private ProxySelection(ProxyServer forHttp, ProxyServer forHttps, NonProxyHosts bypass, boolean loopbackDirect,
            String description) {
        this.forHttp = forHttp;
        this.forHttps = forHttps;
        this.bypass = bypass;
        this.loopbackDirect = loopbackDirect;
        this.description = description;
    }

    /** One proxy for http and https targets, bypassed for {@code nonProxyHosts} (see {@link NonProxyHosts#noProxy}). */
    public static ProxySelection explicit(ProxyServer proxy, String nonProxyHosts) {
        Objects.requireNonNull(proxy, "proxy");
        NonProxyHosts bypass = NonProxyHosts.noProxy(nonProxyHosts);
        return new ProxySelection(proxy, proxy, bypass, false, "proxy " + proxy
                + (bypass == NonProxyHosts.NONE ? "" : ", direct for " + bypass));
    }

    /** The JVM's proxy properties and the process environment. */
    public static ProxySelection system() {
        return system(System::getProperty, System::getenv);
    }

    /**
     * The system's settings: JVM properties first ({@code https.proxyHost} for https targets, {@code http.proxyHost}
     * for http targets, bypassed for {@code http.nonProxyHosts}, default {@code localhost|127.*|[::1]}), else the
     * environment ({@code HTTPS_PROXY}, {@code HTTP_PROXY}, bypassed for {@code NO_PROXY}). Nothing set: direct.
     */
    public static ProxySelection system(Function<String, String> properties, Function<String, String> env) {
        ProxyServer jvmHttps = jvm(properties, "https");
        ProxyServer jvmHttp = jvm(properties, "http");
        if (jvmHttps != null || jvmHttp != null) {
            String list = blankToNull(properties.apply("http.nonProxyHosts"));
            NonProxyHosts bypass = NonProxyHosts.jvm(list == null ? JVM_DEFAULT_NON_PROXY_HOSTS : list);
            return new ProxySelection(jvmHttp, jvmHttps, bypass, true, "system proxy (JVM properties: https "
                    + (jvmHttps == null ? "direct" : jvmHttps) + ", http " + (jvmHttp == null ? "direct" : jvmHttp)
                    + ", direct for " + bypass + ")");
        }
        ProxyServer envHttps = fromEnv(env, "HTTPS_PROXY");
        ProxyServer envHttp = fromEnv(env, "HTTP_PROXY");
        if (envHttps != null || envHttp != null) {
            String list = envValue(env, "NO_PROXY");
            NonProxyHosts bypass = NonProxyHosts.noProxy(list);
            return new ProxySelection(envHttp, envHttps, bypass, true, "system proxy (environment: https "
                    + (envHttps == null ? "direct" : envHttps) + ", http " + (envHttp == null ? "direct" : envHttp)
                    + (bypass == NonProxyHosts.NONE ? "" : ", direct for " + bypass) + ")");
        }
        return new ProxySelection(null, null, NonProxyHosts.NONE, true, "system proxy (none set: direct)");
    }

    private static ProxyServer jvm(Function<String, String> properties, String scheme) {
        String host = blankToNull(properties.apply(scheme + ".proxyHost"));
        if (host == null) {
            return null;
        }
        String port = blankToNull(properties.apply(scheme + ".proxyPort"));
        try {
            return new ProxyServer("http", host, port == null ? (scheme.equals("https") ? 443 : 80) : Integer.parseInt(port),
                    null, null);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("JVM property " + scheme + ".proxyPort=" + port
                                               + " is not a port number (1 to 65535)", e);
        }
    }

    private static ProxyServer fromEnv(Function<String, String> env, String name) {
        String v = blankToNull(env.apply(name));
        String source = name;
        if (v == null) {
            source = name.toLowerCase(Locale.ROOT);
            v = blankToNull(env.apply(source));
        }
        return v == null ? null : ProxyServer.parse(v, "environment variable " + source);
    }

    private static String envValue(Function<String, String> env, String name) {
        String v = blankToNull(env.apply(name));
        return v != null ? v : blankToNull(env.apply(name.toLowerCase(Locale.ROOT)));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** The proxy for a request to {@code scheme://host}, or null to connect directly. */
    public ProxyServer select(String scheme, String host) {
        ProxyServer p = "https".equalsIgnoreCase(scheme) ? forHttps : forHttp;
        if (p == null || host == null || ALWAYS_DIRECT.matches(host) || loopbackDirect && LOOPBACK.matches(host)
                || bypass.matches(host)) {
            return null;
        }
        return p;
    }

    /** The proxies this selection may pick (none, one, or one per scheme). */
    public java.util.Set<ProxyServer> proxies() {
        java.util.Set<ProxyServer> out = new java.util.LinkedHashSet<>();
        if (forHttps != null) {
            out.add(forHttps);
        }
        if (forHttp != null) {
            out.add(forHttp);
        }
        return out;
    }

    /** True when no request can go through a proxy. */
    public boolean isDirect() {
        return forHttp == null && forHttps == null;
    }

    /** Where requests go, without any password. */
    @Override
    public String toString() {
        return description;
    }
}
