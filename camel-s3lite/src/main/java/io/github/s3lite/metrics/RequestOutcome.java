package io.github.s3lite.metrics;

import java.util.Locale;

/** How an S3 request ended: the {@code outcome} tag of {@code s3lite.requests}. */
public enum RequestOutcome {
    /** A 2xx answer (or a 304 to a conditional GET). */
    SUCCESS,
    /** 404: no such key, bucket or upload. */
    NOT_FOUND,
    /** 412: a write or read condition did not hold. */
    PRECONDITION_FAILED,
    /** Any other 4xx that is not worth retrying (403, 400, ...). */
    CLIENT_ERROR,
    /** Worth retrying: 5xx such as 500/503, throttling, a reset or timed-out connection. */
    TRANSIENT,
    /** A 5xx that is not worth retrying (e.g. 501 Not Implemented). */
    SERVER_ERROR,
    /** No answer could be classified (credentials failed, a malformed answer). */
    ERROR;

    /** The tag value: lower case, e.g. {@code client_error}. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
