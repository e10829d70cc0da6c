package io.github.s3lite;

import org.apache.camel.support.DefaultHeaderFilterStrategy;

/**
 * Keeps Camel-internal names ({@code Camel*}, {@code camel*}, {@code org.apache.camel.*}, {@code breadcrumbId}) out of
 * the user metadata taken from the {@code CamelS3LiteMetadata} header map.
 */
public class S3LiteHeaderFilterStrategy extends DefaultHeaderFilterStrategy {
    public S3LiteHeaderFilterStrategy() {
        setOutFilterStartsWith(CAMEL_FILTER_STARTS_WITH);
        setLowerCase(true);
        getOutFilter().add("breadcrumbid");
    }
}
