package io.github.s3lite.metrics;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One transfer's progress: tells its {@link TransferListener} and logs it at INFO (percent, MiB, parts, MB/s, at
 * most every 5 % or 2 s, and the last step) to {@code io.github.s3lite.upload.progress} or
 * {@code io.github.s3lite.transfer.progress} (downloads). Transfers under {@value #LOGGED_FROM} bytes are not logged.
 * Events are told under this object's lock, so they are in order and their bytes strictly increase even when parts
 * or ranges finish on several threads.
 */
public final class TransferProgress {
    /** Smaller transfers are told to the listener but not logged. */
    public static final long LOGGED_FROM = 8L << 20;
    private static final Logger UPLOADS = LoggerFactory.getLogger("io.github.s3lite.upload.progress");
    private static final Logger DOWNLOADS = LoggerFactory.getLogger("io.github.s3lite.transfer.progress");
    private static final Logger LOG = LoggerFactory.getLogger(TransferProgress.class);
    private static final long LOG_EVERY_NANOS = 2_000_000_000L;
    private static final long TELL_EVERY_BYTES = 1L << 20;

    private final TransferListener listener;
    private final TransferDirection direction;
    private final String bucket;
    private final String key;
    private final long start = System.nanoTime();
    private long totalBytes = -1;
    private int partsTotal;
    private long bytes;
    private int parts;
    private long told = -1;
    private long loggedAt;
    private int loggedPercent = -1;
    private boolean listenerFailed;
    private boolean begun;
    private boolean ended;

    private TransferProgress(TransferListener listener, TransferDirection direction, String bucket, String key) {
        this.listener = listener == null ? TransferListener.NONE : listener;
        this.direction = direction;
        this.bucket = bucket;
        this.key = key;
    }

    /** An upload's progress; nothing is told until {@link #started}. */
    public static TransferProgress upload(TransferListener listener, String bucket, String key) {
        return new TransferProgress(listener, TransferDirection.UPLOAD, bucket, key);
    }

    /** A download's progress; nothing is told until {@link #started}. */
    public static TransferProgress download(TransferListener listener, String bucket, String key) {
        return new TransferProgress(listener, TransferDirection.DOWNLOAD, bucket, key);
    }

    /**
     * The transfer begins (again, after a start-over): {@code totalBytes} -1 when unknown, {@code partsTotal} -1 when
     * unknown and 0 for one request; {@code bytesDone}/{@code partsDone} what an earlier attempt left.
     */
    public synchronized void started(long totalBytes, int partsTotal, long bytesDone, int partsDone) {
        this.totalBytes = totalBytes;
        this.partsTotal = partsTotal;
        this.bytes = bytesDone;
        this.parts = partsDone;
        this.told = bytesDone;
        this.ended = false;
        this.begun = true;
        tell(TransferEvent.Stage.STARTED, null);
    }

    /** {@code bytesDone} and {@code partsDone} so far (absolute; an upload's parts); told when they grew. */
    public synchronized void reached(long bytesDone, int partsDone) {
        if (ended || (bytesDone <= bytes && partsDone <= parts)) {
            return;
        }
        bytes = Math.max(bytes, bytesDone);
        parts = Math.max(parts, partsDone);
        progressed(partsDone > 0);
    }

    /** {@code count} more bytes written (downloads: told every MiB or 1 %, and at the end). */
    public synchronized void added(long count) {
        if (ended || count <= 0) {
            return;
        }
        bytes += count;
        progressed(false);
    }

    /** One more range done: counted in the next event (its bytes were told as they arrived). */
    public synchronized void partDone() {
        if (!ended) {
            parts++;
        }
    }

    /** Every byte arrived: {@code totalBytes} of them (-1: the bytes counted). */
    public synchronized void completed(long totalBytes) {
        if (ended) {
            return;
        }
        if (!begun) {
            started(totalBytes, 0, 0, 0);
        }
        if (this.totalBytes < 0) {
            this.totalBytes = totalBytes >= 0 ? totalBytes : bytes;
        }
        bytes = Math.max(bytes, this.totalBytes);
        if (partsTotal < 0) {
            partsTotal = parts;
        }
        log(true);
        tell(TransferEvent.Stage.COMPLETED, null);
        ended = true;
    }

    /** The transfer failed with {@code e}. */
    public synchronized void failed(Throwable e) {
        if (!begun) {
            started(totalBytes, partsTotal, bytes, parts); // every transfer tells STARTED first
        }
        if (!ended) {
            tell(TransferEvent.Stage.FAILED, e);
            ended = true;
        }
    }

    private void progressed(boolean partStep) {
        long every = Math.max(TELL_EVERY_BYTES, totalBytes / 100);
        boolean last = totalBytes >= 0 && bytes >= totalBytes;
        if (partStep || last || bytes - told >= every) {
            told = bytes;
            tell(TransferEvent.Stage.PROGRESS, null);
        }
        log(last);
    }

    private void tell(TransferEvent.Stage stage, Throwable failure) {
        if (listener == TransferListener.NONE) {
            return;
        }
        try {
            listener.onEvent(new TransferEvent(direction, stage, bucket, key, bytes, totalBytes, parts, partsTotal,
                    System.nanoTime() - start, failure));
        } catch (RuntimeException e) {
            if (!listenerFailed) {
                listenerFailed = true;
                LOG.warn("The transfer listener {} failed on {} of {}/{} (the transfer goes on; further failures of this "
                         + "transfer are not logged): {}", listener.getClass().getName(), stage, bucket, key, e.toString());
            }
        }
    }

    private void log(boolean last) {
        Logger log = direction == TransferDirection.UPLOAD ? UPLOADS : DOWNLOADS;
        if (!log.isInfoEnabled() || (totalBytes >= 0 && totalBytes < LOGGED_FROM)) {
            return;
        }
        long now = System.nanoTime();
        String verb = direction == TransferDirection.UPLOAD ? "Uploading" : "Downloading";
        String unit = direction == TransferDirection.UPLOAD ? "parts" : "ranges";
        String mbps = String.format("%.1f", bytes / 1e6 / Math.max(1e-3, (now - start) / 1e9));
        if (totalBytes > 0) {
            int percent = (int) (bytes * 100 / totalBytes);
            if (!last && percent - loggedPercent < 5 && now - loggedAt < LOG_EVERY_NANOS) {
                return;
            }
            if (last && percent == loggedPercent && loggedAt != 0) {
                return; // the last step was logged already
            }
            loggedPercent = percent;
            loggedAt = now;
            if (partsTotal > 0) {
                log.info("{} {}: {}% ({} of {} MiB), {}/{} {}, {} MB/s", verb, key, percent, bytes >> 20,
                        totalBytes >> 20, parts, partsTotal, unit, mbps);
            } else {
                log.info("{} {}: {}% ({} of {} MiB), {} MB/s", verb, key, percent, bytes >> 20, totalBytes >> 20, mbps);
            }
        } else if (last || now - loggedAt >= LOG_EVERY_NANOS) {
            loggedAt = now;
            log.info("{} {}: {} MiB, {} {}, {} MB/s", verb, key, bytes >> 20, parts, unit, mbps);
        }
    }
}
