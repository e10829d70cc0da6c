package io.github.s3lite;

import java.util.Map;

import org.apache.camel.Exchange;

/**
 * Adds {@code x-amz-meta-*} entries to uploads. Contributors found in the registry run after the built-in
 * sources; on the same name, the contributor with the higher {@link #priority()} wins. Built-in priorities:
 * header {@code CamelS3LiteMetadata} 500, endpoint {@code metadata.*} 400, exchange traceability 300,
 * environment 200; registry beans default to 100.
 */
@FunctionalInterface
public interface MetadataContributor {

    /** Puts entries (names without the {@code x-amz-meta-} prefix) into {@code metadata}. */
    void contribute(Exchange exchange, Map<String, String> metadata);

    /** Higher wins on the same name. */
    default int priority() {
        return 100;
    }
}
