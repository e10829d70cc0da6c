package io.github.s3lite.client;

import java.util.Map;

/**
 * A presigned URL and the headers its user must send with it (they are signed: a request without them, or with
 * other values, is refused). {@code headers} never holds an SSE-C key: when {@code sseCustomerKeyRequired}, the user
 * also sends {@code x-amz-server-side-encryption-customer-key} with the base64 key, which is not in the URL.
 */
public record PresignedRequest(String url, Map<String, String> headers, boolean sseCustomerKeyRequired) {

    public PresignedRequest {
        headers = headers == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(headers));
    }
}
