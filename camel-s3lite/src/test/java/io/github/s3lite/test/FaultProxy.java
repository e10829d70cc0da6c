package io.github.s3lite.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A small fault-injecting HTTP proxy in front of a real S3 server, on 127.0.0.1. Each request is parsed, shown
 * to a rule, and then forwarded ({@code Connection: close} upstream, so each request has its own connection),
 * answered with an error, or cut in the middle of its body with a TCP reset. It records every request line,
 * so tests can count what the server really received. Like a simple intermediary it forwards
 * {@code Expect: 100-continue} but sends the body on without waiting for the server's answer to it.
 */
public final class FaultProxy implements AutoCloseable {

    /** What to do with one request. */
    public sealed interface Action {
    }

    public record Pass() implements Action {
    }

    /** Answer with this status and S3 error code without forwarding. */
    public record Respond(int status, String errorCode) implements Action {
    }

    /** Read this many body bytes, then reset the connection. */
    public record ResetAfter(long bodyBytes) implements Action {
    }

    /** Forward, but close the connection after this many bytes of the response (head included): a cut download. */
    public record CloseResponseAfter(long responseBytes) implements Action {
    }

    /** Forward, but wait this long first and send the response back at most this many bytes per second. */
    public record Slow(long delayMillis, long bytesPerSecond) implements Action {
    }

    /**
     * Forward the request and let the server act on it, then throw its answer away and do {@code instead}:
     * {@link ResetAfter} (any count) resets the connection, {@link Respond} answers that error, {@link Drop} closes
     * the connection without a word, {@link Hang} says nothing for a while, and {@link Replace} sends another body.
     */
    public record LoseReply(Action instead) implements Action {
    }

    /** Close the connection without answering. */
    public record Drop() implements Action {
    }

    /** Say nothing for this long, then close (the client's socket timeout fires first). */
    public record Hang(long millis) implements Action {
    }

    /**
     * Say {@code 100 Continue} when asked, read this many body bytes, answer this error and close with the rest of
     * the body unread: a refusal the client meets mid-body. It sees a reset or a broken pipe and never reads the
     * answer. (Ceph RGW 16 refuses a part of a gone upload before its {@code 100 Continue}; through this proxy,
     * which does not wait for that, the client meets exactly this.)
     */
    public record AnswerMidBody(long bodyBytes, int status, String errorCode) implements Action {
    }

    /** Answer 200 with this body (and no ETag header). */
    public record Replace(String body) implements Action {
    }

    public static final Action PASS = new Pass();

    /** One request as seen by the proxy. */
    public record Seen(String method, String target, long contentLength, Action action, long nanoTime, String head) {
        /** True when the request carried this header (name matched case-insensitively). */
        public boolean hasHeader(String name) {
            return head.toLowerCase(Locale.ROOT).contains("\r\n" + name.toLowerCase(Locale.ROOT) + ":");
        }

        public boolean isUploadPart() {
            return method.equals("PUT") && target.contains("partNumber=");
        }
    }

