package io.github.s3lite;

import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectStorageOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3Names;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/** Reading bucket and key from an exchange, writing object headers back: shared by the handlers. */
abstract class AbstractHandler implements OperationHandler {

    protected final S3LiteEndpoint endpoint;

    protected AbstractHandler(S3LiteEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    protected S3LiteConfiguration config() {
        return endpoint.getConfiguration();
    }

    protected S3LiteClient client() {
        return endpoint.getClient();
    }

    /**
     * The endpoint's client, or a view of it when the exchange overrides the SSE-C key, the expected bucket owner
     * or the request payer ({@code CamelS3LiteSseCustomerKey}, {@code CamelS3LiteExpectedBucketOwner},
     * {@code CamelS3LiteRequestPayer}).
     */
    protected S3LiteClient client(Exchange exchange) {
        Message m = exchange.getMessage();
        if (m.getHeader(S3LiteConstants.SSE_CUSTOMER_KEY) == null && m.getHeader(S3LiteConstants.EXPECTED_BUCKET_OWNER) == null
                && m.getHeader(S3LiteConstants.REQUEST_PAYER) == null) {
            return client();
        }
        try {
            return client().withAccess(config().objectAccess(WriteOverrides.of(m)));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The exchange's encryption or access headers are invalid: " + e.getMessage(), e);
        }
    }

    /** The storage options of a write: the options, overridden by the exchange's headers. */
    protected ObjectStorageOptions storage(Exchange exchange) {
        try {
            return config().storageOptions(WriteOverrides.of(exchange.getMessage()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The exchange's write options are invalid (headers such as "
                    + S3LiteConstants.STORAGE_CLASS + " override the options): " + e.getMessage(), e);
        }
    }

    /** The CamelS3LiteBucketName header, else the URI's bucket; validated. */
    protected String bucket(Exchange exchange) {
        String b = exchange.getMessage().getHeader(S3LiteConstants.BUCKET_NAME, String.class);
        return S3Names.requireValidBucket(ObjectHelper.isNotEmpty(b) ? b : config().getBucketName());
    }

    /** The CamelS3LiteKey header, else the keyName option (Simple allowed), else CamelFileName; validated. */
    protected String key(Exchange exchange) {
        String key = exchange.getMessage().getHeader(S3LiteConstants.KEY, String.class);
        if (ObjectHelper.isEmpty(key) && ObjectHelper.isNotEmpty(config().getKeyName())) {
            String expr = config().getKeyName();
            key = expr.contains("${")
                    ? exchange.getContext().resolveLanguage("simple").createExpression(expr).evaluate(exchange, String.class)
                    : expr;
        }
        if (ObjectHelper.isEmpty(key)) {
            key = exchange.getMessage().getHeader(Exchange.FILE_NAME, String.class);
        }
        return S3Names.requireValidKey(key);
    }

    protected static String header(Exchange exchange, String name) {
        String v = exchange.getMessage().getHeader(name, String.class);
        return ObjectHelper.isEmpty(v) ? null : v;
    }

    /** Writes what HEAD/GET say about an object into the message headers: {@link ObjectHeaders#set}. */
    protected static void setObjectHeaders(Message m, String bucket, ObjectInfo info) {
        ObjectHeaders.set(m, bucket, info);
    }

    /** Sets the header, or removes a stale one when there is no value. */
    protected static void setOrRemove(Message m, String name, Object value) {
        ObjectHeaders.setOrRemove(m, name, value);
    }
}
