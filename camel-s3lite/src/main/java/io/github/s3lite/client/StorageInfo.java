package io.github.s3lite.client;

import org.apache.hc.core5.http.ClassicHttpResponse;

import static io.github.s3lite.client.Responses.header;

/**
 * How the store says it keeps an object, from the answer to a write, GET or HEAD: {@code x-amz-server-side-encryption},
 * {@code x-amz-server-side-encryption-aws-kms-key-id}, {@code x-amz-server-side-encryption-bucket-key-enabled},
 * {@code x-amz-storage-class} (S3 omits it for STANDARD) and {@code x-amz-server-side-encryption-customer-algorithm}
 * (SSE-C). Null where the store sent nothing.
 */
public record StorageInfo(String serverSideEncryption, String kmsKeyId, Boolean bucketKeyEnabled, String storageClass,
        String sseCustomerAlgorithm) {

    public static final StorageInfo NONE = new StorageInfo(null, null, null, null, null);

    static StorageInfo of(ClassicHttpResponse r) {
        String bucketKey = header(r, "x-amz-server-side-encryption-bucket-key-enabled");
        StorageInfo s = new StorageInfo(header(r, "x-amz-server-side-encryption"),
                header(r, "x-amz-server-side-encryption-aws-kms-key-id"),
                bucketKey == null ? null : Boolean.valueOf(bucketKey.trim()), header(r, "x-amz-storage-class"),
                header(r, SseCustomerKey.PREFIX + "algorithm"));
        // compared field by field: a record's equals() runs its ObjectMethods bootstrap on first use, which spins
        // method-handle classes, a cold-JVM cost inside every first request
        return s.serverSideEncryption == null && s.kmsKeyId == null && s.bucketKeyEnabled == null && s.storageClass == null
               && s.sseCustomerAlgorithm == null ? NONE : s;
    }
}
