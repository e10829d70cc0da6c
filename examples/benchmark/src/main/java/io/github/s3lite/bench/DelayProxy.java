package io.github.s3lite.bench;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A wide-area path on loopback: a TCP relay on 127.0.0.1 in front of the S3 server that delays every byte by a fixed
 * one-way delay in each direction (so the round trip is twice that) and lets each connection carry at most
 * {@code bytesPerSecond} per direction, as a long path with a per-flow bottleneck does. Bytes in flight per direction
 * are bounded ({@value #WINDOW} bytes, more than the bandwidth-delay product of 20 MB/s x 50 ms), so a slow reader
 * slows the sender as TCP would. Two threads per direction per connection; bytes are relayed unchanged (SigV4
 * signs the proxy's host:port, which is what reaches the server).
 */
final class DelayProxy implements Closeable {
    static final int CHUNK = 64 * 1024;
    static final int WINDOW = 4 * 1024 * 1024;

    private final ServerSocket server;
    private final int upstreamPort;
    private final long delayNanos;
    private final long bytesPerSecond;
    private final AtomicLong relayed = new AtomicLong();
    private volatile boolean closed;

    DelayProxy(int upstreamPort, long oneWayDelayMillis, long bytesPerSecond) throws IOException {
        this.upstreamPort = upstreamPort;
        this.delayNanos = TimeUnit.MILLISECONDS.toNanos(oneWayDelayMillis);
        this.bytesPerSecond = bytesPerSecond;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::accept, "delay-proxy-accept");
        t.setDaemon(true);
        t.start();
    }

    int port() {
        return server.getLocalPort();
    }

    /** Bytes relayed so far, both directions. */
    long relayed() {
        return relayed.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = server.accept();
                Socket upstream = new Socket();
                upstream.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort));
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                pipe(client, upstream, "up");
                pipe(upstream, client, "down");
            } catch (IOException e) {
                if (!closed) {
                    System.err.println("delay proxy: " + e);
                }
            }
        }
    }

    private record Chunk(byte[] data, int length, long dueNanos) {
    }

    private static final Chunk EOF = new Chunk(new byte[0], -1, 0);

    /** One direction: a reader stamps chunks with their due time, a writer sends them paced to the bandwidth cap. */
    private void pipe(Socket from, Socket to, String name) {
        BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(WINDOW / CHUNK);
        Thread reader = new Thread(() -> {
            try (InputStream in = from.getInputStream()) {
                while (true) {
                    byte[] b = new byte[CHUNK];
                    int n = in.read(b);
                    if (n < 0) {
                        break;
                    }
                    queue.put(new Chunk(b, n, System.nanoTime() + delayNanos));
                }
            } catch (IOException | InterruptedException e) {
                // closed
            }
            try {
                queue.put(EOF);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "delay-proxy-" + name + "-read");
        Thread writer = new Thread(() -> {
            long nextFree = System.nanoTime();
            try (OutputStream out = to.getOutputStream()) {
                while (true) {
                    Chunk c = queue.take();
                    if (c.length() < 0) {
                        break;
                    }
                    long start = Math.max(c.dueNanos(), nextFree);
                    sleepUntil(start);
                    out.write(c.data(), 0, c.length());
                    relayed.addAndGet(c.length());
                    // at most 20 ms of catching up after a late wake-up or a blocked write (a loaded machine): the
                    // cap holds on average, bursts stay below 20 ms worth of it
                    nextFree = Math.max(start, System.nanoTime() - 20_000_000L)
                               + c.length() * 1_000_000_000L / bytesPerSecond;
                }
                to.shutdownOutput();
            } catch (IOException | InterruptedException e) {
                // closed
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "delay-proxy-" + name + "-write");
        reader.setDaemon(true);
        writer.setDaemon(true);
        reader.start();
        writer.start();
    }

    private static void sleepUntil(long nanos) {
        for (long left; (left = nanos - System.nanoTime()) > 0;) {
            LockSupport.parkNanos(left);
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() throws IOException {
        closed = true;
        server.close();
    }
}
