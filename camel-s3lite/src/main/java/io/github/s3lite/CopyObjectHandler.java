package io.github.s3lite;

import io.github.s3lite.client.CopySource;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectStorageOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3Names;
import io.github.s3lite.upload.CopyOutcome;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * copyObject: copies bucket/key to {@code CamelS3LiteDestinationBucket} (default: the same bucket) /
 * {@code CamelS3LiteDestinationKey}, with one CopyObject up to {@code multipartCopyThreshold} and in parts above it
 * ({@code upload.ObjectCopier}); every copy request is pinned to the source version HEADed first (or to
 * {@code CamelS3LiteCopySourceIfMatch}). The source's content headers and metadata are kept, unless the exchange
 * gives a {@code CamelS3LiteContentType} or {@code CamelS3LiteMetadata}: then the destination gets the ones the
 * metadata chain resolves, exactly as a PUT would. {@code CamelS3LiteIfMatch}/{@code CamelS3LiteIfNoneMatch} are
 * conditions on the destination, as for putObject. The destination is stored with the encryption and write options
 * (and their headers); with an SSE-C key the source is read and the destination written with it (CopyObject and
 * every UploadPartCopy).
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
        S3LiteClient client = client(exchange);
        ObjectStorageOptions storage = storage(exchange);
        CopySource source = new CopySource(bucket, key, header(exchange, S3LiteConstants.COPY_SOURCE_IF_MATCH));
        ObjectInfo head = client.headObject(bucket, key, new GetOptions(null, source.ifMatch(), null));
        ObjectWriteOptions replace = null;
        String contentType = header(exchange, S3LiteConstants.CONTENT_TYPE);
        if (contentType != null || m.getHeader(S3LiteConstants.METADATA) != null) {
            replace = new ObjectWriteOptions(contentType != null ? contentType : head.contentType(),
                    config().getContentEncoding(), config().getCacheControl(), config().getContentDisposition(),
                    endpoint.getMetadataChain().resolve(exchange, null), null, null);
        }
        CopyOutcome r = endpoint.getCopier().with(client).copy(source, head, destBucket, destKey, replace, storage,
                header(exchange, S3LiteConstants.IF_MATCH), header(exchange, S3LiteConstants.IF_NONE_MATCH));
        m.setHeader(S3LiteConstants.E_TAG, r.eTag());
        if (r.versionId() != null) {
            m.setHeader(S3LiteConstants.VERSION_ID, r.versionId());
        }
        if (r.lastModified() != null) {
            m.setHeader(S3LiteConstants.LAST_MODIFIED, r.lastModified());
        } else {
            m.removeHeader(S3LiteConstants.LAST_MODIFIED); // a multipart completion does not tell it
        }
    }
}
