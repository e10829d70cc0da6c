package io.github.s3lite.client;

import java.time.Instant;
import java.util.Map;

/**
 * What HEAD/GET report about an object. {@code userMetadata} holds the {@code x-amz-meta-*} values as sent on the
 * wire (names lower-cased, without the prefix; RFC 2047 encoded values are not decoded here).
 */
public record ObjectInfo(String key, long contentLength, String contentType, String eTag, Instant lastModified,
        String versionId, String contentEncoding, String cacheControl, String contentDisposition, String contentRange,
        Map<String, String> userMetadata) {
}
