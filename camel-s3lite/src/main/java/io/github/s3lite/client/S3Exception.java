package io.github.s3lite.client;

/**
 * Every failure of the S3 client. Unchecked, so Camel routes can match on the subclass in
 * {@code onException(...)}. Carries the HTTP status (0 when no response was received), the S3 error code,
 * the request id, and whether a retry can cure it. Messages never contain credentials or signatures.
 */
public class S3Exception extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int statusCode;
    private final String errorCode;
    private final String requestId;

    public S3Exception(String message, int statusCode, String errorCode, String requestId, Throwable cause) {
        super(message, cause);
        this.statusCode = statusCode;
        this.errorCode = errorCode;
        this.requestId = requestId;
    }

    public S3Exception(String message) {
        this(message, 0, null, null, null);
    }

    /** HTTP status of the failed response, 0 when none was received (connection failure). */
    public int getStatusCode() {
        return statusCode;
    }

    /** S3 error code such as {@code NoSuchKey}, or null. */
    public String getErrorCode() {
        return errorCode;
    }

    /** The {@code x-amz-request-id} of the failed response, or null. */
    public String getRequestId() {
        return requestId;
    }

    /** True when the same request may succeed if retried later (5xx, throttling, timeouts, resets). */
    public boolean isTransient() {
        return false;
    }
}
