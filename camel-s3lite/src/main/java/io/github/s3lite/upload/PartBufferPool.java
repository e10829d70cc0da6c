package io.github.s3lite.upload;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.client.S3TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part-sized buffers for one stream upload (or one file upload, see {@link #forFile}), reused: at most {@code concurrency + 1} exist at a time (the parts in
 * flight plus the one being read), and every one is leased from the {@link MemoryBudget} shared by all uploads
 * before it is allocated, so all stream uploads of the JVM together stay within that budget. {@link #close()}
 * gives the bytes back when the upload ends.
 */
final class PartBufferPool implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PartBufferPool.class);

    private final MemoryBudget budget;
    private final ArrayBlockingQueue<byte[]> free;
    private final int size;
    private final int concurrency;
    private long leased;
    private int allocated;

    private PartBufferPool(MemoryBudget budget, int size, int concurrency) {
        this.budget = budget;
        this.size = size;
        this.concurrency = concurrency;
        this.free = new ArrayBlockingQueue<>(concurrency + 1);
    }

    /**
     * A pool for one stream upload with parts of {@code partSize}, and at most {@code maxConcurrency} in flight.
     * {@link IllegalArgumentException} (before any request) when one part cannot fit an in-heap buffer.
     */
    static PartBufferPool forStream(MemoryBudget budget, long partSize, int maxConcurrency) {
        budget.check(partSize, "A stream part (partSize)");
        return new PartBufferPool(budget, Math.toIntExact(partSize), streamConcurrency(budget, partSize, maxConcurrency));
    }

    /**
     * A pool for the parts of one file upload, or null when one part cannot fit a buffer of the budget (then every
     * part is sent from disk). Buffers are only ever taken with {@link #takeForFile()}, which never waits for the
     * budget.
     */
    static PartBufferPool forFile(MemoryBudget budget, long partSize, int concurrency) {
        if (partSize > budget.largestBuffer()) {
            return null;
        }
        return new PartBufferPool(budget, Math.toIntExact(partSize), concurrency);
    }

    /**
     * For a file part: a free buffer of this pool, else a new one if the budget has room right now, else null (send
     * this part from disk: a file upload never waits for memory that stream uploads may need). Only when every buffer
     * this pool may have is in use does it wait for one: the parts in flight hold them and are bounded anyway.
     */
    byte[] takeForFile() {
        byte[] b = free.poll();
        if (b != null) {
            return b;
        }
        synchronized (this) {
            if (allocated <= concurrency) {
                if (budget.tryLease(size)) {
                    leased += size;
                    allocated++;
                    return new byte[size];
                }
                return null;
            }
        }
        return take();
    }

    /** Parts of the stream that may be in flight at once. */
    int concurrency() {
        return concurrency;
    }

    /**
     * A buffer: a free one of this pool, else a new one once the budget has room. While the budget is full this
     * waits for either (a part of this upload finishing gives its buffer back; other uploads give bytes back).
     */
    byte[] take() {
        while (true) {
            byte[] b = free.poll();
            if (b != null) {
                return b;
            }
            synchronized (this) {
                if (allocated <= concurrency && budget.tryLease(size)) {
                    leased += size;
                    allocated++;
                    return new byte[size];
                }
            }
            try {
                b = free.poll(20, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new S3TransientException("Interrupted while waiting for a stream part buffer", 0, null, null, e);
            }
            if (b != null) {
                return b;
            }
        }
    }

    void give(byte[] b) {
        free.offer(b);
    }

    /** Gives every leased byte back to the budget; call once no buffer of this pool is in use any more. */
    @Override
    public synchronized void close() {
        free.clear();
        budget.release(leased);
        leased = 0;
    }

    /**
     * Parts of a stream in flight at once: {@code uploadConcurrency}, but no more than lets all part buffers of this
     * upload (those in flight plus the one being read) fit the budget, and at least one. A 1 GiB stream in a 64 MiB
     * heap then goes one 8 MiB part at a time instead of running out of memory; files are not limited (their parts
     * are read from disk region by region).
     */
    static int streamConcurrency(MemoryBudget budget, long partSize, int maxConcurrency) {
        long fit = budget.limit() / partSize - 1;
        int n = (int) Math.max(1, Math.min(maxConcurrency, fit));
        if (n < maxConcurrency) {
            LOG.debug("Stream upload with {} part(s) in flight instead of {}: {} MiB parts, a {} MiB stream memory budget",
                    n, maxConcurrency, partSize >> 20, budget.limit() >> 20);
        }
        return n;
    }
}
