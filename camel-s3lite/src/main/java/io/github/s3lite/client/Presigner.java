package io.github.s3lite.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.QueryParam;
import io.github.s3lite.client.auth.SigV4Signer;
import io.github.s3lite.client.auth.SigningRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Presigned URLs, signed with the executor's (skew-corrected) clock. The given headers become signed headers
 * ({@code X-Amz-SignedHeaders}): the URL's user must send them with these values. A URL whose expiry outlives the
 * temporary credentials that signed it is still returned (S3 refuses it once they expire), with one WARN line that
 * names the bucket, key and both instants, never the URL (it carries the signature and session token).
 */
final class Presigner {
    private static final Logger LOG = LoggerFactory.getLogger(Presigner.class);

    private final S3ClientConfig config;
    private final RequestExecutor executor;

    Presigner(S3ClientConfig config, RequestExecutor executor) {
        this.config = config;
        this.executor = executor;
    }

    PresignedRequest presign(String method, String bucket, String key, Duration expires, Map<String, String> headers) {
        S3Names.requireValidKey(key);
        if (expires == null || expires.toSeconds() < 1 || expires.toSeconds() > S3Limits.MAX_PRESIGN_SECONDS) {
            throw new IllegalArgumentException("Presigned URL lifetime must be between 1 second and 7 days, was " + expires);
        }
        Addressing.Target t = executor.addressing().target(bucket, key);
        Credentials creds = RequestExecutor.credentials(config);
        Instant now = executor.now();
        List<QueryParam> q = executor.signer().presign(new SigningRequest(method, t.host(), t.path(), List.of(), headers,
                SigV4Signer.UNSIGNED_PAYLOAD), creds, now, expires);
        warnIfOutlived(method, bucket, key, now.plus(expires));
        Map<String, String> required = new java.util.LinkedHashMap<>();
        headers.forEach((n, v) -> {
            if (!SseCustomerKey.isKeyHeader(n)) {
                required.put(n, v);
            }
        });
        return new PresignedRequest(Addressing.uri(t, q).toString(), required, headers.keySet().stream()
                .anyMatch(SseCustomerKey::isKeyHeader));
    }

    private void warnIfOutlived(String method, String bucket, String key, Instant urlExpires) {
        Instant credentialsExpire;
        try {
            credentialsExpire = config.credentials().expiration();
        } catch (RuntimeException e) {
            return; // a provider that cannot tell: nothing to compare
        }
        if (credentialsExpire != null && urlExpires.isAfter(credentialsExpire)) {
            LOG.warn("Presigned {} URL for {}/{} expires at {}, but the temporary credentials that signed it expire at {}: "
                     + "S3 refuses the URL from then on. Use a shorter expiry, or longer-lived credentials (roleSessionDuration, "
                     + "a profile's duration_seconds, static keys)", method, bucket, key, urlExpires, credentialsExpire);
        }
    }
}
