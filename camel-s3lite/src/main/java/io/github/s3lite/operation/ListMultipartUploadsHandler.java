package io.github.s3lite.operation;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import org.apache.camel.Exchange;

/** listMultipartUploads: the body becomes a {@code List<MultipartUploadInfo>} (key, uploadId, initiated). */
public final class ListMultipartUploadsHandler extends AbstractHandler {
    public ListMultipartUploadsHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        exchange.getMessage().setBody(client().listMultipartUploads(bucket(exchange), header(exchange, S3LiteConstants.PREFIX)));
    }
}
