package io.github.s3lite.springboot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Spring Boot 4 HealthIndicator (the same probe as the Boot 3 {@code S3LiteHealthIndicator}): UP when HeadBucket
 * succeeds for the bucket of every started {@code s3lite:} endpoint, DOWN otherwise; details per bucket (endpoint
 * URL, HTTP status and S3 error code on failure). UP with no buckets when no s3lite endpoint is started.
 */
public class S3LiteBoot4HealthIndicator extends AbstractHealthIndicator {

    private final CamelContext camelContext;

    /**
     * Creates the indicator.
     *
     * @param camelContext the context whose started {@code s3lite:} endpoints are probed
     */
    public S3LiteBoot4HealthIndicator(CamelContext camelContext) {
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
