package io.github.s3lite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3Client;
import org.apache.camel.Exchange;
import org.apache.camel.StreamCache;

/**
 * The body the consumer delivers: an object's content, fetched only when the route first reads it. Nothing is
 * requested from the store until then, so a route that looks only at the headers costs no GET.
 * <p>
 * The GET is pinned to the listed ETag ({@code If-Match}), so the bytes read always belong to the version whose
 * headers were delivered (a changed object fails the read with {@code S3PreconditionFailedException} and is
 * delivered again as a new version).
 * <p>
 * It is a {@link StreamCache} that re-reads from the store instead of buffering: Camel's stream caching (on by
 * default in Camel 4) leaves it as it is instead of copying a possibly huge object into memory, and
 * {@link #reset()} (used for redeliveries, multicast, {@link #copy(Exchange)}) starts a fresh GET at byte 0 when
 * the stream is read again. {@link #close()} releases the connection; a later read after {@link #reset()} opens
 * a new one.
 */
public final class S3LiteObjectStream extends InputStream implements StreamCache {

    private final S3Client client;
    private final String bucket;
    private final String key;
    private final String eTag;
    private final long length;
    private InputStream in;
    private long position;
    private boolean closed;
    private int opened;

    public S3LiteObjectStream(S3Client client, String bucket, String key, String eTag, long length) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.eTag = eTag;
        this.length = length;
    }

    private InputStream in() throws IOException {
        if (closed) {
            throw new IOException("The body stream of " + bucket + "/" + key + " is closed");
        }
        if (in == null) {
            String range = position > 0 ? "bytes=" + position + "-" : null;
            GetObjectResponse r = client.getObject(bucket, key, new GetOptions(range, eTag, null));
            in = r.body() == null ? InputStream.nullInputStream() : r.body();
            opened++;
        }
        return in;
    }

    @Override
    public synchronized int read() throws IOException {
        if (position >= length && in == null) {
            return -1;
        }
        int b = in().read();
        if (b >= 0) {
            position++;
        }
        return b;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position >= length && in == null) {
            return -1;
        }
        int n = in().read(b, off, len);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    @Override
    public synchronized long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (in == null) {
            // nothing fetched yet: move the start of the ranged GET instead of reading
            long s = Math.min(n, Math.max(0, length - position));
            position += s;
            return s;
        }
        long s = in.skip(n);
        position += s;
        return s;
    }

    @Override
    public synchronized int available() throws IOException {
        return in == null ? 0 : in.available();
    }

    /** Releases the connection (if one was opened). */
    @Override
    public synchronized void close() throws IOException {
        closed = true;
        InputStream s = in;
        in = null;
        if (s != null) {
            s.close();
        }
    }

    /** Back to byte 0: drops the current connection; the next read starts a new GET. */
    @Override
    public synchronized void reset() {
        InputStream s = in;
        in = null;
        position = 0;
        closed = false;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // the connection is discarded either way
            }
        }
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void writeTo(OutputStream os) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        while ((n = read(buf, 0, buf.length)) != -1) {
            os.write(buf, 0, n);
        }
    }

    /** An independent stream over the same object version, closed when {@code exchange} completes. */
    @Override
    public StreamCache copy(Exchange exchange) throws IOException {
        S3LiteObjectStream copy = new S3LiteObjectStream(client, bucket, key, eTag, length);
        if (exchange != null) {
            CloseOnCompletion.register(exchange, copy);
        }
        return copy;
    }

    @Override
    public boolean inMemory() {
        return false;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public synchronized long position() {
        return position;
    }

    public String getBucket() {
        return bucket;
    }

    public String getKey() {
        return key;
    }

    public String getETag() {
        return eTag;
    }

    /** True while a GET is open (between the first read and close/reset). */
    public synchronized boolean isConnected() {
        return in != null;
    }

    /** How many GETs this stream has made (0 while nobody read it). */
    public synchronized int getOpenCount() {
        return opened;
    }

    @Override
    public String toString() {
        return "S3LiteObjectStream[" + bucket + "/" + key + ", " + length + " bytes]";
    }
}
