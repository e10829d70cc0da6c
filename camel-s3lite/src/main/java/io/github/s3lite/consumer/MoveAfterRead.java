package io.github.s3lite.consumer;

import java.util.function.Supplier;

import io.github.s3lite.client.CopySource;
import io.github.s3lite.client.ETags;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectStorageOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.upload.CopyOutcome;
import io.github.s3lite.upload.ObjectCopier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * moveAfterRead: copies the delivered version to {@code destinationBucket}/{@code destinationPrefix}+key, verifies
 * the copy, and only then deletes the source, each step pinned to the delivered ETag:
 * <ol>
 * <li>the copy ({@link ObjectCopier}: one CopyObject up to {@code multipartCopyThreshold}, UploadPartCopy parts
 * above) carries {@code x-amz-copy-source-if-match}: a source overwritten since delivery fails with 412 and the newer
 * version is neither copied nor deleted (it is delivered later);</li>
 * <li>the copy must have the delivered size and the ETag the copy reported (and the source's, for a single
 * CopyObject of a single-part source);</li>
 * <li>the delete is {@link DeleteAfterRead#deletePinned conditional}.</li>
 * </ol>
 * Throws, keeping the source, when any step fails.
 */
public final class MoveAfterRead implements CommitStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MoveAfterRead.class);

    private final S3LiteClient client;
    private final ObjectCopier copier;
    private final String destinationBucket;
    private final String destinationPrefix;

    private final Supplier<ObjectStorageOptions> storage;

    /** {@code destinationBucket} null: the source bucket. */
    public MoveAfterRead(S3LiteClient client, ObjectCopier copier, String destinationBucket, String destinationPrefix) {
        this(client, copier, destinationBucket, destinationPrefix, () -> null);
    }

    /**
     * {@code storage}: how each copy is stored (encryption, storage class...; null: the destination bucket's
     * defaults), asked per copy (an Object Lock period counts from the copy). S3 applies the destination bucket's
     * default encryption to a copy that names none, not the source's.
     */
    public MoveAfterRead(S3LiteClient client, ObjectCopier copier, String destinationBucket, String destinationPrefix,
            Supplier<ObjectStorageOptions> storage) {
        this.client = client;
        this.copier = copier;
        this.destinationBucket = destinationBucket;
        this.destinationPrefix = destinationPrefix == null ? "" : destinationPrefix;
        this.storage = storage;
    }

    @Override
    public void commit(String bucket, String key, ObjectInfo delivered) {
        // only the version that was delivered: a newer one stays for a later poll
        ObjectInfo head = client.headObject(bucket, key, new GetOptions(null, delivered.eTag(), null));
        String destBucket = destinationBucket == null ? bucket : destinationBucket;
        String destKey = destinationPrefix + key;
        CopyOutcome copied;
        ObjectInfo copy;
        try {
            copied = copier.copy(new CopySource(bucket, key, delivered.eTag()), head, destBucket, destKey, null, storage.get(),
                    null, null);
            copy = client.headObject(destBucket, destKey, null);
        } catch (S3PreconditionFailedException changed) {
            throw changed; // the source was overwritten during the copy: nothing of the newer version was moved
        } catch (S3NotFoundException nf) {
            if ("NoSuchKey".equals(nf.getErrorCode()) && !exists(bucket, key)) {
                throw nf; // the source vanished
            }
            // a missing destination bucket is a failed move, not a vanished source
            throw new IllegalStateException("copy to " + destBucket + "/" + destKey + " failed: " + nf.getMessage(), nf);
        } catch (RuntimeException e) {
            throw new IllegalStateException("copy to " + destBucket + "/" + destKey + " failed: " + e.getMessage(), e);
        }
        verify(delivered, copied, copy, destBucket, destKey);
        DeleteAfterRead.deletePinned(client, bucket, key, delivered.eTag());
        LOG.debug("Moved {}/{} to {}/{}{}", bucket, key, destBucket, destKey,
                copied.multipart() ? " in " + copied.partCount() + " parts" : "");
    }

    private boolean exists(String bucket, String key) {
        try {
            client.headObject(bucket, key, null);
            return true;
        } catch (S3NotFoundException e) {
            return false;
        }
    }

    private static void verify(ObjectInfo delivered, CopyOutcome copied, ObjectInfo copy, String destBucket, String destKey) {
        String sourceETag = ETags.bare(delivered.eTag());
        String copyETag = ETags.bare(copy.eTag());
        // the ETag of an SSE-KMS or SSE-C object is no MD5 and a copy gets another one (AWS): compare the length only
        boolean encrypted = copy.storage().sseCustomerAlgorithm() != null || (copy.storage().serverSideEncryption() != null
                && copy.storage().serverSideEncryption().startsWith("aws:kms"));
        boolean sameAsSource = !copied.multipart() && !sourceETag.contains("-") && !encrypted;
        boolean sameAsCopied = copied.eTag() == null || copyETag.equals(ETags.bare(copied.eTag()));
        if (copy.contentLength() != delivered.contentLength() || (sameAsSource && !sourceETag.equals(copyETag))
                || !sameAsCopied) {
            throw new IllegalStateException("the copy " + destBucket + "/" + destKey + " (" + copy.contentLength()
                    + " bytes, ETag " + copy.eTag() + ") does not match the delivered object (" + delivered.contentLength()
                    + " bytes, ETag " + delivered.eTag() + ", copied as ETag " + copied.eTag() + ")");
        }
    }

    @Override
    public String describe() {
        return "moved";
    }
}
