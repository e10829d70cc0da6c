package io.github.s3lite.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP/1.1 server on 127.0.0.1 written on raw sockets, so a test controls every byte: status line, headers,
 * body, pacing, cuts. Each request head is parsed and handed to the {@link Handler} with the connection; the
 * request body is left unread unless the handler reads it (an early answer to a large PUT is just that). It
 * counts the requests and the bytes it wrote, which is how a test tells draining from aborting.
 */
public final class MisbehavingServer implements AutoCloseable {

    /** Answers one request. Return normally to read the next request on the same connection. */
    @FunctionalInterface
    public interface Handler {
        void handle(Request request, Response response) throws Exception;
    }

    /** The request head as received, plus its unread body. */
    public record Request(String method, String target, String head, InputStream body, int number) {
        public String header(String name) {
            for (String line : head.split("\r\n")) {
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }

        public long contentLength() {
            String cl = header("Content-Length");
            return cl == null ? 0 : Long.parseLong(cl);
        }

        /** Reads and returns the body (by Content-Length). */
        public byte[] readBody() throws IOException {
            return body.readNBytes((int) contentLength());
        }

        /** Reads and discards {@code n} body bytes. */
        public void skipBody(long n) throws IOException {
            byte[] buf = new byte[64 * 1024];
            long left = n;
            while (left > 0) {
                int r = body.read(buf, 0, (int) Math.min(buf.length, left));
                if (r < 0) {
                    return;
                }
                left -= r;
            }
        }
    }

    /** The connection's output, counting every byte written; {@link #close()} ends the connection. */
    public final class Response {
        private final Socket socket;
        private final OutputStream out;
        private boolean closed;

        Response(Socket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            bytesWritten.addAndGet(len);
        }

        public void write(String s) throws IOException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            write(b, 0, b.length);
        }

        /** Status line and headers ("Name: value" lines), then the blank line. */
        public void head(int status, String... headers) throws IOException {
            StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            for (String h : headers) {
                sb.append(h).append("\r\n");
            }
            write(sb.append("\r\n").toString());
            out.flush();
        }

        /** A complete response with a Content-Length body. */
        public void send(int status, String body, String... headers) throws IOException {
            byte[] b = body.getBytes(StandardCharsets.UTF_8);
            String[] all = Arrays.copyOf(headers, headers.length + 1);
            all[headers.length] = "Content-Length: " + b.length;
            head(status, all);
            write(b, 0, b.length);
            out.flush();
        }

        /**
         * Writes {@code n} filler bytes, stopping quietly when the client goes away; returns how many were sent.
         * {@code bytesPerSecond} 0 means as fast as the socket takes them.
         */
        public long filler(long n, byte fill, long bytesPerSecond) throws IOException, InterruptedException {
            byte[] buf = new byte[bytesPerSecond > 0 ? (int) Math.max(1, Math.min(64 * 1024, bytesPerSecond)) : 64 * 1024];
            Arrays.fill(buf, fill);
            long sent = 0;
            try {
                while (sent < n) {
                    int len = (int) Math.min(buf.length, n - sent);
                    write(buf, 0, len);
                    sent += len;
                    if (bytesPerSecond > 0) {
                        out.flush();
                        TimeUnit.MILLISECONDS.sleep(1000L * len / bytesPerSecond);
                    }
                }
                out.flush();
            } catch (SocketException e) {
                // the client closed or reset the connection
            }
            return sent;
        }

        /** Writes the string one byte at a time, {@code delayMillis} apart (stops when the client goes away). */
        public void trickle(String s, long delayMillis) throws IOException, InterruptedException {
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            try {
                for (byte x : b) {
                    write(new byte[] { x }, 0, 1);
                    out.flush();
                    TimeUnit.MILLISECONDS.sleep(delayMillis);
                }
            } catch (SocketException e) {
                // gone
            }
        }

        public void flush() throws IOException {
            out.flush();
        }

        /** Ends the connection (FIN). */
        public void close() throws IOException {
            closed = true;
            socket.close();
        }

        /** Ends the connection with a TCP reset. */
        public void reset() throws IOException {
            closed = true;
            socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    private final ServerSocket server;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "misbehaving-server");
        t.setDaemon(true);
        return t;
    });
    private final Handler handler;
    private final AtomicLong bytesWritten = new AtomicLong();
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<Request> seen = new CopyOnWriteArrayList<>();
    private final List<Throwable> failures = new CopyOnWriteArrayList<>();

    public MisbehavingServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            connections.incrementAndGet();
            pool.submit(() -> serve(s));
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            Response response = new Response(s);
            while (!response.closed) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] line = head.substring(0, head.indexOf("\r\n")).split(" ");
                Request request = new Request(line[0], line[1], head, in, requests.incrementAndGet());
                seen.add(request);
                handler.handle(request, response);
            }
        } catch (SocketException e) {
            // the client went away
        } catch (Exception e) {
            failures.add(e);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int c;
        int state = 0;
        while ((c = in.read()) != -1) {
            head.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
        }
        return null;
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 304 -> "Not Modified";
            case 307 -> "Temporary Redirect";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** Bytes the server wrote to all connections so far. */
    public long bytesWritten() {
        return bytesWritten.get();
    }

    public int requests() {
        return requests.get();
    }

    public int connections() {
        return connections.get();
    }

    public List<Request> seen() {
        return seen;
    }

    /** Handler failures other than the client going away (a test may assert there are none). */
    public List<Throwable> failures() {
        return failures;
    }

    /** Lower-cased request heads, for header assertions. */
    public List<String> heads() {
        return seen.stream().map(r -> r.head().toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
