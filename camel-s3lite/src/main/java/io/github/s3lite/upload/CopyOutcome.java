package io.github.s3lite.upload;

import java.time.Instant;

/**
 * Outcome of a server-side copy. {@code uploadId} is null for a single CopyObject; {@code lastModified} is what
 * CopyObject reported (null after a multipart copy, whose completion does not tell it); {@code sourceETag} is the
 * version of the source that was copied; {@code alreadyCopied} is true when a checkpoint showed this source
 * version already completed into the destination, so nothing was copied.
 */
public record CopyOutcome(String eTag, String versionId, Instant lastModified, long size, String sourceETag,
        String uploadId, int partCount, int resumedPartCount, boolean alreadyCopied) {

    /** Whether the copy went in parts (UploadPartCopy). */
    public boolean multipart() {
        return uploadId != null || partCount > 1 || alreadyCopied;
    }
}
