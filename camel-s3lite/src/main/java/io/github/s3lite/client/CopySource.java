package io.github.s3lite.client;

import java.util.Objects;

import io.github.s3lite.client.auth.UriEncoder;

/**
 * The source of a server-side copy (CopyObject, UploadPartCopy): bucket, key and, when {@code ifMatch} is given,
 * the ETag the source must still have ({@code x-amz-copy-source-if-match}): a source overwritten in the meantime
 * fails the copy with 412 instead of copying another version.
 */
public record CopySource(String bucket, String key, String ifMatch) {

    public CopySource {
        S3Names.requireValidBucket(bucket);
        S3Names.requireValidKey(key);
        Objects.requireNonNull(key, "key");
    }

    /** A source pinned to no version (whatever the key holds when the server reads it). */
    public static CopySource of(String bucket, String key) {
        return new CopySource(bucket, key, null);
    }

    /** The same source pinned to this ETag. */
    public CopySource pinnedTo(String eTag) {
        return new CopySource(bucket, key, eTag);
    }

    /** {@code x-amz-copy-source}: {@code /bucket/key}, the key URI-encoded with its slashes kept. */
    String header() {
        return "/" + bucket + "/" + UriEncoder.encode(key, true);
    }

    /** {@code bucket/key}, for messages. */
    @Override
    public String toString() {
        return bucket + "/" + key + (ifMatch == null ? "" : "@" + ifMatch);
    }
}
