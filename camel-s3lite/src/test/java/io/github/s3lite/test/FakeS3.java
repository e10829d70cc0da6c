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
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A tiny misbehaving S3 for what no real server does: raw sockets on 127.0.0.1, one request per connection
 * ({@code Connection: close}), signatures not checked. The test's handler answers each request; an answer can
 * leave out Content-Length (body delimited by the connection close) or cut the body after some bytes.
 */
public final class FakeS3 implements AutoCloseable {

    /** A request as received: method, path (with query), lower-cased header names. */
    public record Request(String method, String path, Map<String, String> headers) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** An answer; {@code cutAfter} >= 0 closes the connection after that many body bytes. */
    public record Response(int status, Map<String, String> headers, byte[] body, boolean contentLength, int cutAfter) {
        public static Response of(int status, byte[] body) {
            return new Response(status, new LinkedHashMap<>(), body, true, -1);
        }

        public Response header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Response withoutContentLength() {
            return new Response(status, headers, body, false, cutAfter);
        }

        public Response cutAfter(int bytes) {
            return new Response(status, headers, body, contentLength, bytes);
        }
    }

    private final ServerSocket server;
    private final Function<Request, Response> handler;
    private final List<Request> requests = Collections.synchronizedList(new ArrayList<>());
    private final Thread thread;

    public FakeS3(Function<Request, Response> handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.thread = new Thread(this::serve, "fake-s3");
        thread.setDaemon(true);
        thread.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getLocalPort());
    }

    public List<Request> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                s.setSoTimeout(10_000);
                Request r = read(s.getInputStream());
                if (r == null) {
                    continue;
                }
                requests.add(r);
                Response a = handler.apply(r);
                write(s.getOutputStream(), r, a);
            } catch (IOException | RuntimeException e) {
                // next connection
            }
        }
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int state = 0;
        int b;
        while (state < 4 && (b = in.read()) != -1) {
            head.write(b);
            state = (b == '\r' && (state == 0 || state == 2)) || (b == '\n' && (state == 1 || state == 3)) ? state + 1 : 0;
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        if (lines.length == 0 || lines[0].isEmpty()) {
            return null;
        }
        String[] first = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.put(lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT), lines[i].substring(c + 1).trim());
            }
        }
        String cl = headers.get("content-length");
        if (cl != null) {
            in.readNBytes(Integer.parseInt(cl));
        }
        return new Request(first[0], first[1], headers);
    }

    private static void write(OutputStream out, Request r, Response a) throws IOException {
        StringBuilder sb = new StringBuilder("HTTP/1.1 ").append(a.status()).append(' ').append(reason(a.status())).append("\r\n");
        a.headers().forEach((k, v) -> sb.append(k).append(": ").append(v).append("\r\n"));
        byte[] body = a.body() == null ? new byte[0] : a.body();
        if (a.contentLength()) {
            sb.append("Content-Length: ").append(body.length).append("\r\n");
        }
        sb.append("Connection: close\r\n\r\n");
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        if (!r.method().equals("HEAD")) {
            out.write(body, 0, a.cutAfter() >= 0 ? Math.min(a.cutAfter(), body.length) : body.length);
        }
        out.flush();
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 304 -> "Not Modified";
            case 404 -> "Not Found";
            case 412 -> "Precondition Failed";
            default -> "Status";
        };
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
