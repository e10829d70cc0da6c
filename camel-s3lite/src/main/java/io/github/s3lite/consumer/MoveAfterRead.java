package io.github.s3lite.consumer;

import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * moveAfterRead: copies the delivered version to {@code destinationBucket}/{@code destinationPrefix}+key, verifies
 * the copy (HEAD: same size, and same ETag when the source ETag is a single-part one) and only then deletes the
 * source. Throws, keeping the source, when any step fails.
 */
public final class MoveAfterRead implements CommitStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(MoveAfterRead.class);

    private final S3LiteClient client;
    private final String destinationBucket;
    private final String destinationPrefix;

    /** {@code destinationBucket} null: the source bucket. */
    public MoveAfterRead(S3LiteClient client, String destinationBucket, String destinationPrefix) {
        this.client = client;
        this.destinationBucket = destinationBucket;
        this.destinationPrefix = destinationPrefix == null ? "" : destinationPrefix;
    }

    @Override
    public void commit(String bucket, String key, ObjectInfo delivered) {
        // only the version that was delivered: a newer one stays for a later poll
        client.headObject(bucket, key, new GetOptions(null, delivered.eTag(), null));
        String destBucket = destinationBucket == null ? bucket : destinationBucket;
        String destKey = destinationPrefix + key;
        ObjectInfo copy;
        try {
            client.copyObject(bucket, key, destBucket, destKey, null);
            copy = client.headObject(destBucket, destKey, null);
        } catch (RuntimeException e) {
            // a missing destination bucket is a failed move, not a vanished source
            throw new IllegalStateException("copy to " + destBucket + "/" + destKey + " failed: " + e.getMessage(), e);
        }
        String sourceETag = ObjectVersions.unquote(delivered.eTag());
        boolean singlePart = !sourceETag.contains("-");
        if (copy.contentLength() != delivered.contentLength()
                || (singlePart && !sourceETag.equals(ObjectVersions.unquote(copy.eTag())))) {
            throw new IllegalStateException("the copy " + destBucket + "/" + destKey + " (" + copy.contentLength()
                    + " bytes, ETag " + copy.eTag() + ") does not match the delivered object (" + delivered.contentLength()
                    + " bytes, ETag " + delivered.eTag() + ")");
        }
        client.deleteObject(bucket, key);
        LOG.debug("Moved {}/{} to {}/{}", bucket, key, destBucket, destKey);
    }

    @Override
    public String describe() {
        return "moved";
    }
}
