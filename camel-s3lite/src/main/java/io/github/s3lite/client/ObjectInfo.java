package io.github.s3lite.client;

import java.time.Instant;
import java.util.Map;

/**
 * What HEAD/GET report about an object. {@code userMetadata} holds the {@code x-amz-meta-*} values as sent on the
 * wire (names lower-cased, without the prefix; RFC 2047 encoded values are not decoded here). {@code checksums}
 * holds the {@code x-amz-checksum-*} response headers the store sent (names lower-cased without the prefix, e.g.
 * {@code crc32c} or {@code type}); stores send them only to requests with {@code x-amz-checksum-mode: ENABLED}
 * ({@link GetOptions#checksumMode()}), and many stores never do. {@code contentLanguage} and {@code expires} are
 * the headers' text as sent (null when absent). {@code encryption} is
 * {@code x-amz-server-side-encryption} as sent ({@code AES256}, {@code aws:kms}, {@code aws:kms:dsse}), or
 * {@code SSE-C:<algorithm>} when {@code x-amz-server-side-encryption-customer-algorithm} was sent; null when neither.
 * {@code storage} is what the store says about the object's encryption (KMS key, bucket key) and storage class.
 */
public record ObjectInfo(String key, long contentLength, String contentType, String eTag, Instant lastModified,
        String versionId, String contentEncoding, String cacheControl, String contentDisposition, String contentRange,
        Map<String, String> userMetadata, Map<String, String> checksums, String contentLanguage, String expires,
        String encryption, StorageInfo storage) {

    public ObjectInfo {
        checksums = checksums == null ? Map.of() : checksums;
        storage = storage == null ? StorageInfo.NONE : storage;
    }

    /** Without storage information. */
    public ObjectInfo(String key, long contentLength, String contentType, String eTag, Instant lastModified,
            String versionId, String contentEncoding, String cacheControl, String contentDisposition, String contentRange,
            Map<String, String> userMetadata, Map<String, String> checksums, String contentLanguage, String expires,
            String encryption) {
        this(key, contentLength, contentType, eTag, lastModified, versionId, contentEncoding, cacheControl,
                contentDisposition, contentRange, userMetadata, checksums, contentLanguage, expires, encryption, null);
    }

    /** Without the encryption the store reported. */
    public ObjectInfo(String key, long contentLength, String contentType, String eTag, Instant lastModified,
            String versionId, String contentEncoding, String cacheControl, String contentDisposition, String contentRange,
            Map<String, String> userMetadata, Map<String, String> checksums, String contentLanguage, String expires) {
        this(key, contentLength, contentType, eTag, lastModified, versionId, contentEncoding, cacheControl,
                contentDisposition, contentRange, userMetadata, checksums, contentLanguage, expires, null);
    }

    /**
     * True when the store says the object is encrypted in a way that makes its ETag something other than the MD5 of
     * its bytes: SSE-KMS ({@code aws:kms}, {@code aws:kms:dsse}) or SSE-C.
     */
    public boolean eTagIsNotContentMd5() {
        return encryption != null && (encryption.startsWith("aws:kms") || encryption.startsWith("SSE-C"));
    }

    /** Without Content-Language, Expires and encryption. */
    public ObjectInfo(String key, long contentLength, String contentType, String eTag, Instant lastModified,
            String versionId, String contentEncoding, String cacheControl, String contentDisposition, String contentRange,
            Map<String, String> userMetadata, Map<String, String> checksums) {
        this(key, contentLength, contentType, eTag, lastModified, versionId, contentEncoding, cacheControl,
                contentDisposition, contentRange, userMetadata, checksums, null, null, null);
    }

    /** Without checksums. */
    public ObjectInfo(String key, long contentLength, String contentType, String eTag, Instant lastModified,
            String versionId, String contentEncoding, String cacheControl, String contentDisposition, String contentRange,
            Map<String, String> userMetadata) {
        this(key, contentLength, contentType, eTag, lastModified, versionId, contentEncoding, cacheControl,
                contentDisposition, contentRange, userMetadata, Map.of());
    }
}
