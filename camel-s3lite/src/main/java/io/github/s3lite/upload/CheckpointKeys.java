package io.github.s3lite.upload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.s3lite.client.ETags;

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
 * {@code <target>} and {@code <source>} are SHA-256 based ids, so keys stay short and reveal no paths. An upload
 * id or ETag longer than {@value #MAX_RAW} characters (AWS upload ids have about 130) is replaced by {@code h} and
 * its 32-hex id, so every key has at most {@value #MAX_KEY_LENGTH} characters and fits camel-sql's stock
 * {@code messageId VARCHAR(100)}. Keys written before this scheme (0.1.0 snapshots) embedded long ids raw; {@link #legacy} gives
 * that form, which is still read (not written) so uploads in flight across an upgrade resume.
 */
public final class CheckpointKeys {
    /** Upload ids and ETags up to this length are kept as they are. */
    static final int MAX_RAW = 40;
    /** No key is longer. */
    public static final int MAX_KEY_LENGTH = 100;

    private CheckpointKeys() {
    }

    public static String target(String bucket, String key) {
        return id(bucket + "\n" + key);
    }

    public static String mpu(String target, String uploadId) {
        return "s3lite:mpu:" + target + ":" + ref(uploadId);
    }

    public static String src(String source, String uploadId) {
        return "s3lite:src:" + source + ":" + ref(uploadId);
    }

    public static String part(String uploadId, int partNumber, String eTag) {
        return "s3lite:part:" + ref(uploadId) + ":" + partNumber + ":" + ref(ETags.bare(eTag));
    }

    public static String lead(String source) {
        return "s3lite:lead:" + source;
    }

    public static String done(String source, String eTag) {
        return "s3lite:done:" + source + ":" + ref(ETags.bare(eTag));
    }

    /**
     * The form an {@code mpu}, {@code src}, {@code part} or {@code done} key had before long ids were hashed: the
     * same as {@code key} when nothing in it was long. {@code kind} and the raw values give it.
     */
    static String legacy(String kind, String idPart, String uploadId, int partNumber, String eTag) {
        return switch (kind) {
            case "mpu", "src" -> "s3lite:" + kind + ":" + idPart + ":" + uploadId;
            case "part" -> "s3lite:part:" + uploadId + ":" + partNumber + ":" + ETags.bare(eTag);
            case "done" -> "s3lite:done:" + idPart + ":" + ETags.bare(eTag);
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** A value as it goes into a key: itself when short, else {@code h} and its 32-hex id. */
    static String ref(String value) {
        return value.length() <= MAX_RAW ? value : "h" + id(value);
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

}
