package io.github.s3lite.client;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;

import javax.net.ssl.SSLContext;

import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.client.http.ProxySelection;
import io.github.s3lite.client.http.ProxyServer;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.TestHttpProxy;
import io.github.s3lite.test.TestTls;
import org.gaul.s3proxy.S3Proxy;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client through HTTP proxies (issue 14 part 3): https to S3Proxy through an authenticating CONNECT proxy
 * (407 first, then Basic credentials; the tunnel count shows every connection went through it), a plain-http
 * forward proxy, wrong proxy credentials (a clear permanent error without the password), and the system's settings
 * (JVM properties) for a host name only the proxy can reach, with TLS host name verification on through the tunnel.
 */
class ProxyTest {

    static final String PROXY_USER = "egress-user";
    static final String PROXY_PASSWORD = "pr0xy-s3cret-never-logged";

    @TempDir
    static Path dir;
    static S3Proxy https;
    static URI httpsEndpoint;
    static SSLContext trusting;

    @BeforeAll
    static void start() throws Exception {
        Path serverKeys = TestTls.keyPair(dir, "s3", "127.0.0.1", "ip:127.0.0.1,dns:localhost,dns:s3.test.invalid");
        https = TestTls.httpsS3Proxy(serverKeys);
        httpsEndpoint = URI.create("https://127.0.0.1:" + https.getSecurePort());
        trusting = TestTls.context(serverKeys, null);
    }

    @AfterAll
    static void stop() throws Exception {
        https.stop();
    }

