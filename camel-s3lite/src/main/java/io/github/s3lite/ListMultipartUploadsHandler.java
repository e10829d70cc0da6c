package io.github.s3lite;

import org.apache.camel.Exchange;

/** listMultipartUploads: the body becomes a {@code List<MultipartUploadInfo>} (key, uploadId, initiated). */
final class ListMultipartUploadsHandler extends AbstractHandler {
    public ListMultipartUploadsHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        exchange.getMessage().setBody(client(exchange).listMultipartUploads(bucket(exchange), header(exchange, S3LiteConstants.PREFIX)));
    }
}
