package io.github.s3lite.upload;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import io.github.s3lite.client.ETags;
import io.github.s3lite.client.PartInfo;

/**
 * The ETag S3 gives an object completed from these parts: the MD5 of the concatenated binary MD5s of the parts,
 * then {@code -N}. AWS (without SSE-KMS/SSE-C), MinIO, Ceph RGW and S3Proxy compute it so; it tells whether the
 * object at a key is the one these parts make, without reading it.
 */
final class MultipartETag {
    private MultipartETag() {
    }

    /** The expected ETag (without quotes), or null when a part's ETag is not a plain MD5 (then nothing can be told). */
    static String of(List<PartInfo> parts) {
        if (parts.isEmpty()) {
            return null;
        }
        try {
            MessageDigest md = MessageDigest.getInstance("MD5");
            HexFormat hex = HexFormat.of();
            for (PartInfo p : parts) {
                String e = ETags.bare(p.eTag());
                if (!ETags.isMd5Hex(e)) {
                    return null;
                }
                md.update(hex.parseHex(e));
            }
            return hex.formatHex(md.digest()) + "-" + parts.size();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Same ETag, ignoring quotes and case. */
    static boolean same(String a, String b) {
        return a != null && b != null && ETags.bare(a).equalsIgnoreCase(ETags.bare(b));
    }
}
