package io.github.s3lite.client;

import java.time.Instant;

/** Outcome of a CopyObject; {@code storage} is what the answer said of the destination's encryption. */
public record CopyResult(String eTag, Instant lastModified, String versionId, StorageInfo storage) {

    public CopyResult {
        storage = storage == null ? StorageInfo.NONE : storage;
    }

    public CopyResult(String eTag, Instant lastModified, String versionId) {
        this(eTag, lastModified, versionId, null);
    }
}
