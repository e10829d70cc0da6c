package io.github.s3lite.upload;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs upload progress at INFO: percent, MiB done, parts done and throughput, at most every 5 % or 2 s. */
public final class LoggingProgress implements UploadProgress {
    private static final Logger LOG = LoggerFactory.getLogger("io.github.s3lite.upload.progress");

    private final long start = System.nanoTime();
    private volatile long lastLog;
    private volatile int lastPercent = -1;

    @Override
    public void onPart(String key, long bytesDone, long totalBytes, int partsDone, int partsTotal) {
        long now = System.nanoTime();
        double seconds = Math.max(1e-3, (now - start) / 1e9);
        double mbps = bytesDone / 1e6 / seconds;
        if (totalBytes > 0) {
            int percent = (int) (bytesDone * 100 / totalBytes);
            boolean last = partsDone == partsTotal;
            if (!last && percent - lastPercent < 5 && now - lastLog < 2_000_000_000L) {
                return;
            }
            lastPercent = percent;
            lastLog = now;
            LOG.info("Uploading {}: {}% ({} of {} MiB), {}/{} parts, {} MB/s", key, percent, bytesDone >> 20,
                    totalBytes >> 20, partsDone, partsTotal, String.format("%.1f", mbps));
        } else if (now - lastLog >= 2_000_000_000L) {
            lastLog = now;
            LOG.info("Uploading {}: {} MiB, {} parts, {} MB/s", key, bytesDone >> 20, partsDone, String.format("%.1f", mbps));
        }
    }
}
