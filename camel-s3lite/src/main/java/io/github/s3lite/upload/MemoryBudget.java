package io.github.s3lite.upload;

import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import io.github.s3lite.client.S3Limits;

/**
 * The heap that stream bodies may take for their in-memory buffers (part buffers of multipart stream uploads, the
 * buffer of a stream sent as one PUT), shared by every upload of the JVM: {@link #shared()} allows a quarter of
 * the maximum heap. An upload leases a buffer's bytes before allocating it and gives them back when it no longer
 * holds it; a lease that does not fit waits until other uploads give bytes back. A buffer larger than the whole
 * budget can never be leased ({@link #lease} refuses it at once, naming the limit).
 */
public final class MemoryBudget {

    private static final MemoryBudget SHARED = new MemoryBudget(Runtime.getRuntime().maxMemory() / 4);

    private final long limit;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition released = lock.newCondition();
    private long leased;
    private long peak;

    public MemoryBudget(long limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("A memory budget needs at least one byte, was " + limit);
        }
        this.limit = limit;
    }

    /** The budget of this JVM: a quarter of {@code Runtime.maxMemory()}. */
    public static MemoryBudget shared() {
        return SHARED;
    }

    /** Bytes that may be leased at once. */
    public long limit() {
        return limit;
    }

    /** The largest single buffer this budget can ever give: the limit, and at most {@link S3Limits#MAX_IN_HEAP_PART_SIZE}. */
    public long largestBuffer() {
        return Math.min(limit, S3Limits.MAX_IN_HEAP_PART_SIZE);
    }

    /** Bytes leased now. */
    public long leased() {
        lock.lock();
        try {
            return leased;
        } finally {
            lock.unlock();
        }
    }

    /** The most bytes ever leased at once (tests). */
    public long peak() {
        lock.lock();
        try {
            return peak;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Leases {@code bytes}, waiting while other leases leave too little. {@link IllegalArgumentException} when
     * {@code bytes} exceeds {@link #largestBuffer()}; {@link InterruptedException} leaves nothing leased.
     */
    public void lease(long bytes) throws InterruptedException {
        check(bytes, "A buffer");
        lock.lockInterruptibly();
        try {
            while (leased + bytes > limit) {
                released.await();
            }
            leased += bytes;
            peak = Math.max(peak, leased);
        } finally {
            lock.unlock();
        }
    }

    /** Leases {@code bytes} if they fit right now. */
    public boolean tryLease(long bytes) {
        check(bytes, "A buffer");
        lock.lock();
        try {
            if (leased + bytes > limit) {
                return false;
            }
            leased += bytes;
            peak = Math.max(peak, leased);
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives back bytes of an earlier lease. */
    public void release(long bytes) {
        lock.lock();
        try {
            leased -= bytes;
            if (leased < 0) {
                throw new IllegalStateException("Released more than was leased (" + leased + ")");
            }
            released.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Fails with a message naming {@code what} when a buffer of {@code bytes} can never be leased. */
    public void check(long bytes, String what) {
        if (bytes < 0) {
            throw new IllegalArgumentException(what + " of " + bytes + " bytes is negative");
        }
        if (bytes > largestBuffer()) {
            throw new IllegalArgumentException(what + " of " + bytes + " bytes does not fit in the heap: stream buffers "
                    + "may take at most " + largestBuffer() + " bytes (the stream memory budget of " + limit + " bytes, "
                    + "a quarter of the maximum heap, and at most " + S3Limits.MAX_IN_HEAP_PART_SIZE + " per buffer): lower "
                    + "partSize, raise -Xmx, or send a File");
        }
    }
}