    private static S3ClientConfig config(URI endpoint, ProxySelection proxy) {
        return S3ClientConfig.of(endpoint, "us-east-1", true, CredentialsProvider.of(EmbeddedS3.get().credentials()))
                .withTls(trusting, null, null).withProxy(proxy);
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static void roundTrip(S3LiteClient c, String bucket, byte[] data) throws Exception {
        c.createBucket(bucket);
        c.putObject(bucket, "through/proxy.bin", RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
        // a file region too (sent from disk, with Expect: 100-continue when large)
        Path file = java.nio.file.Files.write(dir.resolve(bucket + ".bin"), data);
        c.putObject(bucket, "through/file.bin", RequestBody.of(file, 0, data.length), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.AUTO);
        for (String key : new String[] {"through/proxy.bin", "through/file.bin"}) {
            try (GetObjectResponse r = c.getObject(bucket, key, GetOptions.NONE)) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                r.body().transferTo(out);
                assertThat(sha256(out.toByteArray())).as(key).isEqualTo(sha256(data));
            }
        }
    }

    @Test
    void httpsThroughAnAuthenticatingConnectProxy() throws Exception {
        byte[] data = random(3 * 1024 * 1024 + 17, 1);
        try (TestHttpProxy proxy = new TestHttpProxy(PROXY_USER, PROXY_PASSWORD, null);
             S3LiteClient c = new S3LiteClient(config(httpsEndpoint, ProxySelection.explicit(
                     new ProxyServer("http", "127.0.0.1", proxy.port(), PROXY_USER, PROXY_PASSWORD), null)))) {
            roundTrip(c, "proxied-https", data);
            assertThat(proxy.tunnels()).as("every connection is a tunnel through the proxy").isGreaterThanOrEqualTo(1);
            assertThat(proxy.forwarded()).isZero();
            assertThat(proxy.requestLines()).allMatch(l -> l.startsWith("CONNECT 127.0.0.1:" + https.getSecurePort() + " "));
            assertThat(proxy.challenges()).as("the first CONNECT is challenged").isGreaterThanOrEqualTo(1);
            assertThat(proxy.challenges()).as("the Basic scheme is kept once it worked: not one 407 per tunnel")
                    .isLessThanOrEqualTo(1);
            assertThat(proxy.tunnels()).isLessThanOrEqualTo(S3ClientConfig.DEFAULT_MAX_CONNECTIONS);
            assertThat(c.config().toString()).contains("proxy http://****@127.0.0.1:" + proxy.port())
                    .doesNotContain(PROXY_PASSWORD).doesNotContain(PROXY_USER);
        }
    }

    @Test
    void wrongProxyPasswordIsAClearPermanentErrorWithoutThePassword() throws Exception {
        try (TestHttpProxy proxy = new TestHttpProxy(PROXY_USER, PROXY_PASSWORD, null);
             S3LiteClient c = new S3LiteClient(config(httpsEndpoint, ProxySelection.explicit(
                     new ProxyServer("http", "127.0.0.1", proxy.port(), PROXY_USER, "wrong-" + PROXY_PASSWORD), null)))) {
            assertThatThrownBy(() -> c.headBucket("any-bucket"))
                    .isInstanceOf(S3Exception.class)
                    .isNotInstanceOf(S3TransientException.class)
                    .hasMessageContaining("407")
                    .hasMessageContaining("proxyPassword")
                    .satisfies(e -> assertThat(e.toString()).doesNotContain(PROXY_PASSWORD));
            assertThat(proxy.tunnels()).isZero();
        }
    }

    @Test
    void plainHttpThroughAForwardProxy() throws Exception {
        byte[] data = random(200_000, 2);
        URI plain = EmbeddedS3.get().endpoint();
        try (TestHttpProxy proxy = new TestHttpProxy(PROXY_USER, PROXY_PASSWORD, null);
             S3LiteClient c = new S3LiteClient(config(plain, ProxySelection.explicit(
                     new ProxyServer("http", "127.0.0.1", proxy.port(), PROXY_USER, PROXY_PASSWORD), null)))) {
            roundTrip(c, "proxied-plain", data);
            assertThat(proxy.tunnels()).isZero();
            assertThat(proxy.forwarded()).isGreaterThanOrEqualTo(1);
            assertThat(proxy.requestLines()).as("absolute-form requests, as a forward proxy needs them")
                    .allMatch(l -> l.contains(" http://127.0.0.1:" + plain.getPort() + "/"));
        }
    }

    @Test
    void nonProxyHostsGoDirect() throws Exception {
        try (TestHttpProxy proxy = new TestHttpProxy();
             S3LiteClient c = new S3LiteClient(config(httpsEndpoint, ProxySelection.explicit(
                     new ProxyServer("http", "127.0.0.1", proxy.port(), null, null), "example.com,127.0.0.0/8")))) {
            c.createBucket("direct-bucket");
            assertThat(c.bucketExists("direct-bucket")).isTrue();
            assertThat(proxy.requestLines()).isEmpty();
        }
    }

    @Test
    void systemProxyReachesAHostOnlyTheProxyKnowsWithHostNameVerification() throws Exception {
        try (TestHttpProxy proxy = new TestHttpProxy()) {
            Map<String, String> props = Map.of("https.proxyHost", "127.0.0.1", "https.proxyPort", "" + proxy.port());
            ProxySelection system = ProxySelection.system(props::get, name -> null);
            // s3.test.invalid resolves nowhere: only the proxy (which maps every name to 127.0.0.1) can reach it
            URI named = URI.create("https://s3.test.invalid:" + https.getSecurePort());
            try (S3LiteClient c = new S3LiteClient(config(named, system))) {
                c.createBucket("system-proxy");
                assertThat(c.bucketExists("system-proxy")).isTrue();
            }
            assertThat(proxy.tunnels()).isGreaterThanOrEqualTo(1);
            assertThat(proxy.requestLines()).allMatch(l -> l.startsWith("CONNECT s3.test.invalid:"));
            // loopback stays direct with the system's settings (the JVM's default http.nonProxyHosts)
            int before = proxy.requestLines().size();
            try (S3LiteClient c = new S3LiteClient(config(httpsEndpoint, system))) {
                assertThat(c.bucketExists("system-proxy")).isTrue();
            }
            assertThat(proxy.requestLines()).hasSize(before);
            // a certificate that does not name the host is refused through the tunnel too
            URI wrongName = URI.create("https://other.test.invalid:" + https.getSecurePort());
            try (S3LiteClient c = new S3LiteClient(config(wrongName, system))) {
                assertThatThrownBy(() -> c.headBucket("system-proxy")).isInstanceOf(S3Exception.class)
                        .isNotInstanceOf(S3TransientException.class).hasMessageContaining("TLS");
            }
        }
    }
}
