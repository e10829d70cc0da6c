package io.github.s3lite;

import java.util.EnumMap;
import java.util.Map;

import org.apache.camel.Exchange;
import org.apache.camel.support.DefaultProducer;

/** Dispatches each exchange to the handler of its operation. */
public class S3LiteProducer extends DefaultProducer {

    private final Map<S3LiteOperations, OperationHandler> handlers = new EnumMap<>(S3LiteOperations.class);

    public S3LiteProducer(S3LiteEndpoint endpoint) {
        super(endpoint);
        handlers.put(S3LiteOperations.putObject, new PutObjectHandler(endpoint));
        handlers.put(S3LiteOperations.getObject, new GetObjectHandler(endpoint));
        handlers.put(S3LiteOperations.headObject, new HeadObjectHandler(endpoint));
        handlers.put(S3LiteOperations.deleteObject, new DeleteObjectHandler(endpoint));
        handlers.put(S3LiteOperations.deleteObjects, new DeleteObjectsHandler(endpoint));
        handlers.put(S3LiteOperations.listObjects, new ListObjectsHandler(endpoint));
        handlers.put(S3LiteOperations.copyObject, new CopyObjectHandler(endpoint));
        handlers.put(S3LiteOperations.createDownloadLink, new PresignHandler(endpoint, false));
        handlers.put(S3LiteOperations.createUploadLink, new PresignHandler(endpoint, true));
        handlers.put(S3LiteOperations.headBucket, new HeadBucketHandler(endpoint));
        handlers.put(S3LiteOperations.listMultipartUploads, new ListMultipartUploadsHandler(endpoint));
        handlers.put(S3LiteOperations.abortMultipartUpload, new AbortMultipartUploadHandler(endpoint));
        handlers.put(S3LiteOperations.abortStaleUploads, new AbortStaleUploadsHandler(endpoint));
    }

    @Override
    public S3LiteEndpoint getEndpoint() {
        return (S3LiteEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        S3LiteOperations operation = operation(exchange);
        if (exchange.getIn().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class) > 0) {
            getEndpoint().getMetrics().redelivery(operation.name());
        }
        handlers.get(operation).handle(exchange);
    }

    private S3LiteOperations operation(Exchange exchange) {
        Object header = exchange.getMessage().getHeader(S3LiteConstants.OPERATION);
        if (header == null) {
            return getEndpoint().getConfiguration().getOperation();
        }
        if (header instanceof S3LiteOperations op) {
            return op;
        }
        try {
            return S3LiteOperations.valueOf(header.toString().trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown operation '" + header + "' in header " + S3LiteConstants.OPERATION
                                               + "; use one of " + java.util.Arrays.toString(S3LiteOperations.values()));
        }
    }
}
