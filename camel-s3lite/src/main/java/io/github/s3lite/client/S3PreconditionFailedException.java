package io.github.s3lite.client;

/**
 * 412 {@code PreconditionFailed} (an {@code If-Match}/{@code If-None-Match} condition did not hold) and the
 * conditional-write 409 {@code ConditionalRequestConflict}. Permanent for this request.
 */
public class S3PreconditionFailedException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public S3PreconditionFailedException(String message, int statusCode, String errorCode, String requestId) {
        super(message, statusCode, errorCode, requestId, null);
    }
}
