package io.github.s3lite.client.http;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.hc.core5.concurrent.Cancellable;

/**
 * One daemon thread per transport that ends exchanges past their bounds: the per-request deadline, and a request
 * body write blocked for longer than the socket timeout (a blocking socket write has no timeout of its own). It
 * cancels the exchange, which closes its connection at once; the blocked thread then fails with
 * {@link TransferTimeoutException}.
 */
final class Watchdog implements AutoCloseable {
    private static final long TICK_MILLIS = 200;

    /** The bounds of one request/response exchange; times are {@link System#nanoTime()}. */
    static final class Guard {
        private final Cancellable request;
        private final long writeLimitNanos;
        private volatile long deadlineNanos;
        private volatile String deadlineText;
        private volatile long writeStartedNanos;
        private volatile String expired;

        Guard(Cancellable request, long writeLimitNanos) {
            this.request = request;
            this.writeLimitNanos = writeLimitNanos;
        }

        /** Arms (or moves) the deadline; {@code millis} 0 or less disarms it. */
        void deadline(long millis, String text) {
            deadlineText = text;
            deadlineNanos = millis <= 0 ? 0 : System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        }

        void writeStarted() {
            writeStartedNanos = System.nanoTime();
        }

        void writeEnded() {
            writeStartedNanos = 0;
        }

        Cancellable request() {
            return request;
        }

        /** Why the exchange was ended, or null. */
        String expired() {
            return expired;
        }

        void expire(String why) {
            if (expired == null) {
                expired = why;
            }
            request.cancel();
        }

        void check(long now) {
            long d = deadlineNanos;
            if (d != 0 && now - d > 0) {
                expire(deadlineText);
            }
            long w = writeStartedNanos;
            if (w != 0 && now - w > writeLimitNanos) {
                expire("the server took no request body bytes for " + TimeUnit.NANOSECONDS.toMillis(writeLimitNanos)
                        + " ms (socketTimeout)");
            }
        }
    }

    private final Set<Guard> active = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "s3lite-watchdog");
        t.setDaemon(true);
        return t;
    });

    Watchdog() {
        timer.scheduleWithFixedDelay(this::tick, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    void watch(Guard g) {
        active.add(g);
    }

    void release(Guard g) {
        active.remove(g);
    }

    private void tick() {
        long now = System.nanoTime();
        for (Guard g : active) {
            try {
                g.check(now);
            } catch (RuntimeException ignored) {
                // a failing cancel must not stop the timer
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
