package io.github.s3lite.client.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Small static helpers for SigV4: lowercase hex, SHA-256 and HMAC-SHA256. New JCA instances per call (thread-safe). */
public final class Hashing {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private Hashing() {
    }

    /** Lowercase hex of the bytes. */
    public static String hex(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            out[i * 2] = HEX[b >>> 4];
            out[i * 2 + 1] = HEX[b & 0x0f];
        }
        return new String(out);
    }

    public static byte[] sha256(byte[] data, int off, int len) {
        MessageDigest md = sha256Digest();
        md.update(data, off, len);
        return md.digest();
    }

    /** Lowercase hex SHA-256 of the bytes. */
    public static String sha256Hex(byte[] data) {
        return hex(sha256(data, 0, data.length));
    }

    public static String sha256Hex(byte[] data, int off, int len) {
        return hex(sha256(data, off, len));
    }

    /** Lowercase hex SHA-256 of the UTF-8 bytes of the string. */
    public static String sha256Hex(String data) {
        return sha256Hex(data.getBytes(StandardCharsets.UTF_8));
    }

    public static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    /** HMAC-SHA256 of the UTF-8 bytes of the string. */
    public static byte[] hmacSha256(byte[] key, String data) {
        return hmacSha256(key, data.getBytes(StandardCharsets.UTF_8));
    }
}
