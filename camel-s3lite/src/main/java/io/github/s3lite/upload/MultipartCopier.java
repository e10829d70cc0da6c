package io.github.s3lite.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.CopySource;
import io.github.s3lite.client.ETags;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server-side copy in parts: CreateMultipartUpload with the destination's content headers and metadata, then
 * UploadPartCopy of each byte range of the source, at most {@code concurrency} at a time, each pinned to the
 * source's ETag, then a HEAD of the source pinned to that ETag (Ceph RGW 16 ignores the pin on UploadPartCopy: a
 * source overwritten meanwhile fails here, before anything is completed), then CompleteMultipartUpload
 * ({@link Completion}, with the destination conditions; its {@code done} mark vouches for the content, since the
 * identity holds the source's ETag).
 * <p>
 * Checkpoints follow {@link CheckpointProtocol} exactly as uploads do, with the source identity
 * {@code copy:<bucket>/<key>@<etag>} plus the written headers: a copy interrupted by a transient failure or a
 * crash is resumed by the next attempt (a redelivery, a restarted JVM, another node sharing the repository),
 * copying again only the parts not confirmed; a completed one whose answer was lost is recognised by its
 * {@code done} key. A permanent failure (the source changed: 412; refused: 403, 400) aborts the upload and
 * forgets its keys; with checkpoints off every failure aborts. An upload left behind by a crash is resumed, or
 * removed by {@code abortStaleUploads} like any upload.
 * <p>
 * Checksums: the upload declares no flexible checksum, and CompleteMultipartUpload lists only part numbers and
 * ETags. The bytes never pass through this client, so there is nothing of its own to compare; the server copies
 * them and computes the destination's checksums itself (AWS S3: CRC64NVME by default).
 */
final class MultipartCopier {
    private static final Logger LOG = LoggerFactory.getLogger(MultipartCopier.class);
    private static final long COMPLETE_RETRY_DELAY_MILLIS = 300;

    private final S3LiteClient client;
    private final MultipartServer server;
    private final Executor executor;
    private final CheckpointStore store;
    private final ObjectCopier.Settings settings;

    MultipartCopier(S3LiteClient client, Executor executor, CheckpointStore store, ObjectCopier.Settings settings) {
        this.client = client;
        this.server = MultipartServer.of(client);
        this.executor = executor;
        this.store = store == null ? CheckpointStore.NONE : store;
        this.settings = settings;
    }

    /** Copies the version {@code head} describes ({@code source} is pinned to it) to bucket/key with {@code written}. */
    CopyOutcome copy(CopySource source, ObjectInfo head, String bucket, String key, ObjectWriteOptions written) {
        PartPlan plan = PartPlan.forLength(head.contentLength(), settings.partSize(), settings.maxObjectSize());
        CheckpointProtocol checkpoints = new CheckpointProtocol(store, server, bucket, key, identity(source, written),
                plan.partSize(), settings.staleUploadAge());
        UploadResult done = checkpoints.alreadyUploaded();
        if (done != null) {
            return new CopyOutcome(done.eTag(), done.versionId(), null, plan.objectSize(), source.ifMatch(), null,
                    plan.partCount(), 0, true);
        }
        ObjectCopier.checkConditions(client, bucket, key, written);
        CheckpointProtocol.Resumable resumable = checkpoints.resumable();
        String uploadId;
        Map<Integer, PartInfo> existing;
        if (resumable == null) {
            uploadId = client.createMultipartUpload(bucket, key, written.withoutConditions(), ChecksumAlgorithm.NONE);
            checkpoints.started(uploadId);
            String chosen = checkpoints.converge(uploadId);
            existing = chosen.equals(uploadId) ? Map.of() : checkpoints.partsOf(chosen);
            uploadId = chosen;
            LOG.debug("Copying {} to {}/{} in {} parts (upload {})", source, bucket, key, plan.partCount(), uploadId);
        } else {
            uploadId = resumable.uploadId();
            existing = resumable.parts();
            LOG.info("Resuming the copy of {} to {}/{} (upload {}): the server holds {} of {} parts", source, bucket, key,
                    uploadId, existing.size(), plan.partCount());
        }
        Parts parts = new Parts(source, bucket, key, uploadId, plan, checkpoints);
        try {
            parts.copyAll(existing);
            // stores that ignore x-amz-copy-source-if-match (Ceph RGW 16) may have copied parts of a newer version:
            // the source must still be the pinned version after the last part, or the upload is aborted
            client.headObject(source.bucket(), source.key(), new GetOptions(null, source.ifMatch(), null));
            UploadResult r = new Completion(client, server, checkpoints, COMPLETE_RETRY_DELAY_MILLIS, true)
                    .complete(bucket, key, uploadId, parts.sorted(), parts.resumed.get(), written.ifMatch(),
                            written.ifNoneMatch());
            return new CopyOutcome(r.eTag(), r.versionId(), null, plan.objectSize(), source.ifMatch(), uploadId,
                    plan.partCount(), r.resumedPartCount(), false);
        } catch (RuntimeException e) {
            throw onFailure(e, source, bucket, key, checkpoints, uploadId, parts.sorted());
        }
    }

    /**
     * What identifies this copy for resume: the source version and everything CreateMultipartUpload fixed (a retry
     * with other headers or metadata is another copy, not a resume).
     */
    static String identity(CopySource source, ObjectWriteOptions written) {
        StringBuilder sb = new StringBuilder("copy:").append(source.bucket()).append('/').append(source.key()).append('@')
                .append(ETags.bare(String.valueOf(source.ifMatch())));
        for (String v : new String[] { written.contentType(), written.contentEncoding(), written.cacheControl(),
                written.contentDisposition(), written.contentLanguage(), written.expires() }) {
            sb.append('\n').append(v == null ? "" : v);
        }
        new TreeMap<>(written.metadata()).forEach((k, v) -> sb.append('\n').append(k).append('=').append(v));
        return CheckpointKeys.id(sb.toString());
    }

    private RuntimeException onFailure(RuntimeException e, CopySource source, String bucket, String key,
            CheckpointProtocol checkpoints, String uploadId, List<PartInfo> parts) {
        if (e instanceof S3NotFoundException nf && "NoSuchUpload".equals(nf.getErrorCode())) {
            checkpoints.forget(uploadId, parts);
            return new S3TransientException("Multipart copy " + uploadId + " of " + source + " to " + bucket + "/" + key
                    + " vanished (expired or aborted); a retry starts a fresh one", nf.getStatusCode(), nf.getErrorCode(),
                    nf.getRequestId(), nf);
        }
        if (e instanceof S3Exception s3 && s3.isTransient() && checkpoints.enabled()) {
            LOG.warn("Copy of {} to {}/{} (upload {}) interrupted after {} parts ({}); checkpoint kept for resume", source,
                    bucket, key, uploadId, parts.size(), e.getMessage());
            return e;
        }
        LOG.warn("Copy of {} to {}/{} (upload {}) failed ({}): aborting it", source, bucket, key, uploadId, e.getMessage());
        try {
            server.abort(bucket, key, uploadId);
        } catch (RuntimeException abortFailure) {
            e.addSuppressed(abortFailure);
        }
        checkpoints.forget(uploadId, parts);
        return e;
    }

    /** The part copies of one attempt: reused or copied, in parallel; the first failure stops new ones. */
    private final class Parts {
        final CopySource source;
        final String bucket;
        final String key;
        final String uploadId;
        final PartPlan plan;
        final CheckpointProtocol checkpoints;
        final Map<Integer, PartInfo> completed = new ConcurrentSkipListMap<>();
        final AtomicInteger resumed = new AtomicInteger();
        final AtomicReference<RuntimeException> failure = new AtomicReference<>();
        final Semaphore inFlight = new Semaphore(settings.concurrency());

        Parts(CopySource source, String bucket, String key, String uploadId, PartPlan plan, CheckpointProtocol checkpoints) {
            this.source = source;
            this.bucket = bucket;
            this.key = key;
            this.uploadId = uploadId;
            this.plan = plan;
            this.checkpoints = checkpoints;
        }

        void copyAll(Map<Integer, PartInfo> existing) {
            try {
                for (int n = 1; n <= plan.partCount() && failure.get() == null; n++) {
                    PartInfo p = existing.get(n);
                    if (p != null && p.size() == plan.length(n) && checkpoints.partConfirmed(uploadId, p)) {
                        completed.put(n, new PartInfo(n, p.eTag(), p.size(), p.lastModified()));
                        resumed.incrementAndGet();
                    } else {
                        submit(n);
                    }
                }
            } finally {
                inFlight.acquireUninterruptibly(settings.concurrency());
                inFlight.release(settings.concurrency());
            }
            RuntimeException e = failure.get();
            if (e != null) {
                throw e;
            }
        }

        private void submit(int n) {
            try {
                inFlight.acquire();
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new S3TransientException("Interrupted while copying " + source, 0, null, null, ie));
                return;
            }
            if (failure.get() != null) {
                inFlight.release();
                return;
            }
            long first = plan.offset(n);
            long last = first + plan.length(n) - 1;
            try {
                executor.execute(() -> {
                    try {
                        PartInfo p = client.uploadPartCopy(source, first, last, bucket, key, uploadId, n);
                        checkpoints.partUploaded(uploadId, p);
                        completed.put(n, p);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    } finally {
                        inFlight.release();
                    }
                });
            } catch (RuntimeException rejected) {
                inFlight.release();
                failure.compareAndSet(null, rejected);
            }
        }

        List<PartInfo> sorted() {
            return new ArrayList<>(completed.values());
        }
    }
}
