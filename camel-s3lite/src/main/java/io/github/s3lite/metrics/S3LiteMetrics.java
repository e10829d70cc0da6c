package io.github.s3lite.metrics;

/**
 * Observes the client, the uploader and the consumer. Every method has a no-op default, so an implementation
 * picks what it records; {@link #NONE} records nothing. Calls come from many threads at once and must return
 * quickly (no I/O). The Micrometer binding is {@code io.github.s3lite.micrometer.MicrometerMetrics}.
 */
public interface S3LiteMetrics {

    /** Records nothing: the default when no meter registry is configured. */
    S3LiteMetrics NONE = new S3LiteMetrics() {
    };

    /**
     * One S3 request ended.
     *
     * @param operation the S3 API name, such as {@code PutObject}, {@code UploadPart}, {@code GetObject}
     * @param outcome   how it ended
     * @param nanos     from signing to the answer's headers (a streamed GET body is not included), re-sign included
     */
    default void request(String operation, RequestOutcome outcome, long nanos) {
    }

    /** Body bytes sent in PutObject and UploadPart requests that succeeded, or read from GetObject bodies. */
    default void bytes(TransferDirection direction, long count) {
    }

    /** One part of a multipart upload was sent and acknowledged. */
    default void partSent() {
    }

    /** One part of a resumed multipart upload was found on the server and reused instead of sent. */
    default void partResumed() {
    }

    /** A multipart upload began (balanced by {@link #uploadEnded()} whatever its outcome). */
    default void uploadStarted() {
    }

    /** A multipart upload ended, either way. */
    default void uploadEnded() {
    }

    /** The consumer claimed an object (it is processed here, not by another node or poll). */
    default void claimed() {
    }

    /** The consumer handed an exchange to the route. */
    default void delivered() {
    }

    /** The producer was given an exchange that Camel is redelivering (a retry after a failure). */
    default void redelivery(String operation) {
    }
}
