package io.github.s3lite.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.QueryParam;
import io.github.s3lite.client.auth.SigV4Signer;
import io.github.s3lite.client.auth.SigningRequest;

/**
 * Presigned URLs, signed with the executor's (skew-corrected) clock. The given headers become signed headers
 * ({@code X-Amz-SignedHeaders}): the URL's user must send them with these values.
 */
final class Presigner {
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
        List<QueryParam> q = executor.signer().presign(new SigningRequest(method, t.host(), t.path(), List.of(), headers,
                SigV4Signer.UNSIGNED_PAYLOAD), creds, executor.now(), expires);
        Map<String, String> required = new java.util.LinkedHashMap<>();
        headers.forEach((n, v) -> {
            if (!SseCustomerKey.isKeyHeader(n)) {
                required.put(n, v);
            }
        });
        return new PresignedRequest(Addressing.uri(t, q).toString(), required, headers.keySet().stream()
                .anyMatch(SseCustomerKey::isKeyHeader));
    }
}
