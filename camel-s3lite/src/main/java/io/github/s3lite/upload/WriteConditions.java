package io.github.s3lite.upload;

import io.github.s3lite.client.ETags;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3PreconditionFailedException;

/**
 * The write conditions of a multipart upload ({@code If-None-Match: *}, {@code If-Match: <etag>}), checked with a
 * HEAD before CreateMultipartUpload (made by {@link Preflight}). AWS S3 evaluates them again on CompleteMultipartUpload, where they are sent
 * too; stores that ignore them there (S3Proxy 4.1, Ceph RGW 16) are protected by this check alone, which leaves a
 * window: a write of the key by someone else between this HEAD and the completion is overwritten.
 */
final class WriteConditions {
    private WriteConditions() {
    }

    /** Whether {@code options} carry a write condition (then a HEAD is needed). */
    static boolean present(ObjectWriteOptions options) {
        return !isBlank(options.ifNoneMatch()) || !isBlank(options.ifMatch());
    }

    /**
     * Throws {@link S3PreconditionFailedException} (412) when a condition of {@code options} does not hold for the
     * object the HEAD just saw ({@code head} null: no object).
     */
    static void check(ObjectInfo head, String bucket, String key, ObjectWriteOptions options) {
        String ifNoneMatch = options.ifNoneMatch();
        String ifMatch = options.ifMatch();
        if (isBlank(ifNoneMatch) && isBlank(ifMatch)) {
            return;
        }
        if ("*".equals(ifNoneMatch) && head != null) {
            throw new S3PreconditionFailedException("S3 multipart upload of " + bucket + "/" + key + " refused: "
                    + "If-None-Match: * but the key exists (ETag " + head.eTag() + "); nothing was uploaded", 412,
                    "PreconditionFailed", null);
        }
        if (!isBlank(ifMatch) && (head == null || !ETags.bare(head.eTag()).equals(
                ETags.bare(ifMatch.trim())))) {
            throw new S3PreconditionFailedException("S3 multipart upload of " + bucket + "/" + key + " refused: If-Match "
                    + ifMatch + " but the key " + (head == null ? "does not exist" : "has ETag " + head.eTag())
                    + "; nothing was uploaded", 412, "PreconditionFailed", null);
        }
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
