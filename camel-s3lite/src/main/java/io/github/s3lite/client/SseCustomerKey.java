package io.github.s3lite.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

/**
 * A customer-provided encryption key (SSE-C): 256 bits, sent as {@code x-amz-server-side-encryption-customer-key}
 * (base64) with its algorithm ({@code AES256}) and the base64 MD5 of the key, which S3 uses to check the key
 * arrived intact. The key is a secret: {@link #toString()}, {@code equals} and every exception show none of it.
 */
public final class SseCustomerKey {
    public static final String ALGORITHM = "AES256";
    static final String PREFIX = "x-amz-server-side-encryption-customer-";
    static final String COPY_SOURCE_PREFIX = "x-amz-copy-source-server-side-encryption-customer-";

    private final byte[] key;
    private final String keyMd5;

    private SseCustomerKey(byte[] key) {
        this.key = key;
        this.keyMd5 = Base64.getEncoder().encodeToString(md5(key));
    }

    /**
     * The key from its base64 text. The message of a refused value names the problem, never the value.
     *
     * @throws IllegalArgumentException when it is not base64 of exactly 32 bytes
     */
    public static SseCustomerKey fromBase64(String base64) {
        if (base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("sseCustomerKey is empty: give the base64 text of a 256-bit key, such as "
                    + "the output of 'openssl rand -base64 32'");
        }
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("sseCustomerKey is not base64 (value not shown): give the base64 text of a "
                    + "256-bit key, such as the output of 'openssl rand -base64 32'");
        }
        if (raw.length != S3Limits.SSE_CUSTOMER_KEY_BYTES) {
            throw new IllegalArgumentException("sseCustomerKey decodes to " + raw.length + " bytes (value not shown); SSE-C "
                    + "needs a 256-bit key, 32 bytes: such as the output of 'openssl rand -base64 32'");
        }
        return new SseCustomerKey(raw);
    }

    /** The base64 MD5 of the key ({@code ...-customer-key-MD5}); not secret, S3 answers it. */
    public String keyMd5() {
        return keyMd5;
    }

    /** The three SSE-C headers of a request on the object itself. */
    void putHeaders(Map<String, String> headers) {
        put(headers, PREFIX);
    }

    /** The three {@code x-amz-copy-source-server-side-encryption-customer-*} headers: the source of a copy. */
    void putCopySourceHeaders(Map<String, String> headers) {
        put(headers, COPY_SOURCE_PREFIX);
    }

    private void put(Map<String, String> headers, String prefix) {
        headers.put(prefix + "algorithm", ALGORITHM);
        headers.put(prefix + "key", Base64.getEncoder().encodeToString(key));
        headers.put(prefix + "key-MD5", keyMd5);
    }

    /** Whether {@code name} is a header that carries a customer key (never logged, never in a presigned URL). */
    public static boolean isKeyHeader(String name) {
        String n = name.toLowerCase(java.util.Locale.ROOT);
        return n.equals(PREFIX + "key") || n.equals(COPY_SOURCE_PREFIX + "key");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SseCustomerKey k && MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return keyMd5.hashCode();
    }

    @Override
    public String toString() {
        return "SseCustomerKey[AES256, key not shown]";
    }

    private static byte[] md5(byte[] data) {
        try {
            return MessageDigest.getInstance("MD5").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
