package io.github.s3lite.upload;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.PartInfo;

/**
 * The composite checksum S3 gives an object completed from parts that carried a flexible checksum: the checksum
 * (same algorithm) of the concatenated binary part checksums, base64, then {@code -N}; AWS reports it on HEAD with
 * {@code x-amz-checksum-mode: ENABLED} ({@code x-amz-checksum-crc32c: ...-N}). It recognises the object these parts
 * make where the ETag cannot: part ETags that are not MD5s (AWS SSE-KMS/SSE-C, other stores).
 */
final class MultipartChecksum {
    private MultipartChecksum() {
    }

    /** The expected composite checksum, or null when not every part carries one of the same algorithm. */
    static String of(List<PartInfo> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        ChecksumAlgorithm a = parts.get(0).checksumAlgorithm();
        if (a == null) {
            return null;
        }
        ByteBuffer all = ByteBuffer.allocate(parts.size() * 32);
        for (PartInfo p : parts) {
            if (p.checksumAlgorithm() != a || p.checksum() == null) {
                return null;
            }
            byte[] v;
            try {
                v = Base64.getDecoder().decode(p.checksum());
            } catch (IllegalArgumentException e) {
                return null;
            }
            if (v.length > 32) {
                return null;
            }
            all.put(v);
        }
        byte[] concatenated = java.util.Arrays.copyOf(all.array(), all.position());
        byte[] sum = switch (a) {
            case CRC32C -> crc(new CRC32C(), concatenated);
            case CRC32 -> crc(new CRC32(), concatenated);
            case SHA256 -> sha256(concatenated);
            default -> null;
        };
        return sum == null ? null : algorithmKey(a) + "=" + Base64.getEncoder().encodeToString(sum) + "-" + parts.size();
    }

    /** True when the object reports exactly this composite checksum ({@code expected} as {@link #of} gives it). */
    static boolean reportedBy(ObjectInfo head, String expected) {
        if (head == null || expected == null) {
            return false;
        }
        int eq = expected.indexOf('=');
        String reported = head.checksums().get(expected.substring(0, eq));
        return reported != null && reported.trim().equals(expected.substring(eq + 1));
    }

    private static String algorithmKey(ChecksumAlgorithm a) {
        return a.name().toLowerCase(Locale.ROOT);
    }

    private static byte[] crc(Checksum c, byte[] data) {
        c.update(data, 0, data.length);
        return ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
