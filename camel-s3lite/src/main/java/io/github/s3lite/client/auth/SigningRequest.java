package io.github.s3lite.client.auth;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the signer needs about one request.
 *
 * @param method       HTTP method, e.g. "GET"
 * @param host         the Host header value as sent (host or host:port)
 * @param canonicalUri the path ALREADY URI-encoded once (S3 rules: each byte outside unreserved A-Za-z0-9-._~ as %XX
 *                     uppercase, '/' kept), never normalized; "" is taken as "/"
 * @param query        raw (decoded) query parameters, in any order; null means none
 * @param headers      header name -> value as sent (any case; the signer lowercases names, trims values and collapses
 *                     inner runs of spaces). Names equal ignoring case are joined with "," in iteration order. A
 *                     "Host" entry is ignored (the signer always signs {@link #host()}). Null means none.
 * @param payloadHash  hex SHA-256 of the body, or "UNSIGNED-PAYLOAD", or "STREAMING-AWS4-HMAC-SHA256-PAYLOAD". The
 *                     signer does not add x-amz-content-sha256: the caller puts it into headers when wanted.
 */
public record SigningRequest(String method, String host, String canonicalUri, List<QueryParam> query,
        Map<String, String> headers, String payloadHash) {

    public SigningRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(canonicalUri, "canonicalUri");
        Objects.requireNonNull(payloadHash, "payloadHash");
        if (method.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (canonicalUri.isEmpty()) {
            canonicalUri = "/";
        }
        query = query == null ? List.of() : List.copyOf(query);
        if (headers == null) {
            headers = Map.of();
        } else {
            Map<String, String> copy = new LinkedHashMap<>();
            headers.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "header name"),
                    Objects.requireNonNull(v, () -> "value of header " + k)));
            headers = Collections.unmodifiableMap(copy);
        }
    }
}
