package io.github.s3lite.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What goes on the wire: unnormalized paths, headers, timeouts, transient classification of faults. */
class WireTest {

    /** In front of the embedded S3Proxy, for the tests that count what reached the store. */
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(EmbeddedS3.get().endpoint());

    /** A server that records request heads and answers 200 with an empty body (or hangs, when told to). */
    static final class Recorder implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final List<String> heads = new CopyOnWriteArrayList<>();
        final CountDownLatch hang = new CountDownLatch(1);
        volatile boolean respond = true;

        Recorder() throws IOException {
            Thread t = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        InputStream in = s.getInputStream();
                        StringBuilder sb = new StringBuilder();
                        int c;
                        while ((c = in.read()) != -1) {
                            sb.append((char) c);
                            if (sb.toString().endsWith("\r\n\r\n")) {
                                break;
                            }
                        }
                        heads.add(sb.toString());
                        if (!respond) {
                            hang.await(30, TimeUnit.SECONDS);
                            continue;
                        }
                        s.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                                .getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException | InterruptedException e) {
                        return;
                    }
                }
            });
            t.setDaemon(true);
            t.start();
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            hang.countDown();
            server.close();
        }
    }

    private static S3ClientConfig config(URI endpoint, boolean pathStyle, Duration socketTimeout) {
        return new S3ClientConfig(endpoint, "us-east-1", pathStyle,
                CredentialsProvider.of(new Credentials("AKIDWIRE", "wire-secret", "wire-session-token")),
                Duration.ofSeconds(2), socketTimeout, 4, null);
    }

    @Test
    void pathIsEncodedOnceAndNeverNormalized() throws Exception {
        try (Recorder rec = new Recorder(); S3LiteClient c = new S3LiteClient(config(rec.endpoint(), true, Duration.ofSeconds(5)))) {
            c.deleteObject("bucket", "a//b/./c/../d e+f%g");
            String head = rec.heads.get(0);
            assertThat(head).startsWith("DELETE /bucket/a//b/./c/../d%20e%2Bf%25g HTTP/1.1\r\n");
            assertThat(head).containsIgnoringCase("x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            assertThat(head).containsIgnoringCase("x-amz-security-token: wire-session-token");
            assertThat(head).containsPattern("(?i)authorization: AWS4-HMAC-SHA256 Credential=AKIDWIRE/\\d{8}/us-east-1/s3/aws4_request");
            assertThat(head).doesNotContain("wire-secret");
        }
    }

    @Test
    void virtualHostAddressingPutsTheBucketInTheHost() {
        Addressing named = new Addressing(URI.create("http://s3.example.test:9000"), false);
        Addressing.Target t = named.target("my-bucket", "k/ey");
        assertThat(t.host()).isEqualTo("my-bucket.s3.example.test:9000");
        assertThat(t.path()).isEqualTo("/k/ey");
        Addressing aws = new Addressing(URI.create("https://s3.eu-west-1.amazonaws.com"), false);
        assertThat(aws.target("my-bucket", "x").host()).isEqualTo("my-bucket.s3.eu-west-1.amazonaws.com");
        // dots in a bucket name break the wildcard certificate: path style is used for them over https
        assertThat(aws.target("my.bucket", "x").host()).isEqualTo("s3.eu-west-1.amazonaws.com");
        assertThat(aws.target("my.bucket", "x").path()).isEqualTo("/my.bucket/x");
        // the default endpoint is AWS's regional one, without the default port
        try (S3LiteClient c = new S3LiteClient(S3ClientConfig.of(null, "eu-west-1", false, CredentialsProvider.of(new Credentials("a", "b"))))) {
            assertThat(c.config().effectiveEndpoint().toString()).isEqualTo("https://s3.eu-west-1.amazonaws.com");
        }
        assertThat(new Addressing(URI.create("https://s3.example.test:443/base/"), false).target("b", "k"))
                .isEqualTo(new Addressing.Target("https", "b.s3.example.test", "/base/k"));
    }

    @Test
    void ipLiteralAndLocalhostEndpointsUsePathStyleAutomatically() throws Exception {
        for (String endpoint : List.of("http://127.0.0.1:9000", "http://localhost:9000", "http://[::1]:9000",
                "https://10.1.2.3")) {
            Addressing.Target t = new Addressing(URI.create(endpoint), false).target("my-bucket", "k");
            assertThat(t.path()).as(endpoint).isEqualTo("/my-bucket/k");
            assertThat(t.host()).as(endpoint).doesNotStartWith("my-bucket.");
        }
        // and on the wire: a virtual-host request to an IP literal would name a host that cannot resolve
        try (Recorder rec = new Recorder(); S3LiteClient c = new S3LiteClient(config(rec.endpoint(), false, Duration.ofSeconds(5)))) {
            c.deleteObject("bucket", "k");
            assertThat(rec.heads.get(0)).startsWith("DELETE /bucket/k HTTP/1.1\r\n")
                    .containsIgnoringCase("host: 127.0.0.1:" + rec.server.getLocalPort() + "\r\n");
        }
    }

    @Test
    void socketTimeoutTakesEffectAndIsTransient() throws Exception {
        try (Recorder rec = new Recorder()) {
            rec.respond = false;
            try (S3LiteClient c = new S3LiteClient(config(rec.endpoint(), true, Duration.ofMillis(500)))) {
                long start = System.nanoTime();
                assertThatThrownBy(() -> c.headObject("bucket", "k", null)).isInstanceOf(S3TransientException.class)
                        .hasMessageContaining("Timeout");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            }
        }
    }

    @Test
    void refusedConnectionIsTransient() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (S3LiteClient c = new S3LiteClient(config(URI.create("http://127.0.0.1:" + port), true, Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> c.headBucket("bucket")).isInstanceOf(S3TransientException.class)
                    .satisfies(e -> assertThat(((S3Exception) e).getStatusCode()).isZero());
        }
    }

    @Test
    void slowDownAndResetAreTransientAndTheClientDoesNotRetryOnItsOwn() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("wire");
        try (S3LiteClient c = new S3LiteClient(S3ClientConfig.of(proxy.endpoint(), "us-east-1", true,
                        CredentialsProvider.of(s3.credentials())))) {
            proxy.rule(s -> new FaultProxy.Respond(503, "SlowDown"));
            assertThatThrownBy(() -> c.putObject(bucket, "k", RequestBody.of(new byte[10]), ObjectWriteOptions.DEFAULTS,
                    ChecksumAlgorithm.MD5)).isInstanceOf(S3TransientException.class)
                    .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("SlowDown"));
            assertThat(proxy.seen()).hasSize(1);

            proxy.clear();
            proxy.rule(s -> new FaultProxy.ResetAfter(1000));
            assertThatThrownBy(() -> c.putObject(bucket, "k", RequestBody.of(new byte[100_000]), ObjectWriteOptions.DEFAULTS,
                    ChecksumAlgorithm.MD5)).isInstanceOf(S3TransientException.class);
            assertThat(proxy.seen()).hasSize(1);

            proxy.rule(s -> FaultProxy.PASS);
            c.putObject(bucket, "k", RequestBody.of(new byte[10]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
            assertThat(c.headObject(bucket, "k", null).contentLength()).isEqualTo(10);
        }
    }

    @Test
    void invalidNamesFailBeforeAnyRequest() throws Exception {
        try (Recorder rec = new Recorder(); S3LiteClient c = new S3LiteClient(config(rec.endpoint(), true, Duration.ofSeconds(2)))) {
            assertThatThrownBy(() -> c.headBucket("Bad_Bucket")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("Invalid bucket name 'Bad_Bucket'");
            assertThatThrownBy(() -> c.deleteObject("bucket", "k".repeat(1025))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("1024");
            assertThat(rec.heads).isEmpty();
        }
    }

    @Test
    void autoChecksumProbesOnceThenUsesCrc32cWhereTheStoreVerifiesIt() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("auto");
        try (S3LiteClient c = new S3LiteClient(S3ClientConfig.of(proxy.endpoint(), "us-east-1", true,
                        CredentialsProvider.of(s3.credentials())))) {
            assertThat(c.flexibleChecksums()).isNull();
            c.putObject(bucket, "a", RequestBody.of(new byte[100]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            c.putObject(bucket, "b", RequestBody.of(new byte[100]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            List<FaultProxy.Seen> puts = proxy.seen().stream().filter(s -> s.method().equals("PUT")).toList();
            assertThat(puts.get(0).hasHeader("content-md5")).isTrue();
            assertThat(puts.get(0).hasHeader("x-amz-checksum-crc32c")).isTrue();
            assertThat(c.flexibleChecksums()).isTrue();
            assertThat(puts.get(1).hasHeader("content-md5")).isFalse();
            assertThat(puts.get(1).hasHeader("x-amz-checksum-crc32c")).isTrue();
        }
    }

    @Test
    void autoChecksumFallsBackToMd5WhenTheStoreRefusesOrIgnoresCrc32c() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("auto-refused");
        try (S3LiteClient c = new S3LiteClient(S3ClientConfig.of(proxy.endpoint(), "us-east-1", true,
                        CredentialsProvider.of(s3.credentials())))) {
            // a store that rejects the unknown header
            proxy.rule(s -> s.hasHeader("x-amz-checksum-crc32c") ? new FaultProxy.Respond(400, "InvalidArgument") : FaultProxy.PASS);
            c.putObject(bucket, "a", RequestBody.of(new byte[] { 1, 2, 3 }), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            assertThat(c.flexibleChecksums()).isFalse();
            assertThat(c.headObject(bucket, "a", null).contentLength()).isEqualTo(3);
            List<FaultProxy.Seen> puts = proxy.seen().stream().filter(s -> s.method().equals("PUT")).toList();
            assertThat(puts).hasSize(2);
            assertThat(puts.get(1).hasHeader("content-md5")).isTrue();
            assertThat(puts.get(1).hasHeader("x-amz-checksum-crc32c")).isFalse();
        }
        // a store that ignores it (answers without echoing it): MD5 from then on
        try (Recorder rec = new Recorder(); S3LiteClient c = new S3LiteClient(config(rec.endpoint(), true, Duration.ofSeconds(5)))) {
            c.putObject("bucket", "a", RequestBody.of(new byte[10]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            c.putObject("bucket", "b", RequestBody.of(new byte[10]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
            assertThat(c.flexibleChecksums()).isFalse();
            assertThat(rec.heads.get(0).toLowerCase()).contains("x-amz-checksum-crc32c:").contains("content-md5:");
            assertThat(rec.heads.get(1).toLowerCase()).doesNotContain("x-amz-checksum-crc32c:").contains("content-md5:");
        }
    }
}
