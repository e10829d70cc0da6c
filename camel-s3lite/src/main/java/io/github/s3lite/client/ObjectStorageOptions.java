package io.github.s3lite.client;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.github.s3lite.client.auth.UriEncoder;

/**
 * How S3 stores a new object, beyond its content and metadata: server-side encryption, storage class, canned ACL,
 * tags and Object Lock. Sent on PutObject, CreateMultipartUpload and the destination of CopyObject (never on
 * UploadPart or CompleteMultipartUpload, which S3 does not take them on). All values are checked here, so a bad
 * one fails before any request.
 *
 * @param tagging tags as key to value, sent as {@code x-amz-tagging} (URL-encoded); at most 10
 */
public record ObjectStorageOptions(ServerSideEncryption encryption, String storageClass, String cannedAcl,
        Map<String, String> tagging, ObjectLock objectLock) {

    public static final ObjectStorageOptions NONE = new ObjectStorageOptions(null, null, null, Map.of(), null);

    /** Canned ACLs S3 takes on objects. */
    public static final List<String> CANNED_ACLS = List.of("private", "public-read", "public-read-write",
            "authenticated-read", "aws-exec-read", "bucket-owner-read", "bucket-owner-full-control");
    private static final Pattern STORAGE_CLASS = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");
    /** "letters, numbers, and spaces representable in UTF-8, and the following characters: + - = . _ : / @". */
    private static final Pattern TAG_TEXT = Pattern.compile("[\\p{L}\\p{N}\\p{Zs}+\\-=._:/@]*");

    public ObjectStorageOptions {
        storageClass = storageClass == null || storageClass.isBlank() ? null : storageClass.trim();
        cannedAcl = cannedAcl == null || cannedAcl.isBlank() ? null : cannedAcl.trim();
        tagging = tagging == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(tagging));
        objectLock = objectLock == null ? ObjectLock.NONE : objectLock;
        if (storageClass != null && !STORAGE_CLASS.matcher(storageClass).matches()) {
            throw new IllegalArgumentException("storageClass=" + LogText.of(storageClass, 64) + " is not a storage class name: "
                    + "use such as STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR, GLACIER, DEEP_ARCHIVE "
                    + "or REDUCED_REDUNDANCY (upper case; Ceph RGW: a storage class of its placement target)");
        }
        if (cannedAcl != null && !CANNED_ACLS.contains(cannedAcl)) {
            throw new IllegalArgumentException("cannedAcl=" + LogText.of(cannedAcl, 64) + " is not one of "
                    + String.join(", ", CANNED_ACLS));
        }
        checkTags(tagging);
    }

    public ObjectStorageOptions withTagging(Map<String, String> value) {
        return new ObjectStorageOptions(encryption, storageClass, cannedAcl, value, objectLock);
    }

    boolean isNone() {
        return (encryption == null || encryption.algorithm() == null) && storageClass == null && cannedAcl == null
                && tagging.isEmpty() && objectLock.isNone();
    }

    /** The headers of a PUT or CreateMultipartUpload. */
    void putHeaders(Map<String, String> h) {
        if (encryption != null) {
            encryption.putHeaders(h);
        }
        if (storageClass != null) {
            h.put("x-amz-storage-class", storageClass);
        }
        if (cannedAcl != null) {
            h.put("x-amz-acl", cannedAcl);
        }
        if (!tagging.isEmpty()) {
            h.put("x-amz-tagging", taggingHeader(tagging));
        }
        objectLock.putHeaders(h);
    }

    /** The headers of a copy's destination: as a PUT, tags replacing the source's ({@code x-amz-tagging-directive}). */
    void putCopyHeaders(Map<String, String> h) {
        putHeaders(h);
        if (!tagging.isEmpty()) {
            h.put("x-amz-tagging-directive", "REPLACE");
        }
    }

    /** {@code k1=v1&k2=v2}, each part URL-encoded as S3 wants in {@code x-amz-tagging}. */
    public static String taggingHeader(Map<String, String> tags) {
        StringBuilder b = new StringBuilder();
        tags.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append('&');
            }
            b.append(UriEncoder.encode(k, false)).append('=').append(UriEncoder.encode(v == null ? "" : v, false));
        });
        return b.toString();
    }

    /** @throws IllegalArgumentException naming the tag and the rule it breaks */
    public static void checkTags(Map<String, String> tags) {
        if (tags.size() > S3Limits.MAX_OBJECT_TAGS) {
            throw new IllegalArgumentException("tagging has " + tags.size() + " tags; S3 allows at most "
                    + S3Limits.MAX_OBJECT_TAGS + " per object");
        }
        for (Map.Entry<String, String> e : tags.entrySet()) {
            String k = e.getKey();
            String v = e.getValue() == null ? "" : e.getValue();
            if (k == null || k.isEmpty() || k.codePointCount(0, k.length()) > S3Limits.MAX_TAG_KEY_LENGTH
                    || !TAG_TEXT.matcher(k).matches()) {
                throw new IllegalArgumentException("tagging key '" + LogText.of(k, 64) + "' must be 1 to "
                        + S3Limits.MAX_TAG_KEY_LENGTH + " letters, digits, spaces or + - = . _ : / @");
            }
            if (k.regionMatches(true, 0, "aws:", 0, 4)) {
                throw new IllegalArgumentException("tagging key '" + LogText.of(k, 64) + "': keys starting with aws: are AWS's own");
            }
            if (v.codePointCount(0, v.length()) > S3Limits.MAX_TAG_VALUE_LENGTH || !TAG_TEXT.matcher(v).matches()) {
                throw new IllegalArgumentException("tagging value of '" + LogText.of(k, 64) + "' must be at most "
                        + S3Limits.MAX_TAG_VALUE_LENGTH + " letters, digits, spaces or + - = . _ : / @");
            }
        }
    }
}
