package io.github.s3lite;

import io.github.s3lite.client.CopyResult;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3Names;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * copyObject: copies bucket/key to {@code CamelS3LiteDestinationBucket} (default: the same bucket) /
 * {@code CamelS3LiteDestinationKey}. The source's Content-Type and metadata are kept, unless the exchange gives a
 * {@code CamelS3LiteContentType} or {@code CamelS3LiteMetadata}: then the destination gets the ones the metadata
 * chain resolves, exactly as a PUT would.
 */
final class CopyObjectHandler extends AbstractHandler {
    public CopyObjectHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        String bucket = bucket(exchange);
        String key = key(exchange);
        String destBucket = header(exchange, S3LiteConstants.DESTINATION_BUCKET);
        destBucket = S3Names.requireValidBucket(destBucket != null ? destBucket : bucket);
        String destKey = header(exchange, S3LiteConstants.DESTINATION_KEY);
        if (destKey == null) {
            throw new IllegalArgumentException("copyObject needs the destination key in header " + S3LiteConstants.DESTINATION_KEY);
        }
        Message m = exchange.getMessage();
        ObjectWriteOptions replace = null;
        String contentType = header(exchange, S3LiteConstants.CONTENT_TYPE);
        if (contentType != null || m.getHeader(S3LiteConstants.METADATA) != null) {
            if (contentType == null) {
                contentType = client().headObject(bucket, key, null).contentType();
            }
            replace = new ObjectWriteOptions(contentType, config().getContentEncoding(), config().getCacheControl(),
                    config().getContentDisposition(), endpoint.getMetadataChain().resolve(exchange, null), null, null);
        }
        CopyResult r = client().copyObject(bucket, key, destBucket, destKey, replace);
        m.setHeader(S3LiteConstants.E_TAG, r.eTag());
        if (r.versionId() != null) {
            m.setHeader(S3LiteConstants.VERSION_ID, r.versionId());
        }
        m.setHeader(S3LiteConstants.LAST_MODIFIED, r.lastModified());
    }
}
