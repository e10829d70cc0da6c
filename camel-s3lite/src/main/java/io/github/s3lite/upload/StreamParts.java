package io.github.s3lite.upload;

import java.io.InputStream;
import java.util.HexFormat;
import java.util.zip.CRC32C;

import io.github.s3lite.client.RequestBody;

/** A stream body: its first part is read before the upload exists (it may be small enough for one PUT). */
final class StreamParts {
    final PartBufferPool buffers;
    final String key;
    final long maxObjectSize;
    final long length;
    final long partSize;
    InputStream in;
    StreamPartReader reader;
    byte[] first;
    int firstLength;

    StreamParts(PartBufferPool buffers, InputStream in, String key, long partSize, long maxObjectSize, long length) {
        this.buffers = buffers;
        this.key = key;
        this.maxObjectSize = maxObjectSize;
        this.length = length;
        this.partSize = partSize;
        start(in);
    }

    private void start(InputStream stream) {
        this.in = stream;
        this.reader = new StreamPartReader(stream, key, partSize, maxObjectSize, length);
        this.first = buffers.take();
        this.firstLength = reader.read(first, 1);
    }

    /** CRC32C of the first part (hex): part of a stream's identity. */
    String fingerprint() {
        CRC32C crc = new CRC32C();
        crc.update(first, 0, firstLength);
        return HexFormat.of().toHexDigits((int) crc.getValue());
    }

    /** Reads the rest of the stream: the multipart ETag of all its bytes ({@link SourceETag}). */
    String eTagOfAll() {
        SourceETag e = new SourceETag(partSize);
        e.update(first, 0, firstLength);
        e.updateFrom(in, key);
        return e.finish();
    }

    /** Reads the same body again from byte 0 (after {@link #eTagOfAll()}). */
    void restart(InputStream again) {
        buffers.give(first);
        start(again);
    }

    void send(PartSender parts) {
        byte[] buf = first;
        int len = firstLength;
        try {
            for (int n = 1; !parts.failed(); n++) {
                if (n > 1) {
                    buf = buffers.take();
                    len = reader.read(buf, n);
                    if (len == 0) {
                        buffers.give(buf);
                        break;
                    }
                }
                byte[] b = buf;
                if (parts.reuse(n, len, buf)) {
                    buffers.give(buf);
                } else {
                    parts.send(n, new RequestBody.Bytes(buf, 0, len), () -> buffers.give(b));
                }
                if (len < partSize) {
                    break;
                }
            }
        } finally {
            parts.awaitInFlight();
        }
        parts.rethrowFailure();
        reader.checkLength();
    }
}
