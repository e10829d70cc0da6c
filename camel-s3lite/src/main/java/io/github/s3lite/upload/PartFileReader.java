package io.github.s3lite.upload;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.github.s3lite.client.S3Exception;

/** Reads file parts into buffers with positional reads on one channel, open for one upload attempt. */
final class PartFileReader implements AutoCloseable {
    private final Path path;
    private final FileChannel channel;

    PartFileReader(Path path) {
        this.path = path;
        try {
            this.channel = FileChannel.open(path, StandardOpenOption.READ);
        } catch (IOException e) {
            throw new S3Exception("Reading " + path.getFileName() + " for the upload failed: " + e, 0, null, null, e);
        }
    }

    /** Reads of a heap buffer go through a JDK temporary direct buffer as large as the read: keep both small. */
    static final int SLICE = 256 * 1024;

    /** Fills {@code buf[0, length)} with the file's bytes from {@code position}; a file that ended early changed. */
    void read(byte[] buf, long position, int length) {
        ByteBuffer b = ByteBuffer.wrap(buf, 0, length);
        try {
            long pos = position;
            while (b.position() < length) {
                b.limit(Math.min(length, b.position() + SLICE));
                int n = channel.read(b, pos);
                if (n < 0) {
                    throw new IOException("File " + path.getFileName() + " ended at byte " + pos + " before the expected "
                            + (position + length) + ": it changed during the upload");
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new S3Exception("Reading " + path.getFileName() + " for the upload failed: " + e.getMessage(), 0, null,
                    null, e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // read-only channel: nothing lost
        }
    }
}
