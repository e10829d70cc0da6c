package io.github.s3lite.example;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.S3LiteConstants;
import org.apache.camel.Exchange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Called by both routes after the HeadObject: compares the stored size with the file's, logs what the store reports,
 * and counts verified uploads (for {@code example.exit-after-uploads}). A mismatch fails the exchange, so the file goes
 * to the failed directory instead of the done one.
 */
@Component("uploadTracker")
public class UploadTracker {

    private static final Logger LOG = LoggerFactory.getLogger(UploadTracker.class);

    private final int exitAfterUploads;
    private final AtomicInteger verified = new AtomicInteger();
    private final CountDownLatch latch;

    public UploadTracker(@Value("${example.exit-after-uploads:0}") int exitAfterUploads) {
        this.exitAfterUploads = exitAfterUploads;
        this.latch = new CountDownLatch(Math.max(exitAfterUploads, 0));
    }

    public void verify(Exchange exchange) {
        String bucket = exchange.getMessage().getHeader(S3LiteConstants.BUCKET_NAME, String.class);
        String key = exchange.getMessage().getHeader(S3LiteConstants.KEY, String.class);
        long stored = exchange.getMessage().getHeader(S3LiteConstants.CONTENT_LENGTH, -1L, Long.class);
        long local = exchange.getMessage().getHeader(Exchange.FILE_LENGTH, -1L, Long.class);
        if (local >= 0 && stored != local) {
            throw new IllegalStateException("Verification of s3://" + bucket + "/" + key + " failed: stored " + stored
                                            + " bytes, the file has " + local);
        }
        Map<?, ?> metadata = exchange.getMessage().getHeader(S3LiteConstants.METADATA, Map.class);
        LOG.info("Verified s3://{}/{}: ETag {}, {} bytes, Content-Type {}, metadata {}", bucket, key,
                exchange.getMessage().getHeader(S3LiteConstants.E_TAG),
                stored, exchange.getMessage().getHeader(S3LiteConstants.CONTENT_TYPE), metadata);
        verified.incrementAndGet();
        latch.countDown();
    }

    public int verifiedCount() {
        return verified.get();
    }

    public int exitAfterUploads() {
        return exitAfterUploads;
    }

    /** Waits until {@code example.exit-after-uploads} uploads were verified. */
    public boolean awaitUploads(Duration timeout) {
        try {
            return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
