package io.github.s3lite.upload;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.PutResult;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Uploads one object in parts, in parallel, with checkpoints: plan, then resume or create the upload (what must be
 * known first is asked by {@link Preflight} with as few serial round trips as possible), send the parts, complete. The checkpoint rules are in {@link CheckpointProtocol}, part sending in {@link PartSender},
 * stream reading in {@link StreamParts} and {@link StreamPartReader}, stream buffers in {@link PartBufferPool}, and the (idempotent)
 * completion in {@link Completion}.
 * <p>
 * Memory: a stream is read into part-sized buffers, at most {@code concurrency + 1} at a time, leased from the
 * {@link MemoryBudget} all uploads share; a file part is read once into such a buffer while the budget has room
 * (checksum and body from one read), else sent region by region from disk. Resume: parts the server lists and the checkpoint confirmed are reused;
 * anything else is sent again. On a permanent failure the upload is aborted and its checkpoint forgotten; on a
 * transient one both stay so that the next attempt (a Camel redelivery, a restarted JVM, another node sharing the
 * repository) resumes.
 */
public final class MultipartUploader {

    private static final Logger LOG = LoggerFactory.getLogger(MultipartUploader.class);
    private static final long COMPLETE_RETRY_DELAY_MILLIS = 300;

    /** Upload settings. */
    public record Settings(long partSize, int concurrency, long maxObjectSize, ChecksumAlgorithm checksum,
            Duration staleUploadAge) {
        public Settings {
            PartPlan.checkPartSize(partSize);
            if (concurrency < 1) {
                throw new IllegalArgumentException("uploadConcurrency must be at least 1, was " + concurrency);
            }
            Objects.requireNonNull(checksum, "checksum");
            Objects.requireNonNull(staleUploadAge, "staleUploadAge");
        }

        /** With the default {@code staleUploadAge} of one day. */
        public Settings(long partSize, int concurrency, long maxObjectSize, ChecksumAlgorithm checksum) {
            this(partSize, concurrency, maxObjectSize, checksum, Duration.ofDays(1));
        }
    }

    private final S3LiteClient client;
    private final MultipartServer server;
    private final Executor executor;
    private final CheckpointStore store;
    private final Settings settings;
    private final UploadProgress progress;
    private final MemoryBudget budget;

    /** An uploader whose stream buffers count against the JVM's shared {@link MemoryBudget}. */
    public MultipartUploader(S3LiteClient client, Executor executor, CheckpointStore store, Settings settings,
            UploadProgress progress) {
        this(client, executor, store, settings, progress, MemoryBudget.shared());
    }

    public MultipartUploader(S3LiteClient client, Executor executor, CheckpointStore store, Settings settings,
            UploadProgress progress, MemoryBudget budget) {
        this.budget = Objects.requireNonNull(budget, "budget");
        this.client = client;
        this.server = MultipartServer.of(client);
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
        PartBufferPool buffers = null;
        StreamParts stream = null;
        try {
            if (source instanceof UploadSource.FileSource) {
                buffers = PartBufferPool.forFile(budget, partSize, settings.concurrency());
            } else if (source instanceof UploadSource.StreamSource s) {
                buffers = PartBufferPool.forStream(budget, partSize, settings.concurrency());
                stream = new StreamParts(buffers, s.stream(), key, partSize, settings.maxObjectSize(), s.length());
                if (s.length() < 0 && stream.firstLength < partSize) {
                    // the whole stream fit in one part: a single PUT is cheaper than a multipart upload
                    PutResult r = client.putObject(bucket, key, new RequestBody.Bytes(stream.first, 0, stream.firstLength),
                            options, settings.checksum());
                    return new UploadResult(r.eTag(), r.versionId(), null, 1, 0, false, r.storage());
                }
            }
            client.metrics().uploadStarted();
            try {
                return upload(bucket, key, source, options, plan, partSize, stream, buffers);
            } finally {
                client.metrics().uploadEnded();
            }
        } finally {
            if (buffers != null) {
                buffers.close();
            }
        }
    }

    private UploadResult upload(String bucket, String key, UploadSource source, ObjectWriteOptions options, PartPlan plan,
            long partSize, StreamParts stream, PartBufferPool buffers) {
        // a stream's identity (what the caller vouches for: breadcrumb and length) gets a fingerprint of its first
        // part, so two streams that share it but differ from byte 0 are two sources
        String identity = stream == null ? source.identity() : source.identity() + ":" + stream.fingerprint();
        CheckpointProtocol checkpoints = new CheckpointProtocol(store, server, bucket, key, identity, partSize,
                settings.staleUploadAge());

        // a file's identity vouches for its bytes; a stream's does not: a done mark is checked against its bytes
        java.util.function.Function<ObjectInfo, UploadResult> recognise = stream == null ? checkpoints::alreadyUploaded
                : head -> streamAlreadyUploaded(bucket, key, (UploadSource.StreamSource) source, stream,
                        checkpoints.doneObject(head));
        Preflight.Outcome before = Preflight.run(server, executor, checkpoints, bucket, key, options, recognise);
        if (before.alreadyUploaded() != null) {
            return before.alreadyUploaded();
        }
        CheckpointProtocol.Resumable resumable = before.resumable();
        // The lead key is held for this whole attempt, so a node that finds neither an upload nor the lead key is
        // certain to see this node's upload (its src key is recorded before the lead key goes away).
        boolean leading = false;
        if (resumable == null) {
            leading = checkpoints.lead();
            if (!leading) {
                // another node sharing the checkpoints is uploading this source right now: join it
                String other = Completion.poll(25, checkpoints::findResumable);
                if (other != null) {
                    LOG.info("Another node started upload {} of the same source to {}/{}: joining it", other, bucket, key);
                    resumable = new CheckpointProtocol.Resumable(other, checkpoints.partsOf(other));
                }
            }
        }
        try {
            return send(bucket, key, source, options, stream, buffers, plan, checkpoints, resumable, leading);
        } finally {
            if (leading) {
                checkpoints.releaseLead();
            }
        }
    }

