package io.github.s3lite.client;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Server-side encryption with keys the store manages: {@code AES256} (SSE-S3), {@code aws:kms} (SSE-KMS) or
 * {@code aws:kms:dsse} (dual-layer SSE-KMS), with an optional KMS key id, encryption context and S3 Bucket Key.
 * Sent on PutObject, CreateMultipartUpload and the destination of CopyObject (S3 takes it on no other request).
 *
 * @param kmsEncryptionContext the context as JSON ({@code {"project":"x"}}) or already as its base64; sent base64
 */
public record ServerSideEncryption(String algorithm, String kmsKeyId, String kmsEncryptionContext, boolean bucketKeyEnabled) {

    public static final List<String> ALGORITHMS = List.of("AES256", "aws:kms", "aws:kms:dsse");

    public ServerSideEncryption {
        algorithm = blankToNull(algorithm);
        kmsKeyId = blankToNull(kmsKeyId);
        kmsEncryptionContext = blankToNull(kmsEncryptionContext);
        if (algorithm != null && !ALGORITHMS.contains(algorithm)) {
            throw new IllegalArgumentException("serverSideEncryption=" + LogText.of(algorithm, 64) + " is not one of "
                    + String.join(", ", ALGORITHMS) + " (SSE-S3, SSE-KMS, dual-layer SSE-KMS); for SSE-C set sseCustomerKey");
        }
        boolean kms = algorithm != null && algorithm.startsWith("aws:kms");
        if (!kms && (kmsKeyId != null || kmsEncryptionContext != null || bucketKeyEnabled)) {
            throw new IllegalArgumentException("kmsKeyId, kmsEncryptionContext and bucketKeyEnabled apply to SSE-KMS only, but "
                    + "serverSideEncryption=" + algorithm + ": set serverSideEncryption=aws:kms (or aws:kms:dsse), or remove them");
        }
        if (kmsEncryptionContext != null) {
            contextJson(kmsEncryptionContext); // validates
        }
    }

    /** The context's base64 wire form. */
    public String kmsEncryptionContextBase64() {
        if (kmsEncryptionContext == null) {
            return null;
        }
        return kmsEncryptionContext.startsWith("{") ? Base64.getEncoder().encodeToString(
                kmsEncryptionContext.getBytes(StandardCharsets.UTF_8)) : kmsEncryptionContext;
    }

    void putHeaders(Map<String, String> h) {
        if (algorithm == null) {
            return;
        }
        h.put("x-amz-server-side-encryption", algorithm);
        if (kmsKeyId != null) {
            h.put("x-amz-server-side-encryption-aws-kms-key-id", kmsKeyId);
        }
        if (kmsEncryptionContext != null) {
            h.put("x-amz-server-side-encryption-context", kmsEncryptionContextBase64());
        }
        if (bucketKeyEnabled) {
            h.put("x-amz-server-side-encryption-bucket-key-enabled", "true");
        }
    }

    private static String contextJson(String value) {
        String json = value;
        if (!value.startsWith("{")) {
            try {
                json = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                json = "";
            }
        }
        json = json.trim();
        if (!json.startsWith("{") || !json.endsWith("}")) {
            throw new IllegalArgumentException("kmsEncryptionContext is neither a JSON object such as {\"project\":\"billing\"} "
                    + "nor the base64 of one");
        }
        return json;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
