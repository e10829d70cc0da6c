package io.github.s3lite.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/**
 * An HTTP proxy on 127.0.0.1 for tests: {@code CONNECT host:port} opens a tunnel (counted), a request in absolute
 * form ({@code GET http://host:port/path}) is forwarded (counted). With credentials set it answers {@code 407}
 * with a Basic challenge to any request or CONNECT without the right {@code Proxy-Authorization}, and counts the
 * challenges. Every target is reached on 127.0.0.1 at the port asked for, whatever its host name (so a test can use
 * names such as {@code s3.test.invalid} that only the proxy "resolves"); nothing leaves the machine. Optionally the
 * proxy itself speaks TLS ({@code https} proxies). Threads are daemons; {@link #close()} ends them.
 */
public final class TestHttpProxy implements AutoCloseable {

    private final ServerSocket server;
    private final String expectedAuth;
    private final AtomicInteger tunnels = new AtomicInteger();
    private final AtomicInteger forwarded = new AtomicInteger();
    private final AtomicInteger challenges = new AtomicInteger();
    private final List<String> requestLines = new CopyOnWriteArrayList<>();
    private final List<String> proxyAuthorizations = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();

    /** A proxy without authentication. */
    public TestHttpProxy() throws IOException {
        this(null, null, null);
    }

    /**
     * @param user     null: no authentication
     * @param password the password the proxy accepts
     * @param tls      null: plain http; else the proxy accepts TLS connections with this context
     */
    public TestHttpProxy(String user, String password, SSLContext tls) throws IOException {
        this.expectedAuth = user == null ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        if (tls != null) {
            SSLServerSocket s = (SSLServerSocket) tls.getServerSocketFactory().createServerSocket(0, 50,
                    InetAddress.getLoopbackAddress());
            this.server = s;
        } else {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        }
        Thread t = new Thread(this::acceptLoop, "test-http-proxy");
        t.setDaemon(true);
        t.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    /** Tunnels opened after a successful CONNECT. */
    public int tunnels() {
        return tunnels.get();
    }

    /** Connections on which a plain (absolute-form) request was forwarded. */
    public int forwarded() {
        return forwarded.get();
    }

    /** 407 answers sent. */
    public int challenges() {
        return challenges.get();
    }

    /** Every request line received (CONNECT lines and forwarded first lines). */
    public List<String> requestLines() {
        return requestLines;
    }

    /** Every Proxy-Authorization value received. */
    public List<String> proxyAuthorizations() {
        return proxyAuthorizations;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                open.add(s);
                Thread t = new Thread(() -> serve(s), "test-http-proxy-conn");
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            for (int round = 0; round < 10; round++) {
                byte[] head = readHead(in);
                if (head == null) {
                    return;
                }
                String text = new String(head, StandardCharsets.ISO_8859_1);
                String[] lines = text.split("\r\n");
                String requestLine = lines[0];
                requestLines.add(requestLine);
                String auth = null;
                long contentLength = 0;
                for (int i = 1; i < lines.length; i++) {
                    int colon = lines[i].indexOf(':');
                    if (colon <= 0) {
                        continue;
                    }
                    String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
                    String value = lines[i].substring(colon + 1).trim();
                    if (name.equals("proxy-authorization")) {
                        auth = value;
                        proxyAuthorizations.add(value);
                    } else if (name.equals("content-length")) {
                        contentLength = Long.parseLong(value);
                    }
                }
                String[] parts = requestLine.split(" ");
                boolean connect = parts[0].equals("CONNECT");
                if (expectedAuth != null && !expectedAuth.equals(auth)) {
                    challenges.incrementAndGet();
                    out.write(("HTTP/1.1 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"s3lite-test\"\r\n"
                               + "Content-Length: 0\r\n" + (connect ? "" : "Connection: close\r\n") + "\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    if (!connect) {
                        return; // the body (if any) is not read: close, as many proxies do
                    }
                    continue;
                }
                if (connect) {
                    int port = Integer.parseInt(parts[1].substring(parts[1].lastIndexOf(':') + 1));
                    Socket upstream = new Socket(InetAddress.getLoopbackAddress(), port);
                    open.add(upstream);
                    tunnels.incrementAndGet();
                    out.write("HTTP/1.1 200 Connection established\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    out.flush();
                    pipe(client, upstream, new byte[0]);
                    return;
                }
                // absolute form: http://host:port/path
                java.net.URI target = java.net.URI.create(parts[1]);
                if (target.getScheme() == null) {
                    out.write("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                    return;
                }
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target.getPort() < 0 ? 80 : target.getPort());
                open.add(upstream);
                forwarded.incrementAndGet();
                // the first request in origin form, as proxies forward it (later ones on this connection pass as they are)
                String origin = (target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath())
                                + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
                StringBuilder rewritten = new StringBuilder(parts[0] + " " + origin + " " + parts[2]).append("\r\n");
                for (int i = 1; i < lines.length; i++) {
                    String l = lines[i].toLowerCase(Locale.ROOT);
                    if (!l.startsWith("proxy-authorization:") && !l.startsWith("proxy-connection:") && !lines[i].isEmpty()) {
                        rewritten.append(lines[i]).append("\r\n");
                    }
                }
                rewritten.append("\r\n");
                pipe(client, upstream, rewritten.toString().getBytes(StandardCharsets.ISO_8859_1));
                return;
            }
        } catch (IOException | RuntimeException e) {
            // connection ended
        }
    }

    /** Copies both ways until either side closes; {@code first} goes upstream before the client's further bytes. */
    private static void pipe(Socket client, Socket upstream, byte[] first) throws IOException {
        try (upstream) {
            upstream.getOutputStream().write(first);
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
            }, "test-http-proxy-back");
            back.setDaemon(true);
            back.start();
            try {
                client.getInputStream().transferTo(upstream.getOutputStream());
            } catch (IOException ignored) {
                // closed
            }
        }
    }

    /** The bytes up to and including the blank line, or null at EOF; at most 64 KiB. */
    private static byte[] readHead(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int state = 0;
        while (b.size() < 65536) {
            int c = in.read();
            if (c < 0) {
                return null;
            }
            b.write(c);
            state = (c == '\r' && (state == 0 || state == 2)) ? state + 1 : (c == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
            if (state == 4) {
                return b.toByteArray();
            }
        }
        throw new IOException("request head too long");
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
