package io.github.s3lite;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.s3lite.content.UserMetadata;
import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.spi.HeaderFilterStrategy;
import org.apache.camel.support.builder.ExpressionBuilder;
import org.apache.camel.util.ObjectHelper;

/**
 * Builds an upload's user metadata from the contributor chain, highest priority first (a higher source wins on
 * the same name), then validates and encodes it for the wire (S3's 2 KB limit, RFC 2047 for non-ASCII values).
 */
public final class MetadataChain {

    public static final int HEADER_PRIORITY = 500;
    public static final int ENDPOINT_PRIORITY = 400;
    public static final int EXCHANGE_PRIORITY = 300;
    public static final int ENVIRONMENT_PRIORITY = 200;

    /** Set by the producer for the duration of one contribution: the file being uploaded, if any. */
    static final String SOURCE_FILE_PROPERTY = "CamelS3LiteSourceFile";

    private final List<MetadataContributor> contributors;

    MetadataChain(S3LiteEndpoint endpoint) {
        S3LiteConfiguration c = endpoint.getConfiguration();
        List<MetadataContributor> list = new ArrayList<>();
        list.add(headerContributor(endpoint.getHeaderFilterStrategy()));
        if (!c.getMetadata().isEmpty()) {
            // values with ${...} are Simple expressions, evaluated per exchange (like keyName); others are literal
            Map<String, Expression> values = new LinkedHashMap<>();
            c.getMetadata().forEach((k, v) -> values.put(k, v != null && v.contains("${")
                    ? endpoint.getCamelContext().resolveLanguage("simple").createExpression(v)
                    : ExpressionBuilder.constantExpression(v)));
            list.add(contributor(ENDPOINT_PRIORITY, (ex, m) -> values.forEach((k, e) -> m.put(k, e.evaluate(ex, String.class)))));
        }
        if (c.isIncludeExchangeMetadata()) {
            list.add(contributor(EXCHANGE_PRIORITY, MetadataChain::exchangeMetadata));
        }
        if (ObjectHelper.isNotEmpty(c.getMetadataEnvironment())) {
            String names = c.getMetadataEnvironment();
            String application = c.getApplicationName() != null ? c.getApplicationName() : endpoint.getCamelContext().getName();
            String host = hostName();
            list.add(contributor(ENVIRONMENT_PRIORITY, (ex, m) -> {
                m.putAll(environment(names));
                if (host != null) {
                    m.put("host", host);
                }
                m.put("application", application);
            }));
        }
        list.addAll(endpoint.getCamelContext().getRegistry().findByType(MetadataContributor.class));
        list.sort(Comparator.comparingInt(MetadataContributor::priority).reversed());
        this.contributors = List.copyOf(list);
    }

    /** The encoded wire metadata for this exchange; fails with a clear message before any request. */
    public Map<String, String> resolve(Exchange exchange, Path sourceFile) {
        Map<String, String> merged = new LinkedHashMap<>();
        if (sourceFile != null) {
            exchange.setProperty(SOURCE_FILE_PROPERTY, sourceFile);
        }
        try {
            for (MetadataContributor contributor : contributors) {
                Map<String, String> own = new LinkedHashMap<>();
                contributor.contribute(exchange, own);
                own.forEach((k, v) -> {
                    if (k != null && v != null) {
                        merged.putIfAbsent(normalizeName(k), v);
                    }
                });
            }
        } finally {
            exchange.removeProperty(SOURCE_FILE_PROPERTY);
        }
        return UserMetadata.encodeForWire(merged);
    }

    private static String normalizeName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.startsWith(UserMetadata.HEADER_PREFIX) ? n.substring(UserMetadata.HEADER_PREFIX.length()) : n;
    }

    private static MetadataContributor headerContributor(HeaderFilterStrategy filter) {
        return contributor(HEADER_PRIORITY, (exchange, m) -> {
            Object header = exchange.getMessage().getHeader(S3LiteConstants.METADATA);
            if (header == null) {
                return;
            }
            if (!(header instanceof Map<?, ?> map)) {
                throw new IllegalArgumentException("Header " + S3LiteConstants.METADATA + " must be a Map<String, String>, was "
                                                   + header.getClass().getName());
            }
            map.forEach((k, v) -> {
                String name = String.valueOf(k);
                if (v != null && (filter == null || !filter.applyFilterToCamelHeaders(name, v, exchange))) {
                    m.put(name, String.valueOf(v));
                }
            });
        });
    }

    private static void exchangeMetadata(Exchange exchange, Map<String, String> m) {
        if (exchange.getFromRouteId() != null) {
            m.put("route-id", exchange.getFromRouteId());
        }
        m.put("exchange-id", exchange.getExchangeId());
        String breadcrumb = exchange.getMessage().getHeader(Exchange.BREADCRUMB_ID, String.class);
        if (breadcrumb != null) {
            m.put("breadcrumb-id", breadcrumb);
        }
        Path file = exchange.getProperty(SOURCE_FILE_PROPERTY, Path.class);
        if (file != null) {
            m.put("source-file", file.getFileName().toString());
            try {
                m.put("source-last-modified", Files.getLastModifiedTime(file).toInstant().toString());
            } catch (java.io.IOException e) {
                // file vanished: the upload itself will say so
            }
        } else {
            String name = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, String.class);
            if (name != null) {
                m.put("source-file", name);
            }
        }
        m.put("exchange-created", java.time.Instant.ofEpochMilli(exchange.getClock().getCreated()).toString());
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return null;
        }
    }

    /** Values of the named environment variables or system properties, read for each upload. */
    private static Map<String, String> environment(String names) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String raw : names.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            String value = System.getenv(name);
            if (value == null) {
                value = System.getProperty(name);
            }
            if (value != null) {
                m.put(name.toLowerCase(Locale.ROOT).replace('_', '-').replace('.', '-'), value);
            }
        }
        return m;
    }

    private static MetadataContributor contributor(int priority, MetadataContributor body) {
        return new MetadataContributor() {
            @Override
            public void contribute(Exchange exchange, Map<String, String> metadata) {
                body.contribute(exchange, metadata);
            }

            @Override
            public int priority() {
                return priority;
            }
        };
    }
}
