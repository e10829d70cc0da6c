package io.github.s3lite.metrics;

/**
 * One step of an upload or a download, as a {@link TransferListener} is told it.
 *
 * @param direction    upload or download
 * @param stage        {@link Stage#STARTED}, then {@link Stage#PROGRESS} events, then {@link Stage#COMPLETED} or
 *                     {@link Stage#FAILED}
 * @param bucket       the bucket
 * @param key          the object key
 * @param bytesDone    body bytes sent and acknowledged (upload) or written to the file (download) so far, bytes an
 *                     earlier attempt left (resumed parts or ranges) included; strictly increasing over the
 *                     {@code PROGRESS} events after a {@code STARTED} (a download that must start over because the
 *                     object changed tells {@code STARTED} again, from its new start)
 * @param totalBytes   the object's length, -1 while unknown (a stream of unknown length)
 * @param partsDone    parts (upload) or ranges (download) done, 0 for a transfer in one request; never decreasing
 * @param partsTotal   parts or ranges in all, -1 while unknown, 0 for a transfer in one request
 * @param elapsedNanos since the transfer started
 * @param failure      why a {@code FAILED} transfer failed, else null
 */
public record TransferEvent(TransferDirection direction, Stage stage, String bucket, String key, long bytesDone,
        long totalBytes, int partsDone, int partsTotal, long elapsedNanos, Throwable failure) {

    /** Where in its life a transfer is. */
    public enum Stage {
        /** Before the first body byte: for a download once its length is known, for an upload once it begins. */
        STARTED,
        /** More bytes are done: after each part of an upload, at least every MiB (or 1 % of it) of a download. */
        PROGRESS,
        /** Every byte arrived: the object is stored, or the file is verified and in place. */
        COMPLETED,
        /** The transfer ended with an exception; a redelivery starts again with {@code STARTED}. */
        FAILED
    }

    /** {@code bytesDone / totalBytes} between 0 and 1, or -1 when the length is unknown. */
    public double fraction() {
        return totalBytes > 0 ? Math.min(1.0, (double) bytesDone / totalBytes) : totalBytes == 0 ? 1.0 : -1;
    }

    /** Average throughput since the start, bytes per second. */
    public double bytesPerSecond() {
        return elapsedNanos <= 0 ? 0 : bytesDone * 1e9 / elapsedNanos;
    }
}
