package io.github.s3lite.client.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

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
