package io.github.s3lite.upload;

/**
 * Outcome of an upload. {@code uploadId} is null for a single PUT; {@code alreadyUploaded} is true when a
 * checkpoint showed the same source already completed into this object, so nothing was sent.
 */
public record UploadResult(String eTag, String versionId, String uploadId, int partCount, int resumedPartCount,
        boolean alreadyUploaded) {
}
