package io.github.s3lite.upload;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executor;

import io.github.s3lite.client.CopyResult;
import io.github.s3lite.client.CopySource;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectStorageOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3Limits;

/**
 * Server-side copy of one object, of any size: the source is HEADed (pinned to {@link CopySource#ifMatch()} when
 * given), and that version is copied, with one CopyObject up to {@code multipartCopyThreshold} and with
 * {@link MultipartCopier} (UploadPartCopy in parallel parts, checkpointed) above it. Every copy request is pinned
 * to the HEADed ETag ({@code x-amz-copy-source-if-match}): a source overwritten meanwhile fails the copy with 412
 * ({@code S3PreconditionFailedException}) instead of copying another version or a mix of two.
 * <p>
 * Content headers and metadata: with {@code replace} null the destination gets the source's (CopyObject copies
 * them; a multipart copy gives the HEADed ones to CreateMultipartUpload, as UploadPartCopy copies bytes only);
 * with {@code replace} it gets exactly those. Destination conditions ({@code ifMatch}, {@code ifNoneMatch "*"})
 * go on CopyObject or CompleteMultipartUpload, and a multipart copy checks them with a HEAD first as uploads do.
 */
public final class ObjectCopier {

    /** Copy settings: the size above which a copy goes in parts, the part size, parallel parts. */
    public record Settings(long multipartCopyThreshold, long partSize, int concurrency, long maxObjectSize,
            Duration staleUploadAge) {
        public Settings {
            if (multipartCopyThreshold < 0 || multipartCopyThreshold > S3Limits.MAX_COPY_OBJECT_SIZE) {
                throw new IllegalArgumentException("multipartCopyThreshold must be 0 to 5 GiB (the largest CopyObject), was "
                        + multipartCopyThreshold);
            }
            PartPlan.checkPartSize(partSize);
            if (concurrency < 1) {
                throw new IllegalArgumentException("uploadConcurrency must be at least 1, was " + concurrency);
            }
            Objects.requireNonNull(staleUploadAge, "staleUploadAge");
        }
    }

    private final S3LiteClient client;
    private final Settings settings;
    private final MultipartCopier multipart;
    private final Executor executor;
    private final CheckpointStore store;

    public ObjectCopier(S3LiteClient client, Executor executor, CheckpointStore store, Settings settings) {
        this.client = Objects.requireNonNull(client, "client");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.executor = executor;
        this.store = store;
        this.multipart = new MultipartCopier(client, executor, store, settings);
    }

    /** The same copier sending through {@code other} (a client view with another SSE-C key, owner or payer). */
    public ObjectCopier with(S3LiteClient other) {
        return other == client ? this : new ObjectCopier(other, executor, store, settings);
    }

    /**
     * {@link #copy(CopySource, ObjectInfo, String, String, ObjectWriteOptions, String, String)} whose destination is
     * stored with {@code storage} (encryption, storage class, ACL, tags, Object Lock; null: the bucket's defaults).
     */
    public CopyOutcome copy(CopySource source, ObjectInfo head, String bucket, String key, ObjectWriteOptions replace,
            ObjectStorageOptions storage, String ifMatch, String ifNoneMatch) {
        CopySource pinned = source.pinnedTo(head.eTag());
        if (head.contentLength() <= settings.multipartCopyThreshold() || head.contentLength() <= 0) {
            // stores that ignore conditions on CopyObject (see the README's store notes) are checked here too
            checkConditions(client, bucket, key, ObjectWriteOptions.DEFAULTS.withIfMatch(ifMatch).withIfNoneMatch(ifNoneMatch));
            CopyResult r = client.copyObject(pinned, bucket, key, replace, storage, ifMatch, ifNoneMatch);
            return new CopyOutcome(r.eTag(), r.versionId(), r.lastModified(), head.contentLength(), head.eTag(), null, 1, 0,
                    false);
        }
        ObjectWriteOptions written = (replace != null ? replace : ObjectWriteOptions.of(head)).withIfMatch(ifMatch)
                .withIfNoneMatch(ifNoneMatch);
        return multipart.copy(pinned, head, bucket, key, storage == null ? written : written.withStorage(storage));
    }

    /**
     * Copies {@code source} to bucket/key. Throws {@code S3PreconditionFailedException} when the source no longer
     * has {@code source.ifMatch()} (or changes during the copy) or a destination condition fails,
     * {@code S3NotFoundException} when the source is gone.
     */
    public CopyOutcome copy(CopySource source, String bucket, String key, ObjectWriteOptions replace, String ifMatch,
            String ifNoneMatch) {
        ObjectInfo head = client.headObject(source.bucket(), source.key(), new GetOptions(null, source.ifMatch(), null));
        return copy(source, head, bucket, key, replace, ifMatch, ifNoneMatch);
    }

    /** {@link #copy} of the source version {@code head} describes (a HEAD the caller already made, pinned or not). */
    public CopyOutcome copy(CopySource source, ObjectInfo head, String bucket, String key, ObjectWriteOptions replace,
            String ifMatch, String ifNoneMatch) {
        return copy(source, head, bucket, key, replace, replace == null ? null : replace.storage(), ifMatch, ifNoneMatch);
    }

    /** The destination conditions of {@code options}, checked with a HEAD of bucket/key when there are any. */
    static void checkConditions(S3LiteClient client, String bucket, String key, ObjectWriteOptions options) {
        if (WriteConditions.present(options)) {
            WriteConditions.check(MultipartServer.of(client).head(bucket, key), bucket, key, options);
        }
    }

    public Settings settings() {
        return settings;
    }
}
