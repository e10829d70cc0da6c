package io.github.s3lite.springboot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3Exception;
import org.apache.camel.CamelContext;
import org.apache.camel.Endpoint;

/**
 * HeadBucket on the bucket of every started {@code s3lite:} endpoint of a CamelContext; shared by the Spring Boot
 * HealthIndicator and the Camel HealthCheck. Results carry the bucket, the service URL and, on failure, the HTTP status
 * and S3 error code, never credentials.
 */
public final class S3LiteBucketProbe {

    /**
     * Bound of one HeadBucket of a health check, whatever the endpoint's timeouts: a store that trickles or does not
     * answer makes the check DOWN after this long instead of hanging the health endpoint.
     */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(10);

    private static final int MAX_MESSAGE = 512;

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
        S3LiteClient client = endpoint.getClient();
        if (client == null) {
            return new BucketStatus(bucket, url, false, 0, null, "endpoint not started");
        }
        try {
            client.headBucket(bucket, PROBE_TIMEOUT);
            return new BucketStatus(bucket, url, true, 200, null, null);
        } catch (S3Exception e) {
            // A HEAD answer has no body, so no error code is received: only a 404 of HeadBucket has one meaning
            // (S3 documents it as NoSuchBucket); a body-less 403 is left without a code rather than given one.
            String code = e.getErrorCode();
            if (code == null && e.getStatusCode() == 404) {
                code = "NoSuchBucket";
            }
            return new BucketStatus(bucket, url, false, e.getStatusCode(), code, cut(e.getMessage()));
        } catch (RuntimeException e) {
            return new BucketStatus(bucket, url, false, 0, null, cut(e.getClass().getSimpleName() + ": " + e.getMessage()));
        }
    }

    /** Health details stay small: server text is cut (the client already escapes control characters). */
    private static String cut(String message) {
        if (message == null || message.length() <= MAX_MESSAGE) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE) + "...";
    }
}
