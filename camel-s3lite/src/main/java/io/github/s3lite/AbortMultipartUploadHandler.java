package io.github.s3lite;

import org.apache.camel.Exchange;

/** abortMultipartUpload: aborts the upload named by {@code CamelS3LiteUploadId} for the key. */
final class AbortMultipartUploadHandler extends AbstractHandler {
    public AbortMultipartUploadHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        String uploadId = header(exchange, S3LiteConstants.UPLOAD_ID);
        if (uploadId == null) {
            throw new IllegalArgumentException("abortMultipartUpload needs header " + S3LiteConstants.UPLOAD_ID);
        }
        client(exchange).abortMultipartUpload(bucket(exchange), key(exchange), uploadId);
    }
}
