package io.github.s3lite.client.auth;

import java.util.List;
import java.util.Map;

public record SigningRequest(String method, String host, String canonicalUri, List<QueryParam> query,
        Map<String, String> headers, String payloadHash) {
}
