package io.github.s3lite.client;

import java.time.Instant;

/** One in-progress multipart upload, as ListMultipartUploads reports it. */
public record MultipartUploadInfo(String key, String uploadId, Instant initiated) {
}
