package io.github.s3lite;

import java.time.Duration;

import org.apache.camel.Exchange;

/**
 * createDownloadLink / createUploadLink: the body becomes a presigned URL valid for {@code presignExpiry}. An
 * upload link made with {@code CamelS3LiteContentType} requires the uploader to send that Content-Type.
 */
final class PresignHandler extends AbstractHandler {
    private final boolean upload;

    public PresignHandler(S3LiteEndpoint endpoint, boolean upload) {
        super(endpoint);
        this.upload = upload;
    }

    @Override
    public void handle(Exchange exchange) {
        String bucket = bucket(exchange);
        String key = key(exchange);
        Duration expiry = Duration.ofMillis(config().getPresignExpiry());
        String url = upload
                ? client().presignPut(bucket, key, expiry, header(exchange, S3LiteConstants.CONTENT_TYPE))
                : client().presignGet(bucket, key, expiry);
        exchange.getMessage().setBody(url);
    }
}
