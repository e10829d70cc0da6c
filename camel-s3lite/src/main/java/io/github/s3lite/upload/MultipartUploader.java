package io.github.s3lite.upload;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.PutResult;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3AccessDeniedException;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3Limits;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one object in parts, in parallel, with checkpoints.
 * <p>
 * Memory: a file is sent region by region from disk; a stream is read into part-sized buffers, at most
 * {@code concurrency + 1} at a time. Resume: parts whose checkpoint key {@code part:<uploadId>:<n>:<etag>} matches
 * what ListParts reports are reused; anything else is sent again. On a permanent failure the upload is aborted
 * and its checkpoint forgotten; on a transient one both stay so that the next attempt (a Camel redelivery, a
 * restarted JVM, another node sharing the repository) resumes.
 */
public final class MultipartUploader {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);

    /** Upload settings. */
    public record Settings(long partSize, int concurrency, long maxObjectSize, ChecksumAlgorithm checksum) {
        public Settings {
            PartPlan.checkPartSize(partSize);
            if (concurrency < 1) {
                throw new IllegalArgumentException("uploadConcurrency must be at least 1, was " + concurrency);
            }
            Objects.requireNonNull(checksum, "checksum");
        }
    }

    private final S3Client client;
    private final Executor executor;
    private final CheckpointStore store;
    private final Settings settings;
    private final UploadProgress progress;

    public MultipartUploader(S3Client client, Executor executor, CheckpointStore store, Settings settings,
            UploadProgress progress) {
        this.client = client;
        this.executor = executor;
        this.store = store == null ? CheckpointStore.NONE : store;
        this.settings = settings;
        this.progress = progress == null ? UploadProgress.NONE : progress;
    }

    /** Uploads {@code source} to bucket/key in parts, resuming a checkpointed upload of the same source. */
    public UploadResult upload(String bucket, String key, UploadSource source, ObjectWriteOptions options) {
        PartPlan plan = source.length() >= 0
                ? PartPlan.forLength(source.length(), settings.partSize(), settings.maxObjectSize())
                : null;
        long partSize = plan != null ? plan.partSize() : settings.partSize();
        Buffers buffers = null;
        byte[] firstBuffer = null;
        int firstLength = 0;
        if (source instanceof UploadSource.StreamSource s) {
            buffers = new Buffers((int) partSize, streamConcurrency(partSize) + 1);
            firstBuffer = buffers.take();
            firstLength = readPart(s.stream(), firstBuffer, key, 1);
            if (s.length() < 0 && firstLength < partSize) {
                // the whole stream fit in one part: a single PUT is cheaper than a multipart upload
                PutResult r = client.putObject(bucket, key, new RequestBody.Bytes(firstBuffer, 0, firstLength), options,
                        settings.checksum());
                return new UploadResult(r.eTag(), r.versionId(), null, 1, 0, false);
            }
        }
        String target = CheckpointKeys.target(bucket, key);
        String sourceId = CheckpointKeys.id(bucket + "\n" + key + "\n" + source.identity() + "\n" + partSize);

        UploadResult done = alreadyUploaded(bucket, key, sourceId);
        if (done != null) {
            return done;
        }
        String uploadId = findResumable(bucket, key, target, sourceId);
        Map<Integer, PartInfo> existing = Map.of();
        if (uploadId != null) {
            try {
                existing = partsOf(bucket, key, uploadId);
            } catch (S3NotFoundException e) {
                LOG.info("Checkpointed upload {} of {}/{} no longer exists ({}): starting over", uploadId, bucket, key,
                        e.getErrorCode());
                forget(target, sourceId, uploadId, List.of());
                uploadId = null;
            }
        }
        // The lead key is held for this whole attempt, so a node that finds neither an upload nor the lead key is
        // certain to see this node's upload (its src key is recorded before the lead key goes away).
        boolean leading = false;
        if (uploadId == null) {
            leading = store.add(CheckpointKeys.lead(sourceId));
            if (!leading) {
                // another node sharing the checkpoints is uploading this source right now: join it
                uploadId = awaitUploadByOther(bucket, key, target, sourceId);
                if (uploadId != null) {
                    existing = partsOf(bucket, key, uploadId);
                }
            }
        }
        try {
            return send(bucket, key, source, options, buffers, firstBuffer, firstLength, partSize, plan, target, sourceId,
                    uploadId, existing);
        } finally {
            if (leading) {
                store.remove(CheckpointKeys.lead(sourceId));
            }
        }
    }

    private UploadResult send(String bucket, String key, UploadSource source, ObjectWriteOptions options, Buffers buffers,
            byte[] firstBuffer, int firstLength, long partSize, PartPlan plan, String target, String sourceId,
            String uploadId, Map<Integer, PartInfo> existing) {
        if (uploadId == null) {
            uploadId = client.createMultipartUpload(bucket, key, options);
            // src before mpu: a node seeing mpu without this src takes the upload for a stale one of another source
            store.record(CheckpointKeys.src(sourceId, uploadId));
            store.record(CheckpointKeys.mpu(target, uploadId));
            LOG.debug("Started multipart upload {} of {}/{}", uploadId, bucket, key);
            String chosen = converge(bucket, key, target, sourceId, uploadId);
            if (!chosen.equals(uploadId)) {
                uploadId = chosen;
                existing = partsOf(bucket, key, uploadId);
            }
        } else {
            LOG.info("Resuming multipart upload {} of {}/{}: the server holds {} parts", uploadId, bucket, key, existing.size());
        }
        int concurrency = source instanceof UploadSource.StreamSource ? streamConcurrency(partSize) : settings.concurrency();
        Run run = new Run(bucket, key, uploadId, existing, plan, concurrency);
        try {
            if (source instanceof UploadSource.FileSource f) {
                run.sendFile(f);
            } else {
                run.sendStream((UploadSource.StreamSource) source, buffers, firstBuffer, firstLength, partSize);
            }
            List<PartInfo> parts = new ArrayList<>(run.completed.values());
            parts.sort(Comparator.comparingInt(PartInfo::partNumber));
            PutResult result;
            try {
                result = client.completeMultipartUpload(bucket, key, uploadId, parts, null);
            } catch (S3Exception e) {
                // Another node sharing the checkpoints may be completing this very upload (NoSuchUpload, or the store
                // failing two concurrent completions, or InvalidPart while it still rewrites a part): wait for its
                // done mark before calling this a failure.
                if (e instanceof S3AccessDeniedException || store == CheckpointStore.NONE) {
                    throw e;
                }
                UploadResult byOther = awaitCompletionByOther(bucket, key, sourceId);
                if (byOther != null) {
                    return byOther;
                }
                throw e;
            }
            store.record(CheckpointKeys.done(sourceId, result.eTag()));
            forget(target, sourceId, uploadId, parts);
            store.remove(CheckpointKeys.lead(sourceId)); // also one left by a node that crashed while leading
            return new UploadResult(result.eTag(), result.versionId(), uploadId, parts.size(), run.resumed.get(), false);
        } catch (RuntimeException e) {
            throw onFailure(e, bucket, key, target, sourceId, uploadId, run);
        }
    }

    /**
     * Two nodes sharing the checkpoint repository can start an upload of the same source at the same moment.
     * Each lists the uploads that carry this source and keeps the smallest upload id; a node whose own upload
     * lost aborts it and joins the winner (parts are the same bytes at the same numbers, so joining is safe).
     */
    private String converge(String bucket, String key, String target, String sourceId, String mine) {
        if (store == CheckpointStore.NONE) {
            return mine;
        }
        String winner = mine;
        for (MultipartUploadInfo u : client.listMultipartUploads(bucket, key)) {
            if (u.key().equals(key) && u.uploadId().compareTo(winner) < 0
                    && store.contains(CheckpointKeys.src(sourceId, u.uploadId()))) {
                winner = u.uploadId();
            }
        }
        if (!winner.equals(mine)) {
            LOG.info("Another node is uploading the same source to {}/{} (upload {}): joining it", bucket, key, winner);
            try {
                client.abortMultipartUpload(bucket, key, mine);
            } catch (S3NotFoundException e) {
                // already gone
            }
            forget(target, sourceId, mine, List.of());
        }
        return winner;
    }

    private Map<Integer, PartInfo> partsOf(String bucket, String key, String uploadId) {
        return client.listParts(bucket, key, uploadId).stream()
                .collect(Collectors.toMap(PartInfo::partNumber, Function.identity(), (a, b) -> b));
    }

    /**
     * Another node holds the {@code lead} key of this source: up to 5 s for its upload to appear. A lead key left
     * by a node that crashed (and whose upload vanished) is taken over after that.
     */
    private String awaitUploadByOther(String bucket, String key, String target, String sourceId) {
        String id = poll(25, () -> findResumable(bucket, key, target, sourceId));
        if (id != null) {
            LOG.info("Another node started upload {} of the same source to {}/{}: joining it", id, bucket, key);
        }
        return id;
    }

    /** After a failed completion: up to 30 s for another node's {@code done} mark of this source to appear. */
    private UploadResult awaitCompletionByOther(String bucket, String key, String sourceId) {
        return store == CheckpointStore.NONE ? null : poll(150, () -> alreadyUploaded(bucket, key, sourceId));
    }

    /** Asks {@code check} every 200 ms, at most {@code attempts} times: its first non-null answer, else null. */
    private static <T> T poll(int attempts, java.util.function.Supplier<T> check) {
        for (int i = 0; i < attempts; i++) {
            T answer = check.get();
            if (answer != null) {
                return answer;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    /** The object exists with an ETag that a {@code done} checkpoint of this source names. */
    private UploadResult alreadyUploaded(String bucket, String key, String sourceId) {
        if (store == CheckpointStore.NONE) {
            return null;
        }
        try {
            ObjectInfo head = client.headObject(bucket, key, null);
            if (store.contains(CheckpointKeys.done(sourceId, head.eTag()))) {
                LOG.info("{}/{} already holds this source (ETag {}): nothing to send", bucket, key, head.eTag());
                return new UploadResult(head.eTag(), head.versionId(), null, 0, 0, true);
            }
        } catch (S3NotFoundException e) {
            // not there (or deleted since): upload it
        }
        return null;
    }

    /**
     * The server lists in-progress uploads of this key; the repository tells which one carries this source.
     * Uploads s3lite started for this key from another (changed) source are stale: abort them.
     */
    private String findResumable(String bucket, String key, String target, String sourceId) {
        if (store == CheckpointStore.NONE) {
            return null;
        }
        String found = null;
        for (MultipartUploadInfo u : client.listMultipartUploads(bucket, key)) {
            if (!u.key().equals(key)) {
                continue;
            }
            if (store.contains(CheckpointKeys.src(sourceId, u.uploadId()))) {
                // several uploads of this source (a race between nodes): all converge on the smallest id
                if (found == null || u.uploadId().compareTo(found) < 0) {
                    found = u.uploadId();
                }
            } else if (store.contains(CheckpointKeys.mpu(target, u.uploadId()))) {
                LOG.info("Aborting stale upload {} of {}/{}: its source changed", u.uploadId(), bucket, key);
                List<PartInfo> parts = List.of();
                try {
                    parts = client.listParts(bucket, key, u.uploadId());
                    client.abortMultipartUpload(bucket, key, u.uploadId());
                } catch (S3NotFoundException e) {
                    // gone already
                }
                forget(target, null, u.uploadId(), parts);
            }
        }
        return found;
    }

    private RuntimeException onFailure(RuntimeException e, String bucket, String key, String target, String sourceId,
            String uploadId, Run run) {
        if (e instanceof S3NotFoundException nf && "NoSuchUpload".equals(nf.getErrorCode())) {
            forget(target, sourceId, uploadId, new ArrayList<>(run.completed.values()));
            return new S3TransientException("Multipart upload " + uploadId + " of " + bucket + "/" + key
                    + " vanished (expired or aborted); a retry starts a fresh one", nf.getStatusCode(), nf.getErrorCode(),
                    nf.getRequestId(), nf);
        }
        boolean resumable = e instanceof S3Exception s && s.isTransient();
        if (resumable) {
            LOG.warn("Multipart upload {} of {}/{} interrupted after {} of its parts ({}); checkpoint kept for resume",
                    uploadId, bucket, key, run.completed.size(), e.getMessage());
            return e;
        }
        LOG.warn("Multipart upload {} of {}/{} failed permanently ({}): aborting it", uploadId, bucket, key, e.getMessage());
        try {
            client.abortMultipartUpload(bucket, key, uploadId);
        } catch (RuntimeException abortFailure) {
            e.addSuppressed(abortFailure);
        }
        forget(target, sourceId, uploadId, new ArrayList<>(run.completed.values()));
        return e;
    }

    private void forget(String target, String sourceId, String uploadId, List<PartInfo> parts) {
        for (PartInfo p : parts) {
            store.remove(CheckpointKeys.part(uploadId, p.partNumber(), p.eTag()));
        }
        store.remove(CheckpointKeys.mpu(target, uploadId)); // mpu before src, for the same reason
        if (sourceId != null) {
            store.remove(CheckpointKeys.src(sourceId, uploadId));
        }
    }

    /**
     * Parts of a stream in flight at once: {@code uploadConcurrency}, but no more than lets all part buffers (those
     * in flight plus the one being read) take a quarter of the maximum heap, and at least one. A 1 GiB stream in a
     * 64 MiB heap then goes one 8 MiB part at a time instead of running out of memory; files are not limited (their
     * parts are read from disk region by region).
     */
    int streamConcurrency(long partSize) {
        long budget = Runtime.getRuntime().maxMemory() / 4;
        long fit = budget / partSize - 1;
        int n = (int) Math.max(1, Math.min(settings.concurrency(), fit));
        if (n < settings.concurrency()) {
            LOG.debug("Stream upload with {} part(s) in flight instead of {}: {} MiB parts in a {} MiB heap", n,
                    settings.concurrency(), partSize >> 20, Runtime.getRuntime().maxMemory() >> 20);
        }
        return n;
    }

    /**
     * Part-sized buffers for stream bodies, reused: at most {@code concurrency + 1} exist at a time (the parts in
     * flight plus the one being read), so memory is bounded by the part size, not the stream length.
     */
    private static final class Buffers {
        private final java.util.concurrent.ArrayBlockingQueue<byte[]> free;
        private final int size;

        Buffers(int size, int capacity) {
            this.size = size;
            this.free = new java.util.concurrent.ArrayBlockingQueue<>(capacity);
        }

        byte[] take() {
            byte[] b = free.poll();
            return b != null ? b : new byte[size];
        }

        void give(byte[] b) {
            free.offer(b);
        }
    }

    /** Fills {@code buf} from the stream; fewer bytes only at the end of the stream. */
    private static int readPart(InputStream in, byte[] buf, String key, int partNumber) {
        try {
            return in.readNBytes(buf, 0, buf.length);
        } catch (IOException e) {
            throw new S3TransientException("Reading part " + partNumber + " of the body for " + key + " failed: " + e,
                    0, null, null, e);
        }
    }

    /** The state of one attempt. */
    private final class Run {
        final String bucket;
        final String key;
        final String uploadId;
        final Map<Integer, PartInfo> existing;
        final PartPlan plan;
        final Map<Integer, PartInfo> completed = new ConcurrentSkipListMap<>();
        final AtomicInteger resumed = new AtomicInteger();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final AtomicLong bytesDone = new AtomicLong();
        final int concurrency;
        final Semaphore inFlight;

        Run(String bucket, String key, String uploadId, Map<Integer, PartInfo> existing, PartPlan plan, int concurrency) {
            this.concurrency = concurrency;
            this.inFlight = new Semaphore(concurrency);
            this.bucket = bucket;
            this.key = key;
            this.uploadId = uploadId;
            this.existing = existing;
            this.plan = plan;
        }

        void sendFile(UploadSource.FileSource f) {
            try {
                for (int n = 1; n <= plan.partCount() && failure.get() == null; n++) {
                    long len = plan.length(n);
                    if (!reusable(n, len, null)) {
                        submit(n, RequestBody.of(f.path(), plan.offset(n), len), null, null);
                    }
                }
            } finally {
                awaitInFlight();
            }
            rethrowFailure();
        }

        void sendStream(UploadSource.StreamSource s, Buffers buffers, byte[] first, int firstLength, long partSize) {
            byte[] buf = first;
            int len = firstLength;
            long total = 0;
            try {
                for (int n = 1; failure.get() == null; n++) {
                    if (n > 1) {
                        buf = buffers.take();
                        len = readPart(s.stream(), buf, key, n);
                        if (len == 0) {
                            buffers.give(buf);
                            break;
                        }
                    }
                    if (n > S3Limits.MAX_PARTS) {
                        throw new IllegalArgumentException("The stream for " + key + " is longer than " + S3Limits.MAX_PARTS
                                + " parts of " + partSize + " bytes: raise partSize");
                    }
                    total += len;
                    if (total > settings.maxObjectSize()) {
                        throw new IllegalArgumentException("The stream for " + key
                                + " exceeds the configured maximum object size of " + settings.maxObjectSize()
                                + " bytes (maxObjectSize)");
                    }
                    if (reusable(n, len, buf)) {
                        buffers.give(buf);
                    } else {
                        submit(n, new RequestBody.Bytes(buf, 0, len), buf, buffers);
                    }
                    if (len < partSize) {
                        break;
                    }
                }
            } finally {
                awaitInFlight();
            }
            rethrowFailure();
            if (s.length() >= 0 && total != s.length()) {
                throw new IllegalArgumentException("The body for " + key + " had " + total + " bytes, not the announced "
                        + s.length() + ": nothing was completed");
            }
        }

        /** A part the server holds and the checkpoint confirmed (and, for stream buffers, whose MD5 matches). */
        private boolean reusable(int n, long len, byte[] content) {
            PartInfo p = existing.get(n);
            if (p == null || p.size() != len || !store.contains(CheckpointKeys.part(uploadId, n, p.eTag()))) {
                return false;
            }
            if (content != null && !md5Hex(content, (int) len).equals(CheckpointKeys.stripQuotes(p.eTag()))) {
                return false;
            }
            completed.put(n, p);
            resumed.incrementAndGet();
            bytesDone.addAndGet(len);
            return true;
        }

        /** Sends one part on the executor; {@code buffer} (stream parts) goes back to {@code buffers} when done. */
        private void submit(int n, RequestBody body, byte[] buffer, Buffers buffers) {
            try {
                inFlight.acquire();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new S3TransientException("Interrupted while uploading " + key, 0, null, null, ie));
                return;
            }
            if (failure.get() != null) {
                inFlight.release();
                return;
            }
            try {
                executor.execute(() -> {
                    try {
                        PartInfo p = client.uploadPart(bucket, key, uploadId, n, body, settings.checksum());
                        store.record(CheckpointKeys.part(uploadId, n, p.eTag()));
                        completed.put(n, p);
                        long done = bytesDone.addAndGet(body.length());
                        progress.onPart(key, done, plan == null ? -1 : plan.objectSize(), completed.size(),
                                plan == null ? -1 : plan.partCount());
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        if (buffer != null) {
                            buffers.give(buffer);
                        }
                        inFlight.release();
                    }
                });
            } catch (RuntimeException rejected) {
                inFlight.release();
                failure.compareAndSet(null, rejected);
            }
        }

        /** Waits for the parts in flight. */
        private void awaitInFlight() {
            inFlight.acquireUninterruptibly(concurrency);
            inFlight.release(concurrency);
        }

        private void rethrowFailure() {
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
        }
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
