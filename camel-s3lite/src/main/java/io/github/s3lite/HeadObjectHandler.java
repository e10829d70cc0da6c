package io.github.s3lite;

import io.github.s3lite.client.GetOptions;
import org.apache.camel.Exchange;

/** headObject: the object's headers (ETag, length, type, last-modified, decoded metadata); the body is kept. */
final class HeadObjectHandler extends AbstractHandler {
    public HeadObjectHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        String bucket = bucket(exchange);
        GetOptions conditions = new GetOptions(null, header(exchange, S3LiteConstants.IF_MATCH),
                header(exchange, S3LiteConstants.IF_NONE_MATCH), false, header(exchange, S3LiteConstants.TARGET_VERSION_ID));
        setObjectHeaders(exchange.getMessage(), bucket, client(exchange).headObject(bucket, key(exchange), conditions));
    }
}
