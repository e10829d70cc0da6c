package io.github.s3lite.upload;

import java.util.concurrent.ArrayBlockingQueue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Part-sized buffers for stream bodies, reused: at most {@code concurrency + 1} exist at a time (the parts in
 * flight plus the one being read), so memory is bounded by the part size, not the stream length.
 */
final class PartBufferPool {

    private static final Logger LOG = LoggerFactory.getLogger(PartBufferPool.class);

    private final ArrayBlockingQueue<byte[]> free;
    private final int size;
    private final int concurrency;

    private PartBufferPool(int size, int concurrency) {
        this.size = size;
        this.concurrency = concurrency;
        this.free = new ArrayBlockingQueue<>(concurrency + 1);
    }

    /** A pool for one stream upload with parts of {@code partSize}, and at most {@code maxConcurrency} in flight. */
    static PartBufferPool forStream(long partSize, int maxConcurrency) {
        return new PartBufferPool((int) partSize, streamConcurrency(partSize, maxConcurrency));
    }

    /** Parts of the stream that may be in flight at once. */
    int concurrency() {
        return concurrency;
    }

    byte[] take() {
        byte[] b = free.poll();
        return b != null ? b : new byte[size];
    }

    void give(byte[] b) {
        free.offer(b);
    }

    /**
     * Parts of a stream in flight at once: {@code uploadConcurrency}, but no more than lets all part buffers (those
     * in flight plus the one being read) take a quarter of the maximum heap, and at least one. A 1 GiB stream in a
     * 64 MiB heap then goes one 8 MiB part at a time instead of running out of memory; files are not limited (their
     * parts are read from disk region by region).
     */
    static int streamConcurrency(long partSize, int maxConcurrency) {
        long budget = Runtime.getRuntime().maxMemory() / 4;
        long fit = budget / partSize - 1;
        int n = (int) Math.max(1, Math.min(maxConcurrency, fit));
        if (n < maxConcurrency) {
            LOG.debug("Stream upload with {} part(s) in flight instead of {}: {} MiB parts in a {} MiB heap", n,
                    maxConcurrency, partSize >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        return n;
    }
}
