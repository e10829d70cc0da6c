package io.github.s3lite.test;

import io.github.s3lite.client.S3LiteClient;
import org.apache.camel.CamelContext;
import org.apache.camel.test.junit5.CamelTestSupport;

/**
 * Route tests against a real S3 server: the embedded S3Proxy, or the store named by {@link OnStore} on the class
 * (an RGW subclass of a test runs the same tests on Ceph RGW). The {@code s3lite} component is preconfigured with
 * the store's endpoint, region and credentials (override {@link #s3Endpoint()} to go through a
 * {@link FaultProxy}); each test class gets a bucket.
 */
public abstract class S3LiteTestSupport extends CamelTestSupport {

    protected String bucket;
    protected S3LiteClient client;

    /** The store this class runs against. */
    protected S3Store store() {
        return S3Store.forTestClass(getClass());
    }

    /** Where the component sends requests. */
    protected String s3Endpoint() {
        return store().endpoint().toString();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        S3Store store = store();
        bucket = store.newBucket(getClass().getSimpleName());
        client = store.newClient();
        CamelContext context = super.createCamelContext();
        context.addComponent("s3lite", store.newComponent(s3Endpoint()));
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
