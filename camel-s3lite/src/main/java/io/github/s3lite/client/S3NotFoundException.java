package io.github.s3lite.client;

/** 404: {@code NoSuchKey}, {@code NoSuchBucket}, {@code NoSuchUpload}. Permanent. */
public class S3NotFoundException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public S3NotFoundException(String message, int statusCode, String errorCode, String requestId) {
        super(message, statusCode, errorCode, requestId, null);
    }
}
