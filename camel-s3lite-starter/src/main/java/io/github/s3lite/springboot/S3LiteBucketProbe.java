package io.github.s3lite.springboot;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.client.S3Exception;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;

/**
 * HeadBucket on the bucket of every started {@code s3lite:} endpoint of a CamelContext; shared by the Spring Boot
 * HealthIndicator and the Camel HealthCheck. Results carry the bucket, the service URL and, on failure, the HTTP status
 * and S3 error code, never credentials.
 */
public final class S3LiteBucketProbe {

    /** Result for one bucket (on one service URL). */
    public record BucketStatus(String bucket, String serviceUrl, boolean up, int statusCode, String errorCode,
            String message) {

        /** Details safe to show in a health endpoint. */
        public Map<String, Object> details() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("status", up ? "UP" : "DOWN");
            d.put("endpoint", serviceUrl);
            if (!up) {
                d.put("statusCode", statusCode);
                if (errorCode != null) {
                    d.put("errorCode", errorCode);
                }
                if (message != null) {
                    d.put("error", message);
                }
            }
            return d;
        }
    }

    private S3LiteBucketProbe() {
    }

    /** Probes each distinct (service URL, bucket) of the started s3lite endpoints. */
    public static List<BucketStatus> probe(CamelContext camelContext) {
        Map<String, S3LiteEndpoint> distinct = new LinkedHashMap<>();
        for (Endpoint e : camelContext.getEndpoints()) {
            if (e instanceof S3LiteEndpoint s && s.isStarted() && s.getClient() != null) {
                String bucket = s.getConfiguration().getBucketName();
                distinct.putIfAbsent(s.getServiceUrl() + " " + bucket, s);
            }
        }
        List<BucketStatus> answer = new ArrayList<>();
        for (S3LiteEndpoint s : distinct.values()) {
            answer.add(probe(s));
        }
        return answer;
    }

    static BucketStatus probe(S3LiteEndpoint endpoint) {
        String bucket = endpoint.getConfiguration().getBucketName();
        String url = endpoint.getServiceUrl();
        S3Client client = endpoint.getClient();
        if (client == null) {
            return new BucketStatus(bucket, url, false, 0, null, "endpoint not started");
        }
        try {
            client.headBucket(bucket);
            return new BucketStatus(bucket, url, true, 200, null, null);
        } catch (S3Exception e) {
            String code = e.getErrorCode();
            if (code == null && e.getStatusCode() == 404) {
                code = "NoSuchBucket";
            } else if (code == null && e.getStatusCode() == 403) {
                code = "AccessDenied";
            }
            return new BucketStatus(bucket, url, false, e.getStatusCode(), code, e.getMessage());
        } catch (RuntimeException e) {
            return new BucketStatus(bucket, url, false, 0, null, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
