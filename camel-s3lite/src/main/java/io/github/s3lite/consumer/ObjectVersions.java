package io.github.s3lite.consumer;

import io.github.s3lite.client.ETags;

/** The identity of an object version in the idempotent repository: {@code bucket/key@etag}. */
public final class ObjectVersions {

    private ObjectVersions() {
    }

    /** The done key of an object version: {@code bucket/key@etag} (ETag without quotes). */
    public static String doneKey(String bucket, String key, String eTag) {
        return bucket + "/" + key + "@" + ETags.bare(eTag);
    }
}
