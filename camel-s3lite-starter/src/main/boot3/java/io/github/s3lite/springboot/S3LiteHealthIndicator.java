package io.github.s3lite.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Spring Boot 3 HealthIndicator: UP when HeadBucket succeeds for the bucket of every started {@code s3lite:} endpoint,
 * DOWN otherwise; details per bucket (endpoint URL, HTTP status and S3 error code on failure). UP with
 * {@code buckets: 0} when no s3lite endpoint is started.
 */
public class S3LiteHealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camelContext;

    /**
     * Creates the indicator.
     *
     * @param camelContext the context whose started {@code s3lite:} endpoints are probed
     */
    public S3LiteHealthIndicator(CamelContext camelContext) {
        super("s3lite health check failed");
        this.camelContext = camelContext;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<S3LiteBucketProbe.BucketStatus> results = S3LiteBucketProbe.probe(camelContext);
        Map<String, Object> buckets = new LinkedHashMap<>();
        boolean up = true;
        for (S3LiteBucketProbe.BucketStatus r : results) {
            buckets.put(r.bucket(), r.details());
            up &= r.up();
        }
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("buckets", buckets);
    }
}
