package io.github.s3lite.client;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** Validation of bucket names and object keys before any request is sent. */
public final class S3Names {
    // "Bucket names must be between 3 and 63 characters long, consist only of lowercase letters, numbers, dots (.),
    // and hyphens (-), and begin and end with a letter or number." (also: not formatted as an IP address)
    private static final Pattern BUCKET = Pattern.compile("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$");
    private static final Pattern IP = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");

    private S3Names() {
    }

    public static String requireValidBucket(String bucket) {
        if (bucket == null || bucket.isBlank()) {
            throw new IllegalArgumentException("Bucket name is missing: set it in the URI (s3lite:my-bucket) or the CamelS3LiteBucketName header");
        }
        if (!BUCKET.matcher(bucket).matches() || bucket.contains("..") || IP.matcher(bucket).matches()) {
            throw new IllegalArgumentException("Invalid bucket name '" + bucket
                    + "': use 3-63 characters of lowercase letters, digits, '.' and '-', starting and ending with a letter or digit");
        }
        return bucket;
    }

    public static String requireValidKey(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("Object key is missing: set the CamelS3LiteKey header, the keyName option or the CamelFileName header");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > S3Limits.MAX_KEY_BYTES) {
            throw new IllegalArgumentException("Object key is " + bytes + " UTF-8 bytes long; S3 allows at most "
                    + S3Limits.MAX_KEY_BYTES + " bytes: shorten the key");
        }
        return key;
    }
}
