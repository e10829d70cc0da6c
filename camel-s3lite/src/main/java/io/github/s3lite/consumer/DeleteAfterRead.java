package io.github.s3lite.consumer;

import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** deleteAfterRead: deletes the object after checking (HEAD, If-Match) that it still is the delivered version. */
public final class DeleteAfterRead implements CommitStrategy {

    private static final Logger LOG = LoggerFactory.getLogger(DeleteAfterRead.class);

    private final S3LiteClient client;

    public DeleteAfterRead(S3LiteClient client) {
        this.client = client;
    }

    @Override
    public void commit(String bucket, String key, ObjectInfo delivered) {
        // only the version that was delivered: a newer one stays for a later poll
        client.headObject(bucket, key, new GetOptions(null, delivered.eTag(), null));
        client.deleteObject(bucket, key);
        LOG.debug("Deleted {}/{} after reading it", bucket, key);
    }

    @Override
    public String describe() {
        return "deleted";
    }
}
