package io.github.s3lite.client.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import org.apache.hc.core5.http.ClassicHttpResponse;

/**
 * The body of a streaming GET. Reading to the end hands the connection back to the pool; closing it early
 * closes the response, which discards the connection instead of draining a large body.
 */
public final class ResponseStream extends FilterInputStream {
    private final ClassicHttpResponse response;
    private boolean closed;

    public ResponseStream(InputStream in, ClassicHttpResponse response) {
        super(in);
        this.response = response;
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

    public boolean isClosed() {
        return closed;
    }
}
