package io.github.s3lite.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3lite.client.auth.Hashing;
import io.github.s3lite.client.auth.QueryParam;

/**
 * One S3 request before signing, and the small builders the operations use. Headers are mutable until sent.
 *
 * @param payloadHash the {@code x-amz-content-sha256} value (a hex SHA-256, or {@code UNSIGNED-PAYLOAD})
 */
record Call(String method, String bucket, String key, List<QueryParam> query, Map<String, String> headers,
        RequestBody body, String payloadHash) {

    /** {@code METHOD bucket/key}, for messages. */
    String describe() {
        return method + " " + (bucket == null ? "" : bucket) + (key == null ? "" : "/" + key);
    }

    /** A request carrying a small XML document, with its Content-MD5 and signed payload hash. */
    static Call xmlCall(String method, String bucket, String key, List<QueryParam> query, byte[] xml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        headers.put("Content-MD5", Checksums.compute(ChecksumAlgorithm.MD5, RequestBody.of(xml)));
        return new Call(method, bucket, key, query, headers, RequestBody.of(xml), Hashing.sha256Hex(xml));
    }

    /** Headers of a write: content headers, conditions, {@code x-amz-meta-*} and the storage options. */
    static Map<String, String> writeHeaders(ObjectWriteOptions o) {
        Map<String, String> h = new LinkedHashMap<>();
        if (o == null) {
            return h;
        }
        putIfPresent(h, "Content-Type", o.contentType());
        putIfPresent(h, "Content-Encoding", o.contentEncoding());
        putIfPresent(h, "Cache-Control", o.cacheControl());
        putIfPresent(h, "Content-Disposition", o.contentDisposition());
        putIfPresent(h, "Content-Language", o.contentLanguage());
        putIfPresent(h, "Expires", o.expires());
        putIfPresent(h, "If-Match", conditionETag(o.ifMatch()));
        putIfPresent(h, "If-None-Match", o.ifNoneMatch());
        o.metadata().forEach((k, v) -> h.put("x-amz-meta-" + k, v));
        o.storage().putHeaders(h);
        return h;
    }

    /**
     * The ETag of an {@code If-Match} write condition as it goes on the wire: without surrounding quotes. Ceph RGW
     * answers 412 to a quoted ETag on a write and accepts the bare one; S3Proxy accepts both (S3LiteConditionalTest).
     */
    static String conditionETag(String eTag) {
        if (eTag == null) {
            return null;
        }
        String t = eTag.trim();
        return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"") ? t.substring(1, t.length() - 1) : t;
    }

    static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(k, v);
        }
    }

    static void addIfPresent(List<QueryParam> q, String k, String v) {
        if (v != null && !v.isEmpty()) {
            q.add(new QueryParam(k, v));
        }
    }
}
