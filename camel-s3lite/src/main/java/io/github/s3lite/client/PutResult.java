package io.github.s3lite.client;

/** Outcome of a PUT, UploadPart or CompleteMultipartUpload. */
public record PutResult(String eTag, String versionId) {
}
