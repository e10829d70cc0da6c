package io.github.s3lite.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.EmbeddedS3;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Keep-alive reuse and the pool limit, seen from a TCP relay in front of S3Proxy that counts connections. */
class PoolingTest {

    /** Relays bytes both ways; counts accepted and concurrently open connections. */
    static final class Relay implements AutoCloseable {
        final ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        final AtomicInteger accepted = new AtomicInteger();
        final AtomicInteger open = new AtomicInteger();
        final AtomicInteger maxOpen = new AtomicInteger();
        final ExecutorService pool = Executors.newCachedThreadPool();

        Relay(URI upstream) throws IOException {
            pool.submit(() -> {
                while (!server.isClosed()) {
                    Socket client;
                    try {
                        client = server.accept();
                    } catch (IOException e) {
                        return;
                    }
                    accepted.incrementAndGet();
                    maxOpen.accumulateAndGet(open.incrementAndGet(), Math::max);
                    pool.submit(() -> {
                        try (client; Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
                            Future<?> back = pool.submit(() -> pipe(up.getInputStream(), client.getOutputStream()));
                            pipe(client.getInputStream(), up.getOutputStream());
                            back.get();
                        } catch (Exception ignored) {
                            // closed
                        } finally {
                            open.decrementAndGet();
                        }
                    });
                }
            });
        }

        static Void pipe(InputStream in, OutputStream out) throws IOException {
            try {
                in.transferTo(out);
            } finally {
                out.close();
            }
            return null;
        }

        URI endpoint() {
            return URI.create("http://127.0.0.1:" + server.getLocalPort());
        }

        @Override
        public void close() throws IOException {
            server.close();
            pool.shutdownNow();
        }
    }

    @Test
    void connectionsAreReusedAndTheLimitHolds() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("pool");
        try (S3LiteClient setup = s3.newClient()) {
            setup.putObject(bucket, "k", RequestBody.of(new byte[2_000_000]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
        }
        try (Relay relay = new Relay(s3.endpoint());
                S3LiteClient c = new S3LiteClient(new S3ClientConfig(relay.endpoint(), "us-east-1", true,
                        CredentialsProvider.of(s3.credentials()), Duration.ofSeconds(5), Duration.ofSeconds(30), 2, null))) {
            for (int i = 0; i < 30; i++) {
                c.headObject(bucket, "k", null);
            }
            assertThat(relay.accepted.get()).as("sequential requests share one kept-alive connection").isEqualTo(1);

            ExecutorService workers = Executors.newFixedThreadPool(8);
            List<Future<byte[]>> gets = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                gets.add(workers.submit(() -> {
                    try (GetObjectResponse r = c.getObject(bucket, "k", GetOptions.NONE)) {
                        return r.body().readAllBytes();
                    }
                }));
            }
            for (Future<byte[]> g : gets) {
                assertThat(g.get()).hasSize(2_000_000);
            }
            workers.shutdown();
            assertThat(relay.maxOpen.get()).as("maxConnections=2 bounds the open connections").isLessThanOrEqualTo(2);
            assertThat(relay.accepted.get()).isLessThanOrEqualTo(2);
            assertThat(c.leasedConnections()).isZero();
        }
    }
}