    /**
     * The stream is the object {@code done} (named by a done mark of its identity) only if its bytes make that
     * object's ETag: the rest of the stream is read to tell. When they do not, the stream is read again from byte 0
     * for the upload; a stream that cannot be re-read is not compared (null: it is sent).
     */
    private static UploadResult streamAlreadyUploaded(String bucket, String key, UploadSource.StreamSource source,
            StreamParts stream, ObjectInfo done) {
        if (done == null) {
            return null;
        }
        if (source.reread() == null) {
            LOG.info("{}/{} may already hold this stream (ETag {}), but it cannot be compared without consuming it: "
                    + "sending it", bucket, key, done.eTag());
            return null;
        }
        String made = stream.eTagOfAll();
        if (MultipartETag.same(done.eTag(), made)) {
            LOG.info("{}/{} already holds this stream (ETag {} is the one its bytes make): nothing to send", bucket, key,
                    done.eTag());
            return new UploadResult(done.eTag(), done.versionId(), null, 0, 0, true);
        }
        LOG.info("{}/{} holds another content than this stream under the same identity (ETag {}, this stream makes {}): "
                + "sending it", bucket, key, done.eTag(), made);
        stream.restart(source.reread().get());
        return null;
    }

    private UploadResult send(String bucket, String key, UploadSource source, ObjectWriteOptions options,
            StreamParts stream, PartBufferPool buffers, PartPlan plan, CheckpointProtocol checkpoints,
            CheckpointProtocol.Resumable resumable, boolean leading) {
        String uploadId;
        Map<Integer, PartInfo> existing;
        if (resumable == null) {
            uploadId = client.createMultipartUpload(bucket, key, options, settings.checksum());
            checkpoints.started(uploadId);
            LOG.debug("Started multipart upload {} of {}/{}", uploadId, bucket, key);
            String chosen = checkpoints.converge(uploadId, leading);
            existing = chosen.equals(uploadId) ? Map.of() : checkpoints.partsOf(chosen);
            uploadId = chosen;
        } else {
            uploadId = resumable.uploadId();
            existing = resumable.parts();
            LOG.info("Resuming multipart upload {} of {}/{}: the server holds {} parts", uploadId, bucket, key, existing.size());
        }
        int concurrency = stream != null ? stream.buffers.concurrency() : settings.concurrency();
        PartChecksums sums = new PartChecksums(client, settings.checksum());
        PartSender parts = new PartSender(client, executor, checkpoints, settings.checksum(), sums, progress, bucket, key,
                uploadId, existing, plan, concurrency);
        progress.onStart(key, plan == null ? -1 : plan.objectSize(), plan == null ? -1 : plan.partCount());
        try {
            if (source instanceof UploadSource.FileSource f) {
                sendFile(parts, f, plan, buffers);
            } else {
                stream.send(parts);
            }
            List<PartInfo> sent = sums.complete(parts.parts(), source, plan);
            return new Completion(client, server, checkpoints, COMPLETE_RETRY_DELAY_MILLIS,
                    source instanceof UploadSource.FileSource)
                    .complete(bucket, key, uploadId, sent, parts.resumedCount(), options.ifMatch(), options.ifNoneMatch());
        } catch (RuntimeException e) {
            UploadResult won = completedByAnother(e, bucket, key, source, checkpoints, uploadId, parts);
            if (won != null) {
                return won;
            }
            throw onFailure(e, bucket, key, checkpoints, uploadId, parts, source);
        }
    }

