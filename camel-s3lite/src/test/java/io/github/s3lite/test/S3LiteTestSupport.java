package io.github.s3lite.test;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.client.S3Client;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Route tests against the embedded S3Proxy: the {@code s3lite} component is preconfigured with its endpoint and
 * credentials (override {@link #s3Endpoint()} to go through a {@link FaultProxy}); each test class gets a bucket.
 */
public abstract class S3LiteTestSupport extends CamelTestSupport {

    protected static final EmbeddedS3 S3 = EmbeddedS3.get();
    protected String bucket;
    protected S3Client client;

    /** Where the component sends requests. */
    protected String s3Endpoint() {
        return S3.endpoint().toString();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        bucket = S3.newBucket(getClass().getSimpleName());
        client = S3.newClient();
        CamelContext context = super.createCamelContext();
        S3LiteComponent component = new S3LiteComponent();
        component.getConfiguration().setEndpoint(s3Endpoint());
        component.getConfiguration().setPathStyleAccess(true);
        component.getConfiguration().setAccessKey(EmbeddedS3.ACCESS_KEY);
        component.getConfiguration().setSecretKey(EmbeddedS3.SECRET_KEY);
        context.addComponent("s3lite", component);
        java.util.Properties props = new java.util.Properties();
        props.setProperty("bucket", bucket);
        context.getPropertiesComponent().setInitialProperties(props);
        return context;
    }

    @Override
    public void doPostTearDown() throws Exception {
        if (client != null) {
            client.close();
        }
    }
}
