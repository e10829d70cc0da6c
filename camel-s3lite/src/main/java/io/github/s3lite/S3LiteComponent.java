package io.github.s3lite;

import java.util.Map;

import org.apache.camel.Endpoint;
import org.apache.camel.SSLContextParametersAware;
import org.apache.camel.spi.PropertyConfigurer;
import org.apache.camel.spi.Metadata;
import org.apache.camel.spi.annotations.Component;
import org.apache.camel.support.HealthCheckComponent;
import org.apache.camel.util.PropertiesHelper;

/** The {@code s3lite:} component: S3-compatible object stores through camel-s3lite's own SigV4 client. */
@Component("s3lite")
public class S3LiteComponent extends HealthCheckComponent implements SSLContextParametersAware {

    private static final PropertyConfigurer COMPONENT_CONFIGURER = new StrictConfigurers.Component();
    private static final PropertyConfigurer ENDPOINT_CONFIGURER = new StrictConfigurers.Endpoint();

    @Metadata(description = "Component-level options: the template of every endpoint's configuration.")
    private S3LiteConfiguration configuration = new S3LiteConfiguration();

    @Metadata(label = "security", defaultValue = "false",
              description = "Use the CamelContext's global SSLContextParameters (the camel.ssl options of Camel Main) when an endpoint sets no sslContextParameters.")
    private boolean useGlobalSslContextParameters;

    /** A component with default options; set them through {@link #getConfiguration()} or as component properties. */
    public S3LiteComponent() {
    }

    @Override
    public boolean isUseGlobalSslContextParameters() {
        return useGlobalSslContextParameters;
    }

    @Override
    public void setUseGlobalSslContextParameters(boolean useGlobalSslContextParameters) {
        this.useGlobalSslContextParameters = useGlobalSslContextParameters;
    }

    @Override
    protected Endpoint createEndpoint(String uri, String remaining, Map<String, Object> parameters) throws Exception {
        S3LiteConfiguration config = configuration != null ? configuration.copy() : new S3LiteConfiguration();
        config.setBucketName(remaining);
        S3LiteEndpoint endpoint = new S3LiteEndpoint(uri, this, config);
        Map<String, Object> meta = PropertiesHelper.extractProperties(parameters, "metadata.");
        meta.forEach((k, v) -> config.getMetadata().put(k, v == null ? "" : v.toString()));
        Map<String, Object> tags = PropertiesHelper.extractProperties(parameters, "tagging.");
        tags.forEach((k, v) -> config.getTagging().put(k, v == null ? "" : v.toString()));
        setProperties(endpoint, parameters);
        return endpoint;
    }

    /** The generated configurer, parsing sizes, durations and counts strictly (see {@link OptionText}). */
    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return COMPONENT_CONFIGURER;
    }

    /** The generated configurer, parsing sizes, durations and counts strictly (see {@link OptionText}). */
    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return ENDPOINT_CONFIGURER;
    }

    /** Component-level options: every endpoint starts from a copy of them, then applies its URI's options. */
    public S3LiteConfiguration getConfiguration() {
        return configuration;
    }

    /** Replaces the component-level options (endpoints created afterwards copy these). */
    public void setConfiguration(S3LiteConfiguration configuration) {
        this.configuration = configuration;
    }
}
