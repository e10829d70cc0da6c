package io.github.s3lite.client;

/**
 * A failure that a retry can cure: 5xx (but 501 and 505), 429, {@code SlowDown}, {@code InternalError},
 * {@code RequestTimeout}, {@code ExpiredToken}, connection refused/reset, timeouts and bodies cut short. Route
 * redelivery policies should target this type.
 */
public class S3TransientException extends S3Exception {
    private static final long serialVersionUID = 1L;

    private final long retryAfterSeconds;

    public S3TransientException(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
        this(message, statusCode, errorCode, requestId, cause, -1);
    }

    public S3TransientException(String message, int statusCode, String errorCode, String requestId, Throwable cause,
            long retryAfterSeconds) {
        super(message, statusCode, errorCode, requestId, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /**
     * The server's {@code Retry-After} in seconds (a 503 or 429 may carry it), or -1 when it sent none. A route can
     * honour it with a delay pattern or a processor that sleeps before redelivery.
     */
    public long getRetryAfterSeconds() {
        return retryAfterSeconds;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
