package io.github.s3lite.component;

import java.util.concurrent.Callable;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * Run by {@link NoMicrometerTest} in a class loader without Micrometer: a multipart upload, a consumer delivery and
 * a download through the component; answers the SHA-256 of the downloaded bytes.
 */
public final class NoMicrometerScenario implements Callable<String> {
    private final String endpoint;
    private final String region;
    private final String accessKey;
    private final String secretKey;
    private final String bucket;

    public NoMicrometerScenario(String endpoint, String region, String accessKey, String secretKey, String bucket) {
        this.endpoint = endpoint;
        this.region = region;
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        this.bucket = bucket;
    }

    @Override
    public String call() throws Exception {
        try (CamelContext context = new DefaultCamelContext()) {
            S3LiteComponent component = new S3LiteComponent();
            component.getConfiguration().setEndpoint(endpoint);
            component.getConfiguration().setRegion(region);
            component.getConfiguration().setPathStyleAccess(true);
            component.getConfiguration().setAccessKey(accessKey);
            component.getConfiguration().setSecretKey(secretKey);
            context.addComponent("s3lite", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:put").to("s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880");
                    from("direct:get").to("s3lite:" + bucket + "?operation=getObject").convertBodyTo(byte[].class);
                    from("s3lite:" + bucket + "?initialDelay=0&delay=50&includeBody=false").to("seda:seen");
                }
            });
            context.start();
            byte[] data = new byte[6 * 1024 * 1024 + 3];
            new java.util.Random(9).nextBytes(data);
            context.createProducerTemplate().sendBodyAndHeader("direct:put", data, S3LiteConstants.KEY, "plain.bin");
            if (context.createConsumerTemplate().receive("seda:seen", 20_000) == null) {
                throw new IllegalStateException("the consumer delivered nothing");
            }
            byte[] got = context.createProducerTemplate().requestBodyAndHeader("direct:get", null, S3LiteConstants.KEY,
                    "plain.bin", byte[].class);
            return TestFiles.sha256(got) + " " + TestFiles.sha256(data);
        }
    }
}
