package io.github.s3lite.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The checkpoint scheme. A repository can only answer "do you hold this key?", so every fact is a key that can
 * be rebuilt from what the S3 server lists (ListMultipartUploads gives upload ids, ListParts gives part numbers
 * and ETags):
 * <ul>
 * <li>{@code s3lite:mpu:<target>:<uploadId>}: s3lite started this upload for this bucket/key;</li>
 * <li>{@code s3lite:src:<source>:<uploadId>}: the upload carries this source (same size, mtime, fingerprint,
 * target and part size);</li>
 * <li>{@code s3lite:part:<uploadId>:<n>:<etag>}: part n was uploaded and acknowledged with this ETag;</li>
 * <li>{@code s3lite:done:<source>:<etag>}: this source was completed into the object with this ETag;</li>
 * <li>{@code s3lite:lead:<source>}: held only while one node creates this source's upload (an atomic add, so
 * two nodes receiving the same file at once create one upload; the other waits for the {@code src} key and
 * joins).</li>
 * </ul>
 * {@code <target>} and {@code <source>} are SHA-256 based ids, so keys stay short and reveal no paths.
 */
public final class CheckpointKeys {
    private CheckpointKeys() {
    }

    public static String target(String bucket, String key) {
        return id(bucket + "\n" + key);
    }

    public static String mpu(String target, String uploadId) {
        return "s3lite:mpu:" + target + ":" + uploadId;
    }

    public static String src(String source, String uploadId) {
        return "s3lite:src:" + source + ":" + uploadId;
    }

    public static String part(String uploadId, int partNumber, String eTag) {
        return "s3lite:part:" + uploadId + ":" + partNumber + ":" + stripQuotes(eTag);
    }

    public static String lead(String source) {
        return "s3lite:lead:" + source;
    }

    public static String done(String source, String eTag) {
        return "s3lite:done:" + source + ":" + stripQuotes(eTag);
    }

    /** 32 hex chars of SHA-256. */
    public static String id(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String stripQuotes(String eTag) {
        return eTag == null ? "" : eTag.replace("\"", "");
    }
}
