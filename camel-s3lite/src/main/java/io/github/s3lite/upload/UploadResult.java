package io.github.s3lite.upload;

import io.github.s3lite.client.StorageInfo;

/**
 * Outcome of an upload. {@code uploadId} is null for a single PUT; {@code alreadyUploaded} is true when a
 * checkpoint showed the same source already completed into this object, so nothing was sent. {@code storage} is
 * what the store answered about encryption and storage class (from the HEAD when nothing was sent).
 */
public record UploadResult(String eTag, String versionId, String uploadId, int partCount, int resumedPartCount,
        boolean alreadyUploaded, StorageInfo storage) {

    public UploadResult {
        storage = storage == null ? StorageInfo.NONE : storage;
    }

    public UploadResult(String eTag, String versionId, String uploadId, int partCount, int resumedPartCount,
            boolean alreadyUploaded) {
        this(eTag, versionId, uploadId, partCount, resumedPartCount, alreadyUploaded, null);
    }
}
