package io.github.s3lite.component;

import java.nio.file.Path;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.auth.FakeCredentialServer;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.TestHttpProxy;
import io.github.s3lite.test.TestTls;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.jsse.KeyManagersParameters;
import org.apache.camel.support.jsse.KeyStoreParameters;
import org.apache.camel.support.jsse.SSLContextParameters;
import org.apache.camel.support.jsse.SecureSocketProtocolsParameters;
import org.apache.camel.support.jsse.TrustManagersParameters;
import org.apache.camel.util.URISupport;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The proxy and TLS options through routes (issue 14 part 3): an authenticating CONNECT proxy in front of S3Proxy
 * over https with a private CA given as sslContextParameters, with assume-role whose STS call goes through the
 * same proxy; a server that requires a client certificate (refused without a key store, with a clear message;
 * a round trip with one, as endpoint option and as global parameters); Camel's protocol list applied (a TLSv1.2-only
 * client against a TLSv1.3-only server fails). Secrets never in logs, URIs, toString or exceptions.
 */
class NetworkRouteTest {
    static final String PROXY_USER = "egress-user";
    static final String PROXY_PASSWORD = "PROXY-PW-" + System.nanoTime();
    static final String STORE_PASSWORD = TestTls.PASSWORD;

    @TempDir
    static Path dir;
    static Path serverKeys;
    static Path clientKeys;
    static S3Proxy https;

    @BeforeAll
    static void start() throws Exception {
        serverKeys = TestTls.keyPair(dir, "server", "127.0.0.1", "ip:127.0.0.1,dns:localhost");
        clientKeys = TestTls.keyPair(dir, "client", "s3lite-client", "dns:s3lite-client");
        https = TestTls.httpsS3Proxy(serverKeys);
    }

