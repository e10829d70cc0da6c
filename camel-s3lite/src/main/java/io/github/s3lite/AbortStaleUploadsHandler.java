package io.github.s3lite;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.upload.CheckpointProtocol;
import io.github.s3lite.upload.CheckpointStore;
import org.apache.camel.Exchange;

/**
 * abortStaleUploads: aborts every multipart upload under {@code CamelS3LitePrefix} (all when absent) initiated
 * longer ago than {@code staleUploadAge}. The body becomes the list of aborted uploads; header
 * {@code CamelS3LiteAbortedCount} counts them. Run it from a timer route to keep a bucket free of orphans. The
 * checkpoint keys an abort makes useless ({@code mpu}, {@code part}) are removed from the endpoint's repository.
 */
final class AbortStaleUploadsHandler extends AbstractHandler {
    public AbortStaleUploadsHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        String bucket = bucket(exchange);
        Instant cutoff = Instant.now().minus(Duration.ofMillis(config().getStaleUploadAge()));
        List<MultipartUploadInfo> aborted = new ArrayList<>();
        CheckpointStore store = endpoint.getCheckpointStore();
        for (MultipartUploadInfo u : client(exchange).listMultipartUploads(bucket, header(exchange, S3LiteConstants.PREFIX))) {
            if (u.initiated() != null && u.initiated().isBefore(cutoff)) {
                List<PartInfo> parts = List.of();
                try {
                    if (store != null && store != CheckpointStore.NONE) {
                        parts = client(exchange).listParts(bucket, u.key(), u.uploadId()); // to name their checkpoint keys
                    }
                    client(exchange).abortMultipartUpload(bucket, u.key(), u.uploadId());
                } catch (S3NotFoundException gone) {
                    // completed or aborted meanwhile
                }
                CheckpointProtocol.aborted(store, bucket, u.key(), u.uploadId(), parts);
                aborted.add(u);
            }
        }
        exchange.getMessage().setHeader(S3LiteConstants.ABORTED_COUNT, aborted.size());
        exchange.getMessage().setBody(aborted);
    }
}
