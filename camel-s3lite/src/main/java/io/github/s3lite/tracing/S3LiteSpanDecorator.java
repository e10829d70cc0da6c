package io.github.s3lite.tracing;

import java.io.File;
import java.nio.file.Path;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.decorators.AbstractSpanDecorator;

/**
 * Camel tracing (camel-tracing: camel-opentelemetry, camel-observation) spans of {@code s3lite} endpoints, with
 * the tags of OpenTelemetry's AWS S3 conventions: {@code rpc.system=aws-api}, {@code rpc.service=S3},
 * {@code aws.s3.bucket}, {@code aws.s3.key}, {@code aws.s3.upload_id}, and {@code s3lite.operation} (the producer
 * operation, such as {@code putObject}; {@code consume} for the consumer), {@code s3lite.bytes} (the object's
 * length, or the body's for a putObject of a file or bytes), {@code s3lite.part_count} and
 * {@code s3lite.resumed_part_count}. The span is named after the operation. Loaded by camel-tracing through
 * {@code META-INF/services/org.apache.camel.tracing.SpanDecorator}; camel-tracing is an optional dependency and
 * nothing else loads this class.
 * <p>
 * Unlike the default decorator it sets no {@code camel.uri}, {@code url.path} or {@code url.query} tags: an
 * endpoint URI may carry credentials (only the endpoint's {@code toString()} masks them); it sets the masked URI
 * as {@code camel.uri}.
 */
public class S3LiteSpanDecorator extends AbstractSpanDecorator {

    /** The component name, {@code s3lite}. */
    @Override
    public String getComponent() {
        return "s3lite";
    }

    /** {@code io.github.s3lite.S3LiteComponent}. */
    @Override
    public String getComponentClassName() {
        return "io.github.s3lite.S3LiteComponent";
    }

    /** The producer operation (header, else the endpoint's), or {@code consume} for an exchange from the consumer. */
    @Override
    public String getOperationName(Exchange exchange, Endpoint endpoint) {
        Object header = exchange.getMessage().getHeader(S3LiteConstants.OPERATION);
        if (header != null) {
            return header.toString();
        }
        if (endpoint instanceof S3LiteEndpoint e) {
            if (exchange.getFromEndpoint() == endpoint) {
                return "consume";
            }
            return e.getConfiguration().getOperation().name();
        }
        return getComponent();
    }

    /** Tags known before the request: component, route, bucket, key, operation, a putObject body's length. */
    @Override
    public void pre(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        span.setComponent("camel-" + getComponent());
        span.setTag("camel.uri", endpoint.toString());
        if (exchange.getFromRouteId() != null) {
            span.setTag("camel.route.id", exchange.getFromRouteId());
        }
        span.setTag("rpc.system", "aws-api");
        span.setTag("rpc.service", "S3");
        String operation = getOperationName(exchange, endpoint);
        span.setTag("s3lite.operation", operation);
        tags(span, exchange, endpoint);
        if ("putObject".equals(operation)) {
            long length = bodyLength(exchange.getMessage().getBody());
            if (length >= 0) {
                span.setTag("s3lite.bytes", length);
            }
        }
    }

    /** Tags known after it: the object's key and length, parts, upload id; the error, if any. */
    @Override
    public void post(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        super.post(span, exchange, endpoint);
        tags(span, exchange, endpoint);
        Long length = exchange.getMessage().getHeader(S3LiteConstants.CONTENT_LENGTH, Long.class);
        if (length != null && length >= 0) {
            span.setTag("s3lite.bytes", length);
        }
        setNumber(span, "s3lite.part_count", exchange.getMessage().getHeader(S3LiteConstants.PART_COUNT));
        setNumber(span, "s3lite.resumed_part_count", exchange.getMessage().getHeader(S3LiteConstants.RESUMED_PART_COUNT));
        String uploadId = exchange.getMessage().getHeader(S3LiteConstants.UPLOAD_ID, String.class);
        if (uploadId != null) {
            span.setTag("aws.s3.upload_id", uploadId);
        }
    }

    private static void tags(SpanAdapter span, Exchange exchange, Endpoint endpoint) {
        String bucket = exchange.getMessage().getHeader(S3LiteConstants.BUCKET_NAME, String.class);
        if (bucket == null && endpoint instanceof S3LiteEndpoint e) {
            bucket = e.getConfiguration().getBucketName();
        }
        if (bucket != null) {
            span.setTag("aws.s3.bucket", bucket);
        }
        String key = exchange.getMessage().getHeader(S3LiteConstants.KEY, String.class);
        if (key != null) {
            span.setTag("aws.s3.key", key);
        }
    }

    private static void setNumber(SpanAdapter span, String tag, Object value) {
        if (value instanceof Number n) {
            span.setTag(tag, n);
        }
    }

    private static long bodyLength(Object body) {
        if (body instanceof File f) {
            return f.length();
        }
        if (body instanceof Path p) {
            return p.toFile().length();
        }
        if (body instanceof byte[] b) {
            return b.length;
        }
        return -1;
    }
}
