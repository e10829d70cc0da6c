package io.github.s3lite.test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3lite.client.auth.Hashing;
import io.github.s3lite.client.auth.QueryParam;
import io.github.s3lite.client.auth.SigV4Signer;
import io.github.s3lite.client.auth.SigningRequest;
import io.github.s3lite.client.auth.UriEncoder;

/**
 * A raw SigV4-signed request to a store (path style), for what the client has no operation for: creating a bucket
 * with Object Lock, GetObjectTagging, GetObjectRetention, GetObjectLegalHold, GetObjectAcl.
 */
public final class RawS3 {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private RawS3() {
    }

    /** {@code path} is {@code /bucket} or {@code /bucket/key} (the key not yet encoded). */
    public static HttpResponse<String> send(S3Store store, String method, String path, Map<String, String> query,
            Map<String, String> headers, byte[] body) throws Exception {
        URI endpoint = store.endpoint();
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        String encodedPath = UriEncoder.encode(path, true);
        byte[] payload = body == null ? new byte[0] : body;
        String hash = Hashing.sha256Hex(payload);
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put("x-amz-content-sha256", hash);
        List<QueryParam> q = query.entrySet().stream().map(e -> new QueryParam(e.getKey(), e.getValue())).toList();
        Map<String, String> sig = new SigV4Signer(store.region(), "s3").signHeaders(new SigningRequest(method, host,
                encodedPath, q, h, hash), store.credentials(), Instant.now());
        StringBuilder uri = new StringBuilder(endpoint.getScheme()).append("://").append(host).append(encodedPath);
        char sep = '?';
        for (QueryParam p : q) {
            uri.append(sep).append(UriEncoder.encode(p.name(), false)).append('=').append(UriEncoder.encode(p.value(), false));
            sep = '&';
        }
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(30))
                .method(method, payload.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(payload));
        h.forEach(b::header);
        sig.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("host")) {
                b.header(k, v);
            }
        });
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    public static HttpResponse<String> get(S3Store store, String path, String subresource) throws Exception {
        return send(store, "GET", path, Map.of(subresource, ""), Map.of(), null);
    }
}
