package io.github.s3lite.client;

/** Outcome of a PUT, UploadPart or CompleteMultipartUpload; {@code storage} is what the answer said of encryption. */
public record PutResult(String eTag, String versionId, StorageInfo storage) {

    public PutResult {
        storage = storage == null ? StorageInfo.NONE : storage;
    }

    public PutResult(String eTag, String versionId) {
        this(eTag, versionId, null);
    }
}
