package io.github.s3lite.client;

/**
 * A failure that a retry can cure: 5xx, 429, {@code SlowDown}, {@code InternalError}, {@code RequestTimeout},
 * connection refused/reset and timeouts. Route redelivery policies should target this type.
 */
public class S3TransientException extends S3Exception {
    private static final long serialVersionUID = 1L;

    public S3TransientException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
        super(message, statusCode, errorCode, requestId, cause);
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
