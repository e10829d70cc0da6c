package io.github.s3lite.operation;

import java.util.Map;

import io.github.s3lite.S3LiteConfiguration;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.client.S3Names;
import io.github.s3lite.content.UserMetadata;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.util.ObjectHelper;

/** Reading bucket and key from an exchange, writing object headers back: shared by the handlers. */
public abstract class AbstractHandler implements OperationHandler {

    protected final S3LiteEndpoint endpoint;

    protected AbstractHandler(S3LiteEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    protected S3LiteConfiguration config() {
        return endpoint.getConfiguration();
    }

    protected S3Client client() {
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

    /** Writes what HEAD/GET say about an object into the message headers (metadata decoded). */
    public static void setObjectHeaders(Message m, String bucket, ObjectInfo info) {
        m.setHeader(S3LiteConstants.BUCKET_NAME, bucket);
        m.setHeader(S3LiteConstants.KEY, info.key());
        m.setHeader(S3LiteConstants.E_TAG, info.eTag());
        m.setHeader(S3LiteConstants.CONTENT_LENGTH, info.contentLength());
        m.setHeader(S3LiteConstants.CONTENT_TYPE, info.contentType());
        m.setHeader(S3LiteConstants.LAST_MODIFIED, info.lastModified());
        Map<String, String> meta = UserMetadata.decodeFromWire(info.userMetadata());
        m.setHeader(S3LiteConstants.METADATA, meta);
        setOrRemove(m, S3LiteConstants.VERSION_ID, info.versionId());
        setOrRemove(m, S3LiteConstants.CONTENT_ENCODING, info.contentEncoding());
        setOrRemove(m, S3LiteConstants.CACHE_CONTROL, info.cacheControl());
        setOrRemove(m, S3LiteConstants.CONTENT_DISPOSITION, info.contentDisposition());
        setOrRemove(m, S3LiteConstants.CONTENT_RANGE, info.contentRange());
    }

    /** Sets the header, or removes a stale one when there is no value. */
    protected static void setOrRemove(Message m, String name, Object value) {
        if (value != null) {
            m.setHeader(name, value);
        } else {
            m.removeHeader(name);
        }
    }
}
