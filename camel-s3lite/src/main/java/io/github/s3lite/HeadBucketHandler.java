package io.github.s3lite;

import org.apache.camel.Exchange;

/** headBucket: succeeds when the bucket exists and these credentials reach it; S3NotFoundException otherwise. */
final class HeadBucketHandler extends AbstractHandler {
    public HeadBucketHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        String bucket = bucket(exchange);
        client(exchange).headBucket(bucket);
        exchange.getMessage().setHeader(S3LiteConstants.BUCKET_NAME, bucket);
    }
}
