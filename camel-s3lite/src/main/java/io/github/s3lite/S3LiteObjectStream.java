package io.github.s3lite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import io.github.s3lite.client.ETags;
import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.transfer.DownloadChecksumValidation;
import io.github.s3lite.transfer.DownloadVerifier;
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
 * the stream is read again. {@link #close()} releases the connection without downloading the rest (a remainder
 * over 8 KiB, or of unknown length, closes the connection instead of draining it); a later read after
 * {@link #reset()} opens a new one.
 * <p>
 * What is read is checked: every GET's answer must carry the pinned ETag (else {@link S3PreconditionFailedException})
 * and, when it continues after a skip, start exactly at the position asked for; a body that ends before the length
 * HEAD gave, or runs past it, fails the read with an {@link IOException} (never a short end of stream); a length of
 * -1 (HEAD gave none) reads to the end. When the object was read from byte 0 to the end without skipping, the
 * checksum chosen by {@link DownloadVerifier} (if any) is checked at the end of the stream.
 */
public final class S3LiteObjectStream extends InputStream implements StreamCache {

    private final S3LiteClient client;
    private final String bucket;
    private final String key;
    private final String eTag;
    private final long length;
    private final DownloadVerifier verifier;
    private boolean sequential = true;
    private InputStream in;
    private long position;
    private boolean closed;
    private int opened;

    public S3LiteObjectStream(S3LiteClient client, String bucket, String key, String eTag, long length) {
        this(client, bucket, key, eTag, length, DownloadVerifier.none());
    }

    private S3LiteObjectStream(S3LiteClient client, String bucket, String key, String eTag, long length,
            DownloadVerifier verifier) {
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.eTag = eTag;
        this.length = length;
        this.verifier = verifier;
    }

    /**
     * The body of the version {@code head} describes (a HEAD made with {@code checksumMode} when a checksum should
     * be verified), checked per {@code validation}.
     */
    public static S3LiteObjectStream of(S3LiteClient client, String bucket, ObjectInfo head,
            DownloadChecksumValidation validation) {
        return new S3LiteObjectStream(client, bucket, head.key(), head.eTag(), head.contentLength(),
                DownloadVerifier.plan(client, bucket, head.key(), head, validation));
    }

    private InputStream in() throws IOException {
        if (closed) {
            throw new IOException("The body stream of " + bucket + "/" + key + " is closed");
        }
        if (in == null) {
            String range = position > 0 ? "bytes=" + position + "-" : null;
            GetObjectResponse r = client.getObject(bucket, key, new GetOptions(range, eTag, null));
            opened++;
            String problem = answerProblem(r.info());
            if (problem != null) {
                r.close();
                if (problem.isEmpty()) {
                    throw new S3PreconditionFailedException("GET " + bucket + "/" + key + " answered ETag "
                            + r.info().eTag() + " to If-Match " + eTag, 412, "PreconditionFailed", null);
                }
                throw new IOException("GET " + bucket + "/" + key + " from byte " + position + " was answered with "
                        + problem + ": the bytes would not continue the stream");
            }
            in = r.body() == null ? InputStream.nullInputStream() : r.body();
        }
        return in;
    }

    /** Null when the answer continues this stream; "" for another ETag; else what is wrong with its range. */
    private String answerProblem(ObjectInfo got) {
        if (!ETags.same(got.eTag(), eTag)) {
            return "";
        }
        String cr = got.contentRange();
        if (position == 0 && cr == null) {
            return null;
        }
        String expected = "bytes " + position + "-";
        if (cr == null || !cr.trim().startsWith(expected)) {
            return cr == null ? "the whole object (no Content-Range)" : "Content-Range " + cr;
        }
        return null;
    }

    private boolean atKnownEnd() {
        return length >= 0 && position >= length && in == null;
    }

    @Override
    public synchronized int read() throws IOException {
        if (atKnownEnd()) {
            return -1;
        }
        int b = in().read();
        if (b >= 0) {
            checkNotPastEnd(1);
            position++;
            if (sequential && verifier.active()) {
                verifier.update(new byte[] {(byte) b}, 0, 1);
            }
        } else {
            atEnd();
        }
        return b;
    }

    @Override
    public synchronized int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (atKnownEnd()) {
            return -1;
        }
        int n = in().read(b, off, len);
        if (n > 0) {
            checkNotPastEnd(n);
            position += n;
            if (sequential) {
                verifier.update(b, off, n);
            }
        } else if (n < 0) {
            atEnd();
        }
        return n;
    }

    private void checkNotPastEnd(int n) throws IOException {
        if (length >= 0 && position + n > length) {
            throw new IOException("GET " + bucket + "/" + key + " sent more than the " + length + " bytes HEAD gave");
        }
    }

    /** The connection reached its end: it must be the object's end, and the checksum must match. */
    private void atEnd() throws IOException {
        if (length >= 0 && position < length) {
            throw new IOException("The body of " + bucket + "/" + key + " ended after " + position + " of " + length
                    + " bytes (connection closed early)");
        }
        if (sequential && verifier.active()) {
            sequential = false; // checked once per pass
            String bad = verifier.mismatch();
            if (bad != null) {
                throw new IOException("The body of " + bucket + "/" + key + " failed its integrity check: " + bad);
            }
        }
    }

    @Override
    public synchronized long skip(long n) throws IOException {
        if (n <= 0) {
            return 0;
        }
        if (in == null) {
            // nothing fetched yet: move the start of the ranged GET instead of reading
            long s = length < 0 ? n : Math.min(n, Math.max(0, length - position));
            if (s > 0) {
                sequential = false;
            }
            position += s;
            return s;
        }
        sequential = false;
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
        sequential = true;
        verifier.reset();
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
        S3LiteObjectStream copy = new S3LiteObjectStream(client, bucket, key, eTag, length, verifier.copy());
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