    private final ServerSocket server;
    private final URI upstream;
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-proxy");
        t.setDaemon(true);
        return t;
    });
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private volatile Function<Seen, Action> rule = s -> PASS;

    public FaultProxy(URI upstream) throws IOException {
        this.upstream = upstream;
        this.server = new ServerSocket(0, 100, InetAddress.getLoopbackAddress());
        pool.submit(this::acceptLoop);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    /** The rule sees each request (with action null) and returns what to do. */
    public void rule(Function<Seen, Action> rule) {
        this.rule = rule;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public void clear() {
        seen.clear();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                pool.submit(() -> handle(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void handle(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                String[] lines = head.split("\r\n");
                String[] requestLine = lines[0].split(" ");
                long length = 0;
                StringBuilder forwarded = new StringBuilder(lines[0]).append("\r\n");
                for (int i = 1; i < lines.length; i++) {
                    String l = lines[i];
                    String name = l.substring(0, Math.max(0, l.indexOf(':'))).trim().toLowerCase(Locale.ROOT);
                    if (name.equals("content-length")) {
                        length = Long.parseLong(l.substring(l.indexOf(':') + 1).trim());
                    }
                    if (!name.equals("connection") && !name.equals("keep-alive")) {
                        forwarded.append(l).append("\r\n");
                    }
                }
                forwarded.append("Connection: close\r\n\r\n");
                Seen probe = new Seen(requestLine[0], requestLine[1], length, null, System.nanoTime(), head);
                Action action = rule.apply(probe);
                seen.add(new Seen(probe.method(), probe.target(), length, action, probe.nanoTime(), head));
                long rate = 0;
                if (action instanceof Slow slow) {
                    sleep(slow.delayMillis());
                    rate = slow.bytesPerSecond();
                }
                if (action instanceof ResetAfter r) {
                    copy(in, OutputStream.nullOutputStream(), Math.min(r.bodyBytes(), length));
                    client.setSoLinger(true, 0);
                    return;
                }
                if (action instanceof Respond r) {
                    copy(in, OutputStream.nullOutputStream(), length);
                    byte[] body = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + r.errorCode()
                            + "</Code><Message>injected by FaultProxy</Message><RequestId>fault</RequestId></Error>")
                            .getBytes(StandardCharsets.UTF_8);
                    out.write(("HTTP/1.1 " + r.status() + " Injected\r\nContent-Type: application/xml\r\nContent-Length: "
                            + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.write(body);
                    out.flush();
                    continue; // keep-alive: the client may reuse this connection
                }
                if (action instanceof AnswerMidBody a) {
                    if (probe.hasHeader("Expect")) {
                        out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                        out.flush();
                    }
                    copy(in, OutputStream.nullOutputStream(), Math.min(a.bodyBytes(), length));
                    respond(out, a.status(), "Injected", errorBody(a.errorCode()));
                    return; // closing with body bytes unread resets the connection
                }
                if (action instanceof Drop) {
                    copy(in, OutputStream.nullOutputStream(), length);
                    return;
                }
                try (Socket up = new Socket(upstream.getHost(), upstream.getPort())) {
                    OutputStream uo = up.getOutputStream();
                    uo.write(forwarded.toString().getBytes(StandardCharsets.ISO_8859_1));
                    copy(in, uo, length);
                    uo.flush();
                    if (action instanceof LoseReply lose) {
                        up.getInputStream().transferTo(OutputStream.nullOutputStream()); // the server has acted
                        loseReply(client, out, lose.instead());
                        return;
                    }
                    if (action instanceof CloseResponseAfter cut) {
                        copyAtMost(up.getInputStream(), out, cut.responseBytes());
                    } else if (rate > 0) {
                        throttledCopy(up.getInputStream(), out, rate);
                    } else {
                        up.getInputStream().transferTo(out);
                    }
                    out.flush();
                }
                return; // upstream answered with Connection: close, so does this connection
            }
        } catch (IOException e) {
            // client went away
        }
    }

    private static void loseReply(Socket client, OutputStream out, Action instead) throws IOException {
        if (instead instanceof ResetAfter) {
            client.setSoLinger(true, 0);
        } else if (instead instanceof Respond r) {
            respond(out, r.status(), "Injected", errorBody(r.errorCode()));
        } else if (instead instanceof Hang h) {
            sleep(h.millis());
        } else if (instead instanceof Replace r) {
            respond(out, 200, "OK", r.body().getBytes(StandardCharsets.UTF_8));
        }
        // Drop: just close
    }

    private static byte[] errorBody(String errorCode) {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + errorCode
                + "</Code><Message>injected by FaultProxy</Message><RequestId>fault</RequestId></Error>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static void respond(OutputStream out, int status, String reason, byte[] body) throws IOException {
        out.write(("HTTP/1.1 " + status + " " + reason + "\r\nContent-Type: application/xml\r\nContent-Length: "
                + body.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void throttledCopy(InputStream in, OutputStream out, long bytesPerSecond) throws IOException {
        byte[] buf = new byte[16 * 1024];
        long start = System.nanoTime();
        long sent = 0;
        int n;
        while ((n = in.read(buf)) != -1) {
            out.write(buf, 0, n);
            out.flush();
            sent += n;
            long due = start + sent * 1_000_000_000L / bytesPerSecond;
            long wait = (due - System.nanoTime()) / 1_000_000;
            if (wait > 0) {
                sleep(wait);
            }
        }
    }

    private static void copyAtMost(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = n;
        int r;
        while (left > 0 && (r = in.read(buf, 0, (int) Math.min(buf.length, left))) != -1) {
            out.write(buf, 0, r);
            left -= r;
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        int c;
        while ((c = in.read()) != -1) {
            b.write(c);
            state = switch (state) {
                case 0, 2 -> c == '\r' ? state + 1 : 0;
                case 1 -> c == '\n' ? 2 : 0;
                case 3 -> c == '\n' ? 4 : 0;
                default -> 0;
            };
            if (state == 4) {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.substring(0, s.length() - 4);
            }
        }
        return null;
    }

    private static void copy(InputStream in, OutputStream out, long n) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long left = n;
        while (left > 0) {
            int r = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (r < 0) {
                throw new IOException("client closed mid-body");
            }
            out.write(buf, 0, r);
            left -= r;
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        pool.shutdownNow();
    }
}
