package io.github.s3lite.client;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * What every request of a client view carries besides its own parameters ({@link S3LiteClient#withAccess}):
 * <ul>
 * <li>{@code sseCustomerKey}: the SSE-C key of the objects; sent on PutObject, CreateMultipartUpload, every
 * UploadPart, CompleteMultipartUpload, ListParts, GetObject, HeadObject, both sides of CopyObject (the source as
 * {@code x-amz-copy-source-server-side-encryption-customer-*}), and as signed headers of presigned links;</li>
 * <li>{@code expectedBucketOwner}: the account id the bucket must belong to ({@code x-amz-expected-bucket-owner},
 * and {@code x-amz-source-expected-bucket-owner} for the source of a copy); on every request to a bucket;</li>
 * <li>{@code requestPayer}: {@code x-amz-request-payer: requester} on every object and listing request (a
 * requester-pays bucket refuses requests without it; HeadBucket and CreateBucket take none).</li>
 * </ul>
 * {@code sseCustomerKeyOverHttp} allows a customer key over plain http (refused otherwise: the key would travel in
 * clear text). {@link #toString()} shows no key.
 */
public record ObjectAccess(SseCustomerKey sseCustomerKey, String expectedBucketOwner, boolean requestPayer,
        boolean sseCustomerKeyOverHttp) {

    public static final ObjectAccess NONE = new ObjectAccess(null, null, false, false);
    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");

    public ObjectAccess {
        expectedBucketOwner = expectedBucketOwner == null || expectedBucketOwner.isBlank() ? null : expectedBucketOwner.trim();
        if (expectedBucketOwner != null && !ACCOUNT_ID.matcher(expectedBucketOwner).matches()) {
            throw new IllegalArgumentException("expectedBucketOwner=" + LogText.of(expectedBucketOwner, 64)
                    + " is not an AWS account id: give the 12 digits of the owning account, such as 123456789012");
        }
    }

    public ObjectAccess withSseCustomerKey(SseCustomerKey value) {
        return new ObjectAccess(value, expectedBucketOwner, requestPayer, sseCustomerKeyOverHttp);
    }

    public ObjectAccess withExpectedBucketOwner(String value) {
        return new ObjectAccess(sseCustomerKey, value, requestPayer, sseCustomerKeyOverHttp);
    }

    public ObjectAccess withRequestPayer(boolean value) {
        return new ObjectAccess(sseCustomerKey, expectedBucketOwner, value, sseCustomerKeyOverHttp);
    }

    boolean isNone() {
        return sseCustomerKey == null && expectedBucketOwner == null && !requestPayer;
    }

    /** {@code x-amz-expected-bucket-owner}: on every request to a bucket. */
    void putOwner(Map<String, String> h) {
        if (expectedBucketOwner != null) {
            h.put("x-amz-expected-bucket-owner", expectedBucketOwner);
        }
    }

    /** Owner and request payer: every object and listing request. */
    void putBucketHeaders(Map<String, String> h) {
        putOwner(h);
        if (requestPayer) {
            h.put("x-amz-request-payer", "requester");
        }
    }

    /** Owner, request payer and the SSE-C headers: requests on the object's data. */
    void putObjectHeaders(Map<String, String> h) {
        putBucketHeaders(h);
        if (sseCustomerKey != null) {
            sseCustomerKey.putHeaders(h);
        }
    }

    /** The source side of a copy: its SSE-C key and owner. */
    void putCopySourceHeaders(Map<String, String> h) {
        if (sseCustomerKey != null) {
            sseCustomerKey.putCopySourceHeaders(h);
        }
        if (expectedBucketOwner != null) {
            h.put("x-amz-source-expected-bucket-owner", expectedBucketOwner);
        }
    }
}
