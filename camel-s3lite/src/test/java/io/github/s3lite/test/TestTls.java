package io.github.s3lite.test;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.TransientNio2BlobStore;

/**
 * Certificates made at test time with the JDK's keytool (self-signed RSA, PKCS12, password {@value #PASSWORD}),
 * SSL contexts from them, an S3Proxy serving https, and a TLS front that requires a client certificate.
 */
public final class TestTls {
    public static final String PASSWORD = "changeit";

    private TestTls() {
    }

    /** A PKCS12 key store with one self-signed key pair for {@code cn}, valid for the given subject alternative names. */
    public static Path keyPair(Path dir, String name, String cn, String san) throws Exception {
        Path store = dir.resolve(name + ".p12");
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        Process p = new ProcessBuilder(keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
                "-validity", "2", "-dname", "CN=" + cn, "-ext", "SAN=" + san, "-storetype", "PKCS12",
                "-keystore", store.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("keytool failed: " + out);
        }
        return store;
    }

    public static KeyStore load(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(store.toFile())) {
            ks.load(in, PASSWORD.toCharArray());
        }
        return ks;
    }

    /** Trusts the certificates of {@code trust} (the key pair's own certificate); presents {@code key} when not null. */
    public static SSLContext context(Path trust, Path key) throws Exception {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(load(trust));
        KeyManagerFactory kmf = null;
        if (key != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(load(key), PASSWORD.toCharArray());
        }
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** An S3Proxy (transient store, signature checks on) serving https with the key pair in {@code keyStore}. */
    public static S3Proxy httpsS3Proxy(Path keyStore) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        S3Proxy proxy = S3Proxy.builder()
                .blobStore(new TransientNio2BlobStore())
                .secureEndpoint(URI.create("https://127.0.0.1:" + port))
                .keyStore(keyStore.toString(), PASSWORD)
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (!"STARTED".equals(proxy.getState()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        return proxy;
    }

    /**
     * A TLS server on 127.0.0.1 that requires a client certificate its context trusts, and relays the decrypted
     * bytes to a plain-http upstream on 127.0.0.1 (S3Proxy): the S3 server behind an mTLS front.
     */
    public static final class MutualTlsFront implements AutoCloseable {
        private final SSLServerSocket server;
        private final int upstreamPort;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final List<String> peers = new CopyOnWriteArrayList<>();

        /**
         * @param serverContext the server's key pair and the client certificates it trusts
         * @param protocols     the TLS protocols it accepts (null: the defaults)
         */
        public MutualTlsFront(SSLContext serverContext, int upstreamPort, String... protocols) throws IOException {
            this.upstreamPort = upstreamPort;
            this.server = (SSLServerSocket) serverContext.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
            server.setNeedClientAuth(true);
            if (protocols != null && protocols.length > 0) {
                server.setEnabledProtocols(protocols);
            }
            Thread t = new Thread(this::acceptLoop, "mtls-front");
            t.setDaemon(true);
            t.start();
        }

        public URI endpoint() {
            return URI.create("https://127.0.0.1:" + server.getLocalPort());
        }

        /** Subjects of the client certificates of completed handshakes. */
        public List<String> peers() {
            return peers;
        }

        private void acceptLoop() {
            while (!server.isClosed()) {
                try {
                    SSLSocket s = (SSLSocket) server.accept();
                    open.add(s);
                    Thread t = new Thread(() -> relay(s), "mtls-front-conn");
                    t.setDaemon(true);
                    t.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        private void relay(SSLSocket client) {
            try (client; Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
                open.add(upstream);
                client.startHandshake();
                peers.add(((java.security.cert.X509Certificate) client.getSession().getPeerCertificates()[0])
                        .getSubjectX500Principal().getName());
                Thread back = new Thread(() -> {
                    try {
                        upstream.getInputStream().transferTo(client.getOutputStream());
                    } catch (IOException ignored) {
                        // closed
                    } finally {
                        try {
                            client.close();
                        } catch (IOException ignored) {
                            // closed
                        }
                    }
                }, "mtls-front-back");
                back.setDaemon(true);
                back.start();
                client.getInputStream().transferTo(upstream.getOutputStream());
            } catch (IOException | RuntimeException e) {
                // handshake refused or connection ended
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
            for (Socket s : open) {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closed
                }
            }
        }
    }
}
