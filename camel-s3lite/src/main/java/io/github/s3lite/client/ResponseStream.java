package io.github.s3lite.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.github.s3lite.metrics.S3LiteMetrics;
import io.github.s3lite.metrics.TransferDirection;
import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * The body of a streaming GET. Reading to the end hands the connection back to the pool. Closing it early does
 * not download the rest: unless only a few KiB are left, the connection is closed at once and discarded
 * ({@link io.github.s3lite.client.http.TransportResponse}). A failure while reading (a cut body, a reset, a stalled
 * server) is thrown as {@link S3TransientException}, unchecked, so a route's {@code onException} sees the type
 * it handles; a retry starts a new GET.
 */
public final class ResponseStream extends FilterInputStream {
    private final ClassicHttpResponse response;
    private final String what;
    private final S3LiteMetrics metrics;
    private boolean closed;

    public ResponseStream(InputStream in, ClassicHttpResponse response) {
        this(in, response, "GET");
    }

    /** {@code what} names the request in failure messages ({@code GET bucket/key}). */
    public ResponseStream(InputStream in, ClassicHttpResponse response, String what) {
        this(in, response, what, S3LiteMetrics.NONE);
    }

    /** As above; the bytes read are told to {@code metrics} as downloaded. */
    public ResponseStream(InputStream in, ClassicHttpResponse response, String what, S3LiteMetrics metrics) {
        super(in);
        this.response = response;
        this.what = what;
        this.metrics = metrics == null ? S3LiteMetrics.NONE : metrics;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b >= 0) {
                metrics.bytes(TransferDirection.DOWNLOAD, 1);
            }
            return b;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            if (n > 0) {
                metrics.bytes(TransferDirection.DOWNLOAD, n);
            }
            return n;
        } catch (IOException e) {
            throw failure(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        try {
            return super.skip(n);
        } catch (IOException e) {
            throw failure(e);
        }
    }

    private S3Exception failure(IOException e) {
        closeQuietly();
        return S3Errors.ioFailure(what, null, null, e);
    }

    /** Copies with 64 KiB reads (InputStream's default 8 KiB means eight times the socket reads for a large object). */
    @Override
    public long transferTo(OutputStream out) throws IOException {
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        int n;
        while ((n = read(buf, 0, buf.length)) != -1) {
            out.write(buf, 0, n);
            total += n;
        }
        return total;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            response.close();
        } finally {
            super.close();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException | RuntimeException ignored) {
            // already failing
        }
    }

    public boolean isClosed() {
        return closed;
    }
}
