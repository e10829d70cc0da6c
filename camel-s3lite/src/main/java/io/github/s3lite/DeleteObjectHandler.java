package io.github.s3lite;

import org.apache.camel.Exchange;

/** deleteObject: deletes the key (deleting a missing key succeeds, as in S3). */
final class DeleteObjectHandler extends AbstractHandler {
    public DeleteObjectHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        client(exchange).deleteObject(bucket(exchange), key(exchange), null, header(exchange, S3LiteConstants.TARGET_VERSION_ID));
    }
}