    /**
     * A NoSuchUpload while sending parts or completing may mean another node (or exchange) sharing the checkpoints
     * completed this very upload: the object at the key then has a {@code done} mark of this source (written before
     * its CompleteMultipartUpload). A file's identity vouches for its content; a stream is compared byte for byte
     * (re-read from byte 0, its multipart ETag against the object's). Then this attempt is a success, reported like
     * {@code alreadyUploaded}; otherwise null (the upload vanished).
     * <p>
     * A request cut off with no answer read is asked the same question once (no waiting): a store refuses a part of
     * an upload that is gone before it reads the body (Ceph RGW answers NoSuchUpload instead of {@code 100 Continue}),
     * and an intermediary that sent the body on regardless closes, so the client, still writing, sees only a broken
     * pipe or a reset. This upload is then aborted (it may still exist: the other node may have completed another
     * upload of this source); it is a success only once it is known to be gone.
     */
    private UploadResult completedByAnother(RuntimeException e, String bucket, String key, UploadSource source,
            CheckpointProtocol checkpoints, String uploadId, PartSender parts) {
        boolean noSuchUpload = e instanceof S3NotFoundException nf && "NoSuchUpload".equals(nf.getErrorCode());
        if (!(noSuchUpload || cutOff(e)) || !checkpoints.enabled()) {
            return null;
        }
        ObjectInfo head = noSuchUpload && checkpoints.shared() ? Completion.poll(10, checkpoints::doneObject)
                : checkpoints.doneObject();
        if (head == null) {
            return null;
        }
        if (source instanceof UploadSource.StreamSource s) {
            if (s.reread() == null) {
                return null;
            }
            String made = SourceETag.of(s.reread().get(), checkpoints.partSize(), key);
            if (!MultipartETag.same(head.eTag(), made)) {
                return null;
            }
        }
        if (!noSuchUpload && !gone(bucket, key, uploadId, e)) {
            return null;
        }
        LOG.info("Upload {} of {}/{} is gone ({}) and the object holds this source (ETag {}): completed by "
                + "another node or exchange", uploadId, bucket, key, noSuchUpload ? "NoSuchUpload" : "cut off: "
                + e.getMessage(), head.eTag());
        checkpoints.forget(uploadId, parts.parts());
        return new UploadResult(head.eTag(), head.versionId(), uploadId, 0, 0, true);
    }

    /** A network failure with no answer read from the server: a reset, a broken pipe, a timeout. */
    private static boolean cutOff(RuntimeException e) {
        return e instanceof S3TransientException t && t.getStatusCode() == 0 && t.getCause() instanceof IOException;
    }

    /** Aborts {@code uploadId}: true once the server says it is gone (aborted now, or already). */
    private boolean gone(String bucket, String key, String uploadId, RuntimeException cause) {
        try {
            client.abortMultipartUpload(bucket, key, uploadId);
            return true;
        } catch (S3NotFoundException nf) {
            return true;
        } catch (RuntimeException abortFailure) {
            cause.addSuppressed(abortFailure);
            return false;
        }
    }

    /**
     * Sends the parts of a file. A part is read once into a buffer of the pool (when the shared budget has room),
     * and its checksum and its body both come from that buffer; without a buffer it is sent from disk (checksummed
     * in one read of the region, sent in another).
     */
    private static void sendFile(PartSender parts, UploadSource.FileSource f, PartPlan plan, PartBufferPool buffers) {
        try (PartFileReader reader = buffers == null ? null : new PartFileReader(f.path())) {
            for (int n = 1; n <= plan.partCount() && !parts.failed(); n++) {
                long len = plan.length(n);
                if (parts.reuse(n, len, null)) {
                    continue;
                }
                byte[] buf = buffers == null ? null : buffers.takeForFile();
                if (buf == null) {
                    parts.send(n, RequestBody.of(f.path(), plan.offset(n), len), () -> {
                    });
                    continue;
                }
                try {
                    reader.read(buf, plan.offset(n), Math.toIntExact(len));
                } catch (RuntimeException e) {
                    buffers.give(buf);
                    throw e;
                }
                parts.send(n, new RequestBody.Bytes(buf, 0, Math.toIntExact(len)), () -> buffers.give(buf));
            }
        } finally {
            parts.awaitInFlight();
        }
        parts.rethrowFailure();
    }

    private RuntimeException onFailure(RuntimeException e, String bucket, String key, CheckpointProtocol checkpoints,
            String uploadId, PartSender parts, UploadSource source) {
        if (e instanceof S3NotFoundException nf && "NoSuchUpload".equals(nf.getErrorCode())) {
            checkpoints.forget(uploadId, parts.parts());
            return new S3TransientException("Multipart upload " + uploadId + " of " + bucket + "/" + key
                    + " vanished (expired or aborted); a retry starts a fresh one", nf.getStatusCode(), nf.getErrorCode(),
                    nf.getRequestId(), nf);
        }
        // a stream that cannot be replayed cannot be resumed either: the next attempt would read it from where it stopped
        boolean replayable = !(source instanceof UploadSource.StreamSource s) || s.replayable();
        boolean resumable = e instanceof S3Exception s3 && s3.isTransient() && replayable;
        if (resumable) {
            LOG.warn("Multipart upload {} of {}/{} interrupted after {} of its parts ({}); checkpoint kept for resume",
                    uploadId, bucket, key, parts.parts().size(), e.getMessage());
            return e;
        }
        LOG.warn("Multipart upload {} of {}/{} failed permanently ({}): aborting it", uploadId, bucket, key, e.getMessage());
        try {
            client.abortMultipartUpload(bucket, key, uploadId);
        } catch (RuntimeException abortFailure) {
            e.addSuppressed(abortFailure);
        }
        checkpoints.forget(uploadId, parts.parts());
        return e;
    }
}
