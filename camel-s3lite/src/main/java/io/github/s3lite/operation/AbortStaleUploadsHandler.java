package io.github.s3lite.operation;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.S3NotFoundException;
import org.apache.camel.Exchange;

/**
 * abortStaleUploads: aborts every multipart upload under {@code CamelS3LitePrefix} (all when absent) initiated
 * longer ago than {@code staleUploadAge}. The body becomes the list of aborted uploads; header
 * {@code CamelS3LiteAbortedCount} counts them. Run it from a timer route to keep a bucket free of orphans.
 */
public final class AbortStaleUploadsHandler extends AbstractHandler {
    public AbortStaleUploadsHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        String bucket = bucket(exchange);
        Instant cutoff = Instant.now().minus(Duration.ofMillis(config().getStaleUploadAge()));
        List<MultipartUploadInfo> aborted = new ArrayList<>();
        for (MultipartUploadInfo u : client().listMultipartUploads(bucket, header(exchange, S3LiteConstants.PREFIX))) {
            if (u.initiated() != null && u.initiated().isBefore(cutoff)) {
                try {
                    client().abortMultipartUpload(bucket, u.key(), u.uploadId());
                } catch (S3NotFoundException gone) {
                    // completed or aborted meanwhile
                }
                aborted.add(u);
            }
        }
        exchange.getMessage().setHeader(S3LiteConstants.ABORTED_COUNT, aborted.size());
        exchange.getMessage().setBody(aborted);
    }
}
