package io.github.s3lite.client.http;

import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.impl.DefaultSchemePortResolver;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.routing.DefaultRoutePlanner;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Maps a {@link ProxySelection} onto HttpClient 5: a route planner that asks the selection per target (https
 * targets are then tunnelled with CONNECT, http targets sent to the proxy), and Basic credentials scoped to each
 * proxy's host and port, which HttpClient sends when the proxy answers {@code 407} (to CONNECT or to a request),
 * never to the S3 endpoint. HttpClient's own reading of system properties stays off: only the selection decides.
 */
final class ProxyRoutes {

    private ProxyRoutes() {
    }

    /** Sets the planner and the proxies' credentials; true when some proxy has credentials. */
    static boolean apply(HttpClientBuilder builder, ProxySelection selection) {
        if (selection == null || selection.isDirect()) {
            return false;
        }
        builder.setRoutePlanner(new Planner(selection));
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        boolean any = false;
        for (ProxyServer p : selection.proxies()) {
            if (p.username() != null) {
                any = true;
                credentials.setCredentials(new AuthScope(p.host(), p.port()), new UsernamePasswordCredentials(p.username(),
                        p.password() == null ? new char[0] : p.password().toCharArray()));
            }
        }
        builder.setDefaultCredentialsProvider(credentials);
        return any;
    }

    /** The default planner (scheme ports, no local address) with the selection's proxy per target. */
    static final class Planner extends DefaultRoutePlanner {
        private final ProxySelection selection;

        Planner(ProxySelection selection) {
            super(DefaultSchemePortResolver.INSTANCE);
            this.selection = selection;
        }

        @Override
        protected HttpHost determineProxy(HttpHost target, HttpContext context) {
            ProxyServer p = selection.select(target.getSchemeName(), target.getHostName());
            return p == null ? null : new HttpHost(p.protocol(), p.host(), p.port());
        }
    }
}
