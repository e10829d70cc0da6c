package io.github.s3lite;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.github.s3lite.client.DeleteObjectsResult;
import org.apache.camel.Exchange;

/**
 * deleteObjects: deletes the keys of the {@code CamelS3LiteKeys} header (or the body: a collection of keys) in
 * batches of 1,000. The body becomes the {@link DeleteObjectsResult}; per-key errors are listed there.
 */
final class DeleteObjectsHandler extends AbstractHandler {
    public DeleteObjectsHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        Object keys = exchange.getMessage().getHeader(S3LiteConstants.KEYS);
        if (keys == null) {
            keys = exchange.getMessage().getBody();
        }
        if (!(keys instanceof Collection<?> c) || c.isEmpty()) {
            throw new IllegalArgumentException("deleteObjects needs the keys as a non-empty List<String> in header "
                                               + S3LiteConstants.KEYS + " or in the body");
        }
        List<String> list = new ArrayList<>();
        c.forEach(k -> list.add(String.valueOf(k)));
        exchange.getMessage().setBody(client(exchange).deleteObjects(bucket(exchange), list));
    }
}
