package io.github.s3lite.springboot;

import java.util.List;
import java.util.Map;

import org.apache.camel.health.HealthCheckResultBuilder;
import org.apache.camel.impl.health.AbstractHealthCheck;

/**
 * Camel HealthCheck (group {@code camel}, id {@code s3lite}), readiness only: HeadBucket on the bucket of every started
 * {@code s3lite:} endpoint. Shown by camel-spring-boot's actuator integration in {@code /actuator/health} (component
 * {@code camelHealth}) and by Camel's own health consoles. An unreachable store does not make the application
 * "not live", so this check takes no part in liveness.
 */
public class S3LiteHealthCheck extends AbstractHealthCheck {

    public S3LiteHealthCheck() {
        super("camel", "s3lite");
    }

    @Override
    public boolean isLiveness() {
        return false;
    }

    @Override
    protected void doCall(HealthCheckResultBuilder builder, Map<String, Object> options) {
        List<S3LiteBucketProbe.BucketStatus> results = S3LiteBucketProbe.probe(getCamelContext());
        boolean up = true;
        for (S3LiteBucketProbe.BucketStatus r : results) {
            builder.detail("bucket." + r.bucket() + ".status", r.up() ? "UP" : "DOWN");
            builder.detail("bucket." + r.bucket() + ".endpoint", r.serviceUrl());
            if (!r.up()) {
                up = false;
                builder.detail(SERVICE_STATUS_CODE, r.statusCode());
                if (r.errorCode() != null) {
                    builder.detail(SERVICE_ERROR_CODE, r.errorCode());
                    builder.detail("bucket." + r.bucket() + ".errorCode", r.errorCode());
                }
                builder.message("HeadBucket " + r.bucket() + " failed: "
                                + (r.errorCode() != null ? r.errorCode() : r.message()));
            }
        }
        builder.detail("buckets", results.size());
        if (up) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
