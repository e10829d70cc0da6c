package io.github.s3lite.client.http;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Hosts that bypass the proxy, from a list in the JVM's {@code http.nonProxyHosts} form ({@code |}-separated) or
 * the {@code NO_PROXY} form (comma-separated); both separators are accepted in either. Entries:
 * <ul>
 * <li>{@code *}: every host;</li>
 * <li>{@code *.example.com} or {@code .example.com}: the subdomains of example.com;</li>
 * <li>{@code 10.*}, {@code *example.com}: a prefix or suffix with one wildcard (the JVM form);</li>
 * <li>{@code 10.0.0.0/8}, {@code fd00::/8}: IP literals in that range (no name is resolved to check);</li>
 * <li>{@code example.com}: that host, and with {@code NO_PROXY} semantics its subdomains too (as curl and Go read
 * {@code NO_PROXY}); a {@code :port} suffix is ignored.</li>
 * </ul>
 * Matching is case-insensitive; IPv6 literals may be written with or without brackets. No DNS lookup is ever made.
 */
public final class NonProxyHosts {

    /** Matches nothing. */
    public static final NonProxyHosts NONE = new NonProxyHosts(List.of(), false, "");

    private final List<String> entries;
    private final boolean bareNameMatchesSubdomains;
    private final String text;

    private NonProxyHosts(List<String> entries, boolean bareNameMatchesSubdomains, String text) {
        this.entries = entries;
        this.bareNameMatchesSubdomains = bareNameMatchesSubdomains;
        this.text = text;
    }

    /** A list in the JVM's {@code http.nonProxyHosts} sense: a bare name matches only itself. */
    public static NonProxyHosts jvm(String list) {
        return parse(list, false);
    }

    /** A list in the {@code NO_PROXY} sense: a bare name matches itself and its subdomains. */
    public static NonProxyHosts noProxy(String list) {
        return parse(list, true);
    }

    private static NonProxyHosts parse(String list, boolean subdomains) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<String> out = new ArrayList<>();
        for (String raw : list.split("[|,]")) {
            String e = raw.strip().toLowerCase(Locale.ROOT);
            if (e.isEmpty()) {
                continue;
            }
            out.add(stripPort(e));
        }
        return new NonProxyHosts(List.copyOf(out), subdomains, list.strip());
    }

    /** {@code host:port} to host; IPv6 literals keep their colons ({@code [::1]:80} to {@code ::1}). */
    private static String stripPort(String e) {
        if (e.startsWith("[")) {
            int end = e.indexOf(']');
            return end > 0 ? e.substring(1, end) + (e.indexOf('/', end) > 0 ? e.substring(e.indexOf('/', end)) : "") : e;
        }
        int colon = e.indexOf(':');
        if (colon > 0 && colon == e.lastIndexOf(':')) {
            return e.substring(0, colon);
        }
        return e;
    }

    /** True when {@code host} (a name or an IP literal, brackets allowed) is to be reached directly. */
    public boolean matches(String host) {
        if (host == null || entries.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        for (String e : entries) {
            if (matches(e, h)) {
                return true;
            }
        }
        return false;
    }

    private boolean matches(String e, String h) {
        if (e.equals("*")) {
            return true;
        }
        if (e.indexOf('/') > 0) {
            return inRange(e, h);
        }
        if (e.startsWith("*.")) {
            return h.endsWith(e.substring(1));
        }
        if (e.startsWith(".")) {
            return h.endsWith(e) || h.equals(e.substring(1));
        }
        if (e.startsWith("*")) {
            return h.endsWith(e.substring(1));
        }
        if (e.endsWith("*")) {
            return h.startsWith(e.substring(0, e.length() - 1));
        }
        if (h.equals(e)) {
            return true;
        }
        if (isIpLiteral(e) && isIpLiteral(h)) {
            byte[] a = literal(e);
            byte[] b = literal(h);
            return a != null && java.util.Arrays.equals(a, b);
        }
        return bareNameMatchesSubdomains && h.endsWith("." + e);
    }

    private static boolean inRange(String cidr, String h) {
        int slash = cidr.indexOf('/');
        byte[] net = literal(cidr.substring(0, slash));
        byte[] addr = isIpLiteral(h) ? literal(h) : null;
        int bits;
        try {
            bits = Integer.parseInt(cidr.substring(slash + 1));
        } catch (NumberFormatException e) {
            return false;
        }
        if (net == null || addr == null || net.length != addr.length || bits < 0 || bits > net.length * 8) {
            return false;
        }
        for (int i = 0; i < bits; i++) {
            int mask = 0x80 >> (i % 8);
            if ((net[i / 8] & mask) != (addr[i / 8] & mask)) {
                return false;
            }
        }
        return true;
    }

    static boolean isIpLiteral(String h) {
        return h.matches("\\d{1,3}(\\.\\d{1,3}){3}") || h.indexOf(':') >= 0 && h.matches("[0-9a-f:.]+");
    }

    /** The bytes of an IP literal, or null; never resolves a name (only strings of literal form are parsed). */
    static byte[] literal(String h) {
        if (h.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            String[] parts = h.split("\\.");
            byte[] b = new byte[4];
            for (int i = 0; i < 4; i++) {
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                b[i] = (byte) v;
            }
            return b;
        }
        if (!isIpLiteral(h)) {
            return null;
        }
        try {
            return InetAddress.getByName("[" + h + "]").getAddress(); // bracketed IPv6 literal: parsed, never looked up
        } catch (UnknownHostException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