    @AfterAll
    static void stop() throws Exception {
        https.stop();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new java.util.Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(b));
    }

    static SSLContextParameters params(boolean withClientKey, String... protocols) {
        KeyStoreParameters trust = new KeyStoreParameters();
        trust.setResource("file:" + serverKeys);
        trust.setType("PKCS12");
        trust.setPassword(STORE_PASSWORD);
        TrustManagersParameters tmp = new TrustManagersParameters();
        tmp.setKeyStore(trust);
        SSLContextParameters p = new SSLContextParameters();
        p.setTrustManagers(tmp);
        if (withClientKey) {
            KeyStoreParameters keys = new KeyStoreParameters();
            keys.setResource("file:" + clientKeys);
            keys.setType("PKCS12");
            keys.setPassword(STORE_PASSWORD);
            KeyManagersParameters kmp = new KeyManagersParameters();
            kmp.setKeyStore(keys);
            kmp.setKeyPassword(STORE_PASSWORD);
            p.setKeyManagers(kmp);
        }
        if (protocols.length > 0) {
            SecureSocketProtocolsParameters sp = new SecureSocketProtocolsParameters();
            sp.setSecureSocketProtocol(List.of(protocols));
            p.setSecureSocketProtocols(sp);
        }
        return p;
    }

    private static Exchange send(DefaultCamelContext ctx, String uri, String key, Object body, String operation)
            throws Exception {
        String route = "direct:" + Math.abs((uri + key + operation).hashCode());
        if (ctx.hasEndpoint(route) == null) {
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    if (operation.equals("getObject")) {
                        from(route).to(uri).convertBodyTo(byte[].class); // the stream closes with the exchange
                    } else {
                        from(route).to(uri);
                    }
                }
            });
        }
        if (!ctx.isStarted()) {
            ctx.start();
        }
        return ctx.createProducerTemplate().request(route, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            e.getMessage().setHeader(S3LiteConstants.OPERATION, operation);
            e.getMessage().setBody(body);
        });
    }

    private static void roundTrip(DefaultCamelContext ctx, String uri, byte[] data) throws Exception {
        Exchange put = send(ctx, uri, "net/data.bin", data, "putObject");
        assertThat(put.getException()).isNull();
        Exchange get = send(ctx, uri, "net/data.bin", null, "getObject");
        assertThat(get.getException()).isNull();
        assertThat(sha256(get.getMessage().getBody(byte[].class))).isEqualTo(sha256(data));
    }

    @Test
    void proxyWithBasicAuthPrivateCaAndAssumeRoleThroughTheProxy() throws Exception {
        byte[] data = random(6 * 1024 * 1024 + 3, 7); // above the 5 MiB threshold below: a multipart upload
        S3LiteEndpointConfigTest.Captured captured = new S3LiteEndpointConfigTest.Captured();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(captured);
        try (TestHttpProxy proxy = new TestHttpProxy(PROXY_USER, PROXY_PASSWORD, null);
             FakeCredentialServer sts = new FakeCredentialServer();
             DefaultCamelContext ctx = new DefaultCamelContext()) {
            sts.baseKeys.put("AKIDBASE", "base-secret-never-logged");
            sts.issuedKey = EmbeddedS3.ACCESS_KEY;
            sts.issuedSecret = EmbeddedS3.SECRET_KEY;
            ctx.getRegistry().bind("privateCa", params(false));
            String uri = "s3lite:proxied-route?endpoint=https://127.0.0.1:" + https.getSecurePort() + "&pathStyleAccess=true"
                         + "&accessKey=AKIDBASE&secretKey=RAW(base-secret-never-logged)"
                         + "&roleArn=arn:aws:iam::123456789012:role/uploader&stsEndpoint=" + sts.uri("/sts")
                         + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyUsername=" + PROXY_USER
                         + "&proxyPassword=RAW(" + PROXY_PASSWORD + ")&sslContextParameters=#privateCa"
                         + "&autoCreateBucket=true&multipartThreshold=5MB&partSize=5MB";
            roundTrip(ctx, uri, data);
            assertThat(proxy.tunnels()).as("S3 over https: CONNECT tunnels").isGreaterThanOrEqualTo(1);
            assertThat(proxy.requestLines()).filteredOn(l -> l.startsWith("POST "))
                    .as("STS went through the proxy too (challenged, then with credentials)").isNotEmpty()
                    .allMatch(l -> l.equals("POST " + sts.uri("/sts") + " HTTP/1.1"));
            assertThat(sts.stsCalls).hasSize(1);
            assertThat(proxy.challenges()).isGreaterThanOrEqualTo(1);
            S3LiteEndpoint endpoint = ctx.getEndpoints().stream().filter(e -> e instanceof S3LiteEndpoint)
                    .map(S3LiteEndpoint.class::cast).findFirst().orElseThrow();
            String all = URISupport.sanitizeUri(endpoint.getEndpointUri()) + " " + endpoint + " " + endpoint.getClient().config()
                         + " " + endpoint.getConfiguration().getSslContextParameters();
            assertThat(all).doesNotContain(PROXY_PASSWORD).doesNotContain(STORE_PASSWORD + "]");
            // a wrong proxy password: the error names the options, not the password
            String wrong = uri.replace(PROXY_PASSWORD, "WRONG-" + PROXY_PASSWORD).replace("proxied-route", "proxied-wrong")
                    .replace("&autoCreateBucket=true", "");
            Exchange refused = send(ctx, wrong, "net/x", "x", "putObject");
            assertThat(refused.getException()).isNotNull();
            assertThat(refused.getException().toString()).contains("proxyPassword").doesNotContain(PROXY_PASSWORD);
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        assertThat(captured.lines).isNotEmpty().noneMatch(l -> l.contains(PROXY_PASSWORD)
                                                            || l.contains("base-secret-never-logged")
                                                            || l.contains(EmbeddedS3.SECRET_KEY));
    }

    @Test
    void aServerThatRequiresAClientCertificate() throws Exception {
        byte[] data = random(1024 * 1024 + 5, 8);
        // TLS 1.2: the server refuses a missing certificate inside the handshake, so the client learns why
        try (TestTls.MutualTlsFront front12 = new TestTls.MutualTlsFront(
                TestTls.context(clientKeys, serverKeys), EmbeddedS3.get().endpoint().getPort(), "TLSv1.2");
             DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.getRegistry().bind("trustOnly", params(false));
            String uri = "s3lite:mtls-route?endpoint=" + front12.endpoint() + "&pathStyleAccess=true&accessKey="
                         + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")&sslContextParameters=#trustOnly";
            Exchange refused = send(ctx, uri, "k", null, "headBucket");
            assertThat(refused.getException()).isNotNull();
            assertThat(refused.getException().getMessage()).contains("client certificate").contains("sslContextParameters");
            assertThat(front12.peers()).isEmpty();
        }
        // TLS 1.3 sends the server's verdict after the client's first flight: refused too (the reason may read as a
        // broken connection), and with the key store a round trip
        try (TestTls.MutualTlsFront front = new TestTls.MutualTlsFront(
                TestTls.context(clientKeys, serverKeys), EmbeddedS3.get().endpoint().getPort());
             DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.getRegistry().bind("trustOnly", params(false));
            ctx.getRegistry().bind("withKey", params(true));
            String base = "s3lite:mtls-route?endpoint=" + front.endpoint() + "&pathStyleAccess=true&accessKey="
                          + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")";
            Exchange refused = send(ctx, base + "&sslContextParameters=#trustOnly", "k", null, "headBucket");
            assertThat(refused.getException()).isNotNull();
            assertThat(front.peers()).isEmpty();
            roundTrip(ctx, base + "&sslContextParameters=#withKey&autoCreateBucket=true", data);
            assertThat(front.peers()).isNotEmpty().allMatch(p -> p.equals("CN=s3lite-client"));
        }
    }

    @Test
    void globalSslContextParametersWhenTheComponentAsks() throws Exception {
        try (TestTls.MutualTlsFront front = new TestTls.MutualTlsFront(
                TestTls.context(clientKeys, serverKeys), EmbeddedS3.get().endpoint().getPort());
             DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.setSSLContextParameters(params(true));
            S3LiteComponent c = new S3LiteComponent();
            c.setUseGlobalSslContextParameters(true);
            ctx.addComponent("s3lite", c);
            String uri = "s3lite:mtls-global?endpoint=" + front.endpoint() + "&pathStyleAccess=true&accessKey="
                         + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")&autoCreateBucket=true";
            roundTrip(ctx, uri, random(10_000, 9));
            assertThat(front.peers()).isNotEmpty();
        }
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.setSSLContextParameters(params(true)); // present, but the component does not ask for it
            String uri = "s3lite:any?endpoint=https://127.0.0.1:" + https.getSecurePort() + "&pathStyleAccess=true&accessKey="
                         + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")";
            Exchange ex = send(ctx, uri, "k", null, "headBucket");
            assertThat(ex.getException()).as("the JVM's trust store does not know the test CA").isNotNull();
            assertThat(ex.getException().getMessage()).contains("TLS");
        }
    }

    @Test
    void theParametersProtocolsAreApplied() throws Exception {
        try (TestTls.MutualTlsFront front = new TestTls.MutualTlsFront(
                TestTls.context(clientKeys, serverKeys), EmbeddedS3.get().endpoint().getPort(), "TLSv1.3");
             DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.getRegistry().bind("tls12", params(true, "TLSv1.2"));
            ctx.getRegistry().bind("tls13", params(true, "TLSv1.3"));
            String base = "s3lite:mtls-protocols?endpoint=" + front.endpoint() + "&pathStyleAccess=true&accessKey="
                          + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")";
            Exchange old = send(ctx, base + "&sslContextParameters=#tls12", "k", null, "headBucket");
            assertThat(old.getException()).as("TLSv1.2 only, against a TLSv1.3-only server").isNotNull();
            assertThat(old.getException().getMessage()).contains("secureSocketProtocols");
            assertThat(front.peers()).isEmpty();
            roundTrip(ctx, base + "&sslContextParameters=#tls13&autoCreateBucket=true", random(5000, 10));
            assertThat(front.peers()).isNotEmpty();
        }
    }

    /** Trusts exactly the own certificates of the given key pairs. */
    static SSLContextParameters trusting(Path... keyPairs) throws Exception {
        java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        for (Path k : keyPairs) {
            java.security.KeyStore pair = TestTls.load(k);
            String alias = pair.aliases().nextElement();
            ks.setCertificateEntry(alias, pair.getCertificate(alias));
        }
        Path file = dir.resolve("trust-" + System.nanoTime() + ".p12");
        try (var out = java.nio.file.Files.newOutputStream(file)) {
            ks.store(out, STORE_PASSWORD.toCharArray());
        }
        KeyStoreParameters trust = new KeyStoreParameters();
        trust.setResource("file:" + file);
        trust.setType("PKCS12");
        trust.setPassword(STORE_PASSWORD);
        TrustManagersParameters tmp = new TrustManagersParameters();
        tmp.setKeyStore(trust);
        SSLContextParameters p = new SSLContextParameters();
        p.setTrustManagers(tmp);
        return p;
    }

    /**
     * proxyProtocol=https: TLS to the proxy (its own private certificate), a 407 then Proxy-Authorization over that
     * TLS, CONNECT, TLS to S3Proxy inside the tunnel. Both certificates are trusted through sslContextParameters only:
     * the same parameters without the proxy's certificate fail before any tunnel.
     */
    @Test
    void anHttpsProxyTrustedThroughSslContextParameters() throws Exception {
        Path proxyKeys = TestTls.keyPair(dir, "https-proxy", "127.0.0.1", "ip:127.0.0.1,dns:localhost");
        byte[] data = random(6 * 1024 * 1024 + 5, 11); // multipart: several requests over the proxy's TLS
        try (TestHttpProxy proxy = new TestHttpProxy(PROXY_USER, PROXY_PASSWORD, TestTls.context(proxyKeys, proxyKeys));
             DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.getRegistry().bind("both", trusting(serverKeys, proxyKeys));
            ctx.getRegistry().bind("storeOnly", trusting(serverKeys));
            String base = "s3lite:https-proxied?endpoint=https://127.0.0.1:" + https.getSecurePort() + "&pathStyleAccess=true"
                          + "&accessKey=" + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")"
                          + "&proxyHost=127.0.0.1&proxyPort=" + proxy.port() + "&proxyProtocol=https&proxyUsername="
                          + PROXY_USER + "&proxyPassword=RAW(" + PROXY_PASSWORD + ")&multipartThreshold=5MB&partSize=5MB";
            Exchange untrusted = send(ctx, base + "&sslContextParameters=#storeOnly", "net/x", null, "headBucket");
            assertThat(untrusted.getException()).as("the proxy's certificate is not in the parameters").isNotNull();
            assertThat(proxy.tunnels()).isZero();
            assertThat(proxy.requestLines()).as("nothing reached the proxy past TLS").isEmpty();

            roundTrip(ctx, base + "&sslContextParameters=#both&autoCreateBucket=true", data);
            assertThat(proxy.challenges()).as("407 first").isGreaterThanOrEqualTo(1);
            assertThat(proxy.proxyAuthorizations()).as("then Basic credentials").isNotEmpty()
                    .allMatch(a -> a.equals("Basic " + java.util.Base64.getEncoder().encodeToString(
                            (PROXY_USER + ":" + PROXY_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
            assertThat(proxy.tunnels()).as("S3 over https inside the proxy's TLS: CONNECT tunnels").isGreaterThanOrEqualTo(1);
            assertThat(proxy.requestLines()).isNotEmpty()
                    .allMatch(l -> l.equals("CONNECT 127.0.0.1:" + https.getSecurePort() + " HTTP/1.1"));
        }
    }
}
