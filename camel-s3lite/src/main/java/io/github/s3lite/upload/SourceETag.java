package io.github.s3lite.upload;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import io.github.s3lite.client.S3TransientException;

/**
 * The multipart ETag ({@link MultipartETag}) that a source's bytes make when cut into parts of {@code partSize}:
 * the MD5 of each part, then the MD5 of those MD5s and {@code -N}. It tells from the bytes alone whether the object
 * at a key holds exactly this stream, for the one decision a checkpoint cannot vouch for: that a stream whose
 * identity has a {@code done} mark is really the content stored (two streams may share breadcrumb and length).
 * Reads the stream to its end through a 64 KiB buffer (no part-sized buffer); costs one MD5 pass over the bytes.
 */
final class SourceETag {
    private final long partSize;
    private final MessageDigest part = md5();
    private final MessageDigest parts = md5();
    private long inPart;
    private int count;

    SourceETag(long partSize) {
        this.partSize = partSize;
    }

    /** The ETag of the whole stream read from byte 0. */
    static String of(InputStream in, long partSize, String key) {
        SourceETag e = new SourceETag(partSize);
        e.updateFrom(in, key);
        return e.finish();
    }

    /** Feeds bytes in order. */
    void update(byte[] b, int off, int len) {
        while (len > 0) {
            int n = (int) Math.min(len, partSize - inPart);
            part.update(b, off, n);
            inPart += n;
            off += n;
            len -= n;
            if (inPart == partSize) {
                endPart();
            }
        }
    }

    /** Feeds the rest of {@code in}. */
    void updateFrom(InputStream in, String key) {
        byte[] buf = new byte[64 * 1024];
        try {
            int n;
            while ((n = in.read(buf)) != -1) {
                update(buf, 0, n);
            }
        } catch (IOException e) {
            throw new S3TransientException("Reading the body for " + key + " to compare it with the stored object failed: "
                    + e, 0, null, null, e);
        }
    }

    /** The ETag (without quotes) of the bytes fed; null when there were none. */
    String finish() {
        if (inPart > 0) {
            endPart();
        }
        return count == 0 ? null : HexFormat.of().formatHex(parts.digest()) + "-" + count;
    }

    private void endPart() {
        parts.update(part.digest());
        count++;
        inPart = 0;
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
