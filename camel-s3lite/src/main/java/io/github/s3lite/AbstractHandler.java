package io.github.s3lite;

import io.github.s3lite.client.ObjectInfo;
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
