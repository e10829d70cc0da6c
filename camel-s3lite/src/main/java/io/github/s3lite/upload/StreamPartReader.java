package io.github.s3lite.upload;

import java.io.IOException;
import java.io.InputStream;

import io.github.s3lite.client.S3Limits;
import io.github.s3lite.client.S3TransientException;

/**
 * Reads a stream body part by part into part-sized buffers, and enforces what a stream cannot announce: at most
 * {@link S3Limits#MAX_PARTS} parts, at most {@code maxObjectSize} bytes, and exactly the announced length if any.
 */
final class StreamPartReader {
    private final InputStream in;
    private final String key;
    private final long partSize;
    private final long maxObjectSize;
    private final long announcedLength;
    private long total;

    StreamPartReader(InputStream in, String key, long partSize, long maxObjectSize, long announcedLength) {
        this.in = in;
        this.key = key;
        this.partSize = partSize;
        this.maxObjectSize = maxObjectSize;
        this.announcedLength = announcedLength;
    }

    /** Fills {@code buf} with part {@code partNumber}; fewer bytes only at the end of the stream (0: no such part). */
    int read(byte[] buf, int partNumber) {
        int len = fill(buf, partNumber);
        if (len == 0 && partNumber > 1) {
            return 0;
        }
        if (partNumber > S3Limits.MAX_PARTS) {
            throw new IllegalArgumentException("The stream for " + key + " is longer than " + S3Limits.MAX_PARTS
                    + " parts of " + partSize + " bytes: raise partSize");
        }
        total += len;
        if (total > maxObjectSize) {
            throw new IllegalArgumentException("The stream for " + key
                    + " exceeds the configured maximum object size of " + maxObjectSize + " bytes (maxObjectSize)");
        }
        return len;
    }

    /** Bytes read so far. */
    long total() {
        return total;
    }

    /** After the last part: the stream had as many bytes as it announced (if it announced any). */
    void checkLength() {
        if (announcedLength >= 0 && total != announcedLength) {
            throw new IllegalArgumentException("The body for " + key + " had " + total + " bytes, not the announced "
                    + announcedLength + ": nothing was completed");
        }
    }

    private int fill(byte[] buf, int partNumber) {
        try {
            return in.readNBytes(buf, 0, buf.length);
        } catch (IOException e) {
            throw new S3TransientException("Reading part " + partNumber + " of the body for " + key + " failed: " + e,
                    0, null, null, e);
        }
    }
}
