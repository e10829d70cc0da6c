package io.github.s3lite;

import org.apache.camel.CamelContext;

/**
 * The generated property configurers of the component and its endpoints, with the text of size, duration and count
 * options parsed by {@link OptionText} first (strictly: {@code 16MB} is 16 MiB, {@code abc} is an error, never 0).
 * {@link S3LiteComponent} hands these out, so endpoint URIs and component properties (Camel Main, YAML DSL, Java)
 * all go through them.
 */
final class StrictConfigurers {

    private StrictConfigurers() {
    }

    static final class Component extends S3LiteComponentConfigurer {
        @Override
        public boolean configure(CamelContext camelContext, Object obj, String name, Object value, boolean ignoreCase) {
            return super.configure(camelContext, obj, name, OptionText.normalize(name, value), ignoreCase);
        }
    }

    static final class Endpoint extends S3LiteEndpointConfigurer {
        @Override
        public boolean configure(CamelContext camelContext, Object obj, String name, Object value, boolean ignoreCase) {
            return super.configure(camelContext, obj, name, OptionText.normalize(name, value), ignoreCase);
        }
    }
}
