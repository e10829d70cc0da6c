package io.github.s3lite;

import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.client.ListPage;
import io.github.s3lite.client.S3ObjectSummary;
import org.apache.camel.Exchange;
import org.apache.camel.Message;

/**
 * listObjects: the body becomes a {@code List<S3ObjectSummary>} (key(), size(), eTag(), lastModified()).
 * Without {@code CamelS3LiteMaxKeys} or {@code CamelS3LiteContinuationToken} all pages are followed; with them
 * one page is returned and {@code CamelS3LiteContinuationToken} names the next.
 */
final class ListObjectsHandler extends AbstractHandler {
    public ListObjectsHandler(S3LiteEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public void handle(Exchange exchange) {
        String bucket = bucket(exchange);
        Message m = exchange.getMessage();
        String prefix = header(exchange, S3LiteConstants.PREFIX);
        String delimiter = header(exchange, S3LiteConstants.DELIMITER);
        String token = header(exchange, S3LiteConstants.CONTINUATION_TOKEN);
        Integer maxKeys = m.getHeader(S3LiteConstants.MAX_KEYS, Integer.class);
        boolean onePage = token != null || maxKeys != null;
        List<S3ObjectSummary> objects = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        do {
            ListPage page = client(exchange).listObjects(bucket, prefix, delimiter, token, maxKeys == null ? 0 : maxKeys, null);
            objects.addAll(page.objects());
            prefixes.addAll(page.commonPrefixes());
            token = page.nextContinuationToken();
        } while (!onePage && token != null);
        if (token != null) {
            m.setHeader(S3LiteConstants.CONTINUATION_TOKEN, token);
        } else {
            m.removeHeader(S3LiteConstants.CONTINUATION_TOKEN);
        }
        m.setHeader(S3LiteConstants.COMMON_PREFIXES, prefixes);
        m.setBody(objects);
    }
}
