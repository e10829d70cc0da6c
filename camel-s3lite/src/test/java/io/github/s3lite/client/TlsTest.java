package io.github.s3lite.client;

import io.github.s3lite.test.Await;
import java.io.FileInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.EmbeddedS3;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * https endpoints: certificates are verified by default (a self-signed one is refused, permanently), and a given
 * SSLContext that trusts it works. The certificate is made by the JDK's keytool for 127.0.0.1.
 */
class TlsTest {

    @TempDir
    static Path dir;
    static S3Proxy proxy;
    static URI endpoint;
    static Path keystore;

    @BeforeAll
    static void start() throws Exception {
        keystore = dir.resolve("server.p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", "s3", "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-storetype", "PKCS12",
                "-keystore", keystore.toString(), "-storepass", "changeit", "-keypass", "changeit")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .secureEndpoint(URI.create("https://127.0.0.1:" + port))
                .keyStore(keystore.toString(), "changeit")
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)
                .build();
        proxy.start();
        Await.until("the TLS S3Proxy to start", () -> "STARTED".equals(proxy.getState()));
        endpoint = URI.create("https://127.0.0.1:" + proxy.getSecurePort());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.stop();
    }

    private static SSLContext trusting(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        S3ClientConfig config = S3ClientConfig.of(endpoint, "us-east-1", true,
                CredentialsProvider.of(EmbeddedS3.get().credentials()));
        try (S3LiteClient c = new S3LiteClient(config)) {
            assertThatThrownBy(() -> c.headBucket("any-bucket"))
                    .isInstanceOf(S3Exception.class)
                    .isNotInstanceOf(S3TransientException.class)
                    .hasMessageContaining("certificate");
        }
    }

    @Test
    void trustedCertificateWorksOverHttps() throws Exception {
        S3ClientConfig config = new S3ClientConfig(endpoint, "us-east-1", true,
                CredentialsProvider.of(EmbeddedS3.get().credentials()), null, null, 0, trusting(keystore));
        try (S3LiteClient c = new S3LiteClient(config)) {
            c.createBucket("tls-bucket");
            byte[] data = Files.readAllBytes(keystore);
            c.putObject("tls-bucket", "over/tls", RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            try (GetObjectResponse r = c.getObject("tls-bucket", "over/tls", GetOptions.NONE)) {
                assertThat(r.body().readAllBytes()).isEqualTo(data);
            }
            assertThat(c.listAllObjects("tls-bucket", null, 0)).extracting(S3ObjectSummary::key).isEqualTo(List.of("over/tls"));
        }
    }
}
