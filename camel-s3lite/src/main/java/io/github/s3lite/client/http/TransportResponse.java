package io.github.s3lite.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.HttpEntityWrapper;
import org.apache.hc.core5.http.message.BasicClassicHttpResponse;

/**
 * A response from {@link HttpTransport}, bounded in time and in what closing it costs.
 * <p>
 * <b>Closing never downloads the rest.</b> When the body was read to its end, or at most {@link #DRAIN_LIMIT}
 * bytes of a known length are left, closing reads that remainder and the connection goes back to the pool.
 * Otherwise (a larger remainder, or a body of unknown length not read to its end) closing aborts the exchange:
 * the connection is closed at once and not reused, so an early close of a 5 GiB GET costs nothing.
 * <p>
 * <b>Stall bound.</b> Once the deadline is ended (a streamed GET body), reading the body fails with {@link TransferTimeoutException} when less than
 * {@link #STALL_MIN_BYTES} arrive over one socket timeout of time spent waiting in reads (a trickling server,
 * one byte a second, never trips the socket timeout on its own). Time the caller spends between reads does not
 * count.
 */
public final class TransportResponse extends BasicClassicHttpResponse {
    /** Largest unread remainder that closing still reads to keep the connection. */
    public static final long DRAIN_LIMIT = 8 * 1024;
    /** Bytes a body must deliver per socket timeout of waiting. */
    public static final long STALL_MIN_BYTES = 64 * 1024;

    private final ClassicHttpResponse delegate;
    private final Watchdog watchdog;
    private final Watchdog.Guard guard;
    private final long stallNanos;
    private final Entity entity;
    private boolean closed;
    private volatile boolean stallRule;

    TransportResponse(ClassicHttpResponse delegate, Watchdog watchdog, Watchdog.Guard guard, long stallMillis) {
        super(delegate.getCode(), delegate.getReasonPhrase());
        this.delegate = delegate;
        this.watchdog = watchdog;
        this.guard = guard;
        this.stallNanos = TimeUnit.MILLISECONDS.toNanos(stallMillis);
        setVersion(delegate.getVersion());
        setHeaders(delegate.getHeaders());
        HttpEntity e = delegate.getEntity();
        this.entity = e == null ? null : new Entity(e);
        super.setEntity(entity);
    }

    /** Ends the per-request deadline (a streaming body is bounded by the stall rule from here on). */
    public void endDeadline() {
        guard.deadline(0, null);
        stallRule = true;
    }

    /** Closes the connection at once, discarding whatever is unread. */
    public void abort() {
        if (!closed) {
            guard.expire("aborted by the client");
            closeQuietly();
        }
    }

    @Override
    public void setEntity(HttpEntity ignored) {
        throw new UnsupportedOperationException("The entity of a transport response is fixed");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        try {
            if (entity != null && !entity.drainable()) {
                guard.request().cancel();
            } else if (entity != null) {
                entity.drain();
            }
        } catch (IOException | RuntimeException e) {
            guard.request().cancel();
        }
        closeQuietly();
    }

    private void closeQuietly() {
        closed = true;
        try {
            delegate.close();
        } catch (IOException | RuntimeException ignored) {
            // an aborted exchange fails to close cleanly: nothing is lost
        } finally {
            watchdog.release(guard);
        }
    }

    private IOException translate(IOException e) {
        String why = guard.expired();
        if (why != null && !(e instanceof TransferTimeoutException)) {
            return new TransferTimeoutException(why, e);
        }
        return e;
    }

    /** The body, counted, with the stall rule and deadline translation. */
    private final class Entity extends HttpEntityWrapper {
        private final long length;
        private Body body;

        Entity(HttpEntity wrapped) {
            super(wrapped);
            this.length = wrapped.getContentLength();
        }

        @Override
        public InputStream getContent() throws IOException {
            if (body == null) {
                try {
                    body = new Body(super.getContent());
                } catch (IOException e) {
                    throw translate(e);
                }
            }
            return body;
        }

        @Override
        public void writeTo(OutputStream out) throws IOException {
            getContent().transferTo(out);
        }

        @Override
        public boolean isStreaming() {
            return true;
        }

        boolean drainable() {
            if (body != null && body.eof) {
                return true;
            }
            long read = body == null ? 0 : body.count;
            return length >= 0 && length - read <= DRAIN_LIMIT;
        }

        void drain() throws IOException {
            InputStream in = getContent();
            byte[] buf = new byte[(int) DRAIN_LIMIT];
            while (in.read(buf) != -1) {
                // bounded: drainable() checked the remainder
            }
        }

        @Override
        public void close() {
            // closed with the response
        }
    }

    private final class Body extends InputStream {
        private final InputStream in;
        long count;
        boolean eof;
        private long windowWait;
        private long windowBytes;

        Body(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (eof) {
                return -1;
            }
            if (closed && guard.expired() != null) {
                throw new TransferTimeoutException(guard.expired(), null);
            }
            long start = System.nanoTime();
            int n;
            try {
                n = in.read(b, off, len);
            } catch (IOException e) {
                throw translate(e);
            }
            if (n < 0) {
                eof = true;
                return -1;
            }
            count += n;
            account(System.nanoTime() - start, n);
            return n;
        }

        private void account(long waited, int n) throws TransferTimeoutException {
            if (!stallRule) {
                return;
            }
            windowWait += waited;
            windowBytes += n;
            if (windowWait >= stallNanos) {
                if (windowBytes < STALL_MIN_BYTES) {
                    String why = "the response body stalled: " + windowBytes + " bytes in "
                            + TimeUnit.NANOSECONDS.toMillis(windowWait) + " ms of waiting (less than " + STALL_MIN_BYTES
                            + " bytes per socketTimeout)";
                    guard.expire(why);
                    throw new TransferTimeoutException(why, null);
                }
                windowWait = 0;
                windowBytes = 0;
            }
        }

        @Override
        public int available() throws IOException {
            return eof ? 0 : in.available();
        }

        @Override
        public void close() {
            // the response decides: drain a small remainder or abort
            TransportResponse.this.close();
        }
    }
}
