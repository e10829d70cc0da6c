package io.github.s3lite.test;

import java.util.concurrent.atomic.AtomicInteger;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * An idempotent repository shared by several consumers in one JVM whose {@code add} of a lease key, when it comes
 * in the last {@code marginMillis} of a claim window, only lands {@code lateMillis} after the window boundary: a
 * slow network round trip at the worst moment, the interleaving that lets a node in the next window miss it.
 */
public final class DelayingLeaseRepository extends ServiceSupport implements IdempotentRepository {

    private final IdempotentRepository delegate;
    private final long windowMillis;
    private final long marginMillis;
    private final long lateMillis;
    private final AtomicInteger delayed = new AtomicInteger();

    public DelayingLeaseRepository(IdempotentRepository delegate, long windowMillis, long marginMillis, long lateMillis) {
        this.delegate = delegate;
        this.windowMillis = windowMillis;
        this.marginMillis = marginMillis;
        this.lateMillis = lateMillis;
    }

    /** How many adds were held back over a window boundary. */
    public int delayedAdds() {
        return delayed.get();
    }

    @Override
    public boolean add(String key) {
        if (key.contains("#lease-")) {
            long now = System.currentTimeMillis();
            long boundary = (now / windowMillis + 1) * windowMillis;
            if (boundary - now < marginMillis) {
                delayed.incrementAndGet();
                sleep(boundary + lateMillis - now);
            }
        }
        return delegate.add(key);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean contains(String key) {
        return delegate.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return delegate.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        return delegate.confirm(key);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
