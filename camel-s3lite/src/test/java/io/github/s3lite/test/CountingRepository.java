package io.github.s3lite.test;

import java.util.concurrent.atomic.AtomicLong;

import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/** An idempotent repository that counts the calls made to it: stands for a shared (JDBC, Hazelcast...) one. */
public final class CountingRepository extends ServiceSupport implements IdempotentRepository {

    private final IdempotentRepository delegate;
    private final AtomicLong calls = new AtomicLong();

    public CountingRepository(IdempotentRepository delegate) {
        this.delegate = delegate;
    }

    /** add, contains, remove and confirm calls so far. */
    public long calls() {
        return calls.get();
    }

    @Override
    public boolean add(String key) {
        calls.incrementAndGet();
        return delegate.add(key);
    }

    @Override
    public boolean contains(String key) {
        calls.incrementAndGet();
        return delegate.contains(key);
    }

    @Override
    public boolean remove(String key) {
        calls.incrementAndGet();
        return delegate.remove(key);
    }

    @Override
    public boolean confirm(String key) {
        calls.incrementAndGet();
        return delegate.confirm(key);
    }

    @Override
    public void clear() {
        delegate.clear();
    }
}
