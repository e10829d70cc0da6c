package io.github.s3lite.client;

/** 401/403: access denied, bad signature, unknown access key. Permanent: retrying cannot help. */
public class S3AccessDeniedException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public S3AccessDeniedException(String message, int statusCode, String errorCode, String requestId) {
        super(message, statusCode, errorCode, requestId, null);
    }
}
