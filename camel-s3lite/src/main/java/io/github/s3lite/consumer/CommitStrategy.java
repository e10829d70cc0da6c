package io.github.s3lite.consumer;

import io.github.s3lite.client.ObjectInfo;

/**
 * What happens to an object after its exchange succeeded (the consumer's counterpart of camel-file's process
 * strategy commit): left in place, deleted, or moved. Only the delivered version is touched: a strategy that
 * changes the bucket first checks that the object still has the delivered ETag.
 */
public interface CommitStrategy {

    /**
     * Applies the strategy to the delivered version. Throws {@code S3PreconditionFailedException} when the object
     * was overwritten meanwhile, {@code S3NotFoundException} when it is gone, any other exception when the step
     * failed (the object then stays where it was).
     */
    void commit(String bucket, String key, ObjectInfo delivered);

    /** What {@link #commit} does, for messages: "left", "deleted", "moved". */
    String describe();
}
