package io.github.s3lite;

import java.time.Duration;

import io.github.s3lite.client.PresignedRequest;
import org.apache.camel.Exchange;

/**
 * createDownloadLink / createUploadLink: the body becomes a presigned URL valid for {@code presignExpiry}. An
 * upload link made with {@code CamelS3LiteContentType} requires the uploader to send that Content-Type. The headers
 * the link's user must send (Content-Type, encryption and write options, SSE-C algorithm and key MD5, owner, payer:
 * all signed) are in {@code CamelS3LiteSignedHeaders}; with SSE-C the user also sends the key, which is not in it.
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
        PresignedRequest link = upload
                ? client(exchange).presignedPut(bucket, key, expiry, header(exchange, S3LiteConstants.CONTENT_TYPE),
                        storage(exchange))
                : client(exchange).presignedGet(bucket, key, expiry);
        exchange.getMessage().setBody(link.url());
        exchange.getMessage().setHeader(S3LiteConstants.SIGNED_HEADERS, link.headers());
    }
}
