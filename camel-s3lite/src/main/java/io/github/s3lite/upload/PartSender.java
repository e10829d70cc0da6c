package io.github.s3lite.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ETags;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3TransientException;

/**
 * Sends the parts of one upload attempt on an executor, at most {@code concurrency} at a time, and keeps what
 * was acknowledged. The first failure stops new parts; {@link #awaitInFlight()} waits for those in flight and
 * {@link #rethrowFailure()} rethrows it.
 * <p>
 * With {@link ChecksumAlgorithm#AUTO} on a client that has not learned yet what the store verifies, the first part
 * decides it: it goes alone (with Content-MD5 and CRC32C, as any first AUTO request), and the others wait for its
 * answer, so each of them is checksummed once, with the algorithm that answer chose (else every part in flight
 * before the answer would carry both, MD5 costing about twice CRC32C's CPU). Where the CreateMultipartUpload answer
 * echoed the CRC32C declaration, no part waits: each carries CRC32C alone ({@code ChecksumNegotiation}).
 * <p>
 * Progress is told in order: a part is counted and its event told under one lock, so each event has more bytes and
 * parts than the one before, whichever part thread finishes first (the listener should return quickly).
 */
final class PartSender {
    private final S3LiteClient client;
    private final Executor executor;
    private final CheckpointProtocol checkpoints;
    private final ChecksumAlgorithm checksum;
    private final PartChecksums sums;
    private final UploadProgress progress;
    private final String bucket;
    private final String key;
    private final String uploadId;
    private final Map<Integer, PartInfo> existing;
    private final PartPlan plan;
    private final int concurrency;
    private final Semaphore inFlight;
    private final Map<Integer, PartInfo> completed = new ConcurrentSkipListMap<>();
    private final AtomicInteger resumed = new AtomicInteger();
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final AtomicLong bytesDone = new AtomicLong();
    /** Counting a part and telling its progress happen together under this lock, in order. */
    private final Object progressOrder = new Object();
    /** Counted down when the first part sent was answered (or failed); null when no part waits for it. */
    private final CountDownLatch negotiated;
    private final AtomicBoolean firstSent = new AtomicBoolean();

    /**
     * @param existing the parts the server holds for this upload (resume), by number
     * @param plan the plan of a known-length source, null for a stream of unknown length (progress only)
     */
    PartSender(S3LiteClient client, Executor executor, CheckpointProtocol checkpoints, ChecksumAlgorithm checksum,
            PartChecksums sums, UploadProgress progress, String bucket, String key, String uploadId, Map<Integer, PartInfo> existing,
            PartPlan plan, int concurrency) {
        this.client = client;
        this.executor = executor;
        this.checkpoints = checkpoints;
        this.checksum = checksum;
        this.sums = sums;
        this.progress = progress;
        this.bucket = bucket;
        this.key = key;
        this.uploadId = uploadId;
        this.existing = existing;
        this.plan = plan;
        this.concurrency = concurrency;
        this.inFlight = new Semaphore(concurrency);
        this.negotiated = checksum == ChecksumAlgorithm.AUTO && client.autoSendsBothChecksums()
                ? new CountDownLatch(1) : null;
    }

    /** True once a part failed: send no more. */
    boolean failed() {
        return failure.get() != null;
    }

    /**
     * Reuses part {@code n} if the server holds it, the checkpoint confirmed it and its size matches: true when
     * nothing needs to be sent. For a stream part ({@code content} given) the bytes just read must be the ones the
     * part holds: its MD5 must match a plain-MD5 ETag and its checksum the one the server lists; a confirmed part of
     * the same source with other bytes means the stream did not replay from byte 0, and the upload must not
     * complete with a mix ({@link IllegalArgumentException}: the uploader aborts it). A part whose bytes cannot be
     * compared (neither an MD5 ETag nor a listed checksum) is sent again.
     */
    boolean reuse(int n, long len, byte[] content) {
        PartInfo p = existing.get(n);
        if (p == null || !checkpoints.partConfirmed(uploadId, p)) {
            return false;
        }
        if (content != null) {
            String eTag = ETags.bare(p.eTag());
            boolean md5ETag = ETags.isMd5Hex(eTag);
            String sum = sums.of(content, Math.toIntExact(len));
            boolean listedSum = p.checksum() != null && sum != null && p.checksumAlgorithm() == sums.algorithm();
            boolean differs = p.size() != len || (md5ETag && !md5Hex(content, Math.toIntExact(len)).equalsIgnoreCase(eTag))
                    || (listedSum && !sum.equals(p.checksum()));
            if (differs) {
                throw new IllegalArgumentException("The stream for " + key + " is not the one whose parts upload "
                        + uploadId + " holds: part " + n + " has other bytes (" + len + " bytes read, the stored part has "
                        + p.size() + "). A resumed stream must replay the same bytes from byte 0 (enable stream caching "
                        + "or send a File); the upload is aborted");
            }
            if (!md5ETag && !listedSum) {
                return false;
            }
            if (p.checksum() == null && sum != null) {
                p = p.withChecksum(sums.algorithm(), sum);
            }
        } else if (p.size() != len) {
            return false;
        }
        synchronized (progressOrder) {
            completed.put(n, p);
            bytesDone.addAndGet(len);
        }
        resumed.incrementAndGet();
        client.metrics().partResumed();
        return true;
    }

    /** Sends part {@code n}; {@code afterwards} runs when it is done either way (e.g. gives its buffer back). */
    void send(int n, RequestBody body, Runnable afterwards) {
        boolean first = negotiated != null && firstSent.compareAndSet(false, true);
        Runnable done = first ? () -> {
            afterwards.run();
            negotiated.countDown();
        } : afterwards;
        try {
            if (negotiated != null && !first && client.flexibleChecksums() == null) {
                negotiated.await();
            }
            inFlight.acquire();
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            failure.compareAndSet(null, new S3TransientException("Interrupted while uploading " + key, 0, null, null, ie));
            done.run();
            return;
        }
        if (failure.get() != null) {
            inFlight.release();
            done.run();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    PartInfo p = client.uploadPart(bucket, key, uploadId, n, body, checksum);
                    checkpoints.partUploaded(uploadId, p);
                    client.metrics().partSent();
                    synchronized (progressOrder) {
                        completed.put(n, p);
                        long sentBytes = bytesDone.addAndGet(body.length());
                        progress.onPart(key, sentBytes, plan == null ? -1 : plan.objectSize(), completed.size(),
                                plan == null ? -1 : plan.partCount());
                    }
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    afterwards.run();
                    inFlight.release();
                    if (first) {
                        negotiated.countDown(); // after the permit: the parts it lets go find room
                    }
                }
            });
        } catch (RuntimeException rejected) {
            inFlight.release();
            failure.compareAndSet(null, rejected);
            done.run();
        }
    }

    /** Waits for the parts in flight (also after a failure, so no part is sent after the attempt ends). */
    void awaitInFlight() {
        inFlight.acquireUninterruptibly(concurrency);
        inFlight.release(concurrency);
    }

    /** After {@link #awaitInFlight()}: throws the first failure, if any. */
    void rethrowFailure() {
        RuntimeException e = failure.get();
        if (e != null) {
            throw e;
        }
    }

    /** The parts acknowledged or reused so far, by part number. */
    List<PartInfo> parts() {
        return new ArrayList<>(completed.values());
    }

    int resumedCount() {
        return resumed.get();
    }

    static String md5Hex(byte[] data, int length) {
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            md.update(data, 0, length);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
