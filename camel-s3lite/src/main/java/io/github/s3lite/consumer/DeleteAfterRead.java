package io.github.s3lite.consumer;

import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * deleteAfterRead: deletes the object only while it is the delivered version ({@link #deletePinned}).
 */
public final class DeleteAfterRead implements CommitStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteAfterRead.class);

    private final S3LiteClient client;

    public DeleteAfterRead(S3LiteClient client) {
        this.client = client;
    }

    @Override
    public void commit(String bucket, String key, ObjectInfo delivered) {
        deletePinned(client, bucket, key, delivered.eTag());
        LOG.debug("Deleted {}/{} after reading it", bucket, key);
    }

    /**
     * Deletes bucket/key only if it still has {@code eTag}: a HEAD with {@code If-Match} (412 when it changed), then
     * DeleteObject with {@code If-Match}, which AWS S3 evaluates atomically (conditional deletes). Stores that ignore
     * the header on DELETE (Ceph RGW 16, S3Proxy 4.1) delete what the key holds: there a version written between the
     * HEAD and the DELETE (a few milliseconds) is lost, which the README states.
     */
    static void deletePinned(S3LiteClient client, String bucket, String key, String eTag) {
        client.headObject(bucket, key, new GetOptions(null, eTag, null));
        client.deleteObject(bucket, key, eTag);
    }

    @Override
    public String describe() {
        return "deleted";
    }
}
