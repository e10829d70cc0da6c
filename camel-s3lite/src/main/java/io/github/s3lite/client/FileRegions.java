package io.github.s3lite.client;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads one region of a file through a small buffer: the single loop behind checksums and upload bodies. */
public final class FileRegions {

    /** Receives consecutive chunks of the region. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(byte[] buffer, int length) throws IOException;
    }

    private FileRegions() {
    }

    /** Hands [position, position + length) to {@code sink} in chunks of at most {@code bufferSize} bytes. */
    public static void read(Path path, long position, long length, int bufferSize, ChunkSink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer buf = ByteBuffer.allocate((int) Math.max(1, Math.min(bufferSize, length)));
            long pos = position;
            long end = position + length;
            while (pos < end) {
                buf.clear();
                buf.limit((int) Math.min(buf.capacity(), end - pos));
                int n = ch.read(buf, pos);
                if (n < 0) {
                    throw new IOException("File " + path.getFileName() + " ended at byte " + pos + " before the expected "
                            + end + ": it changed during the upload");
                }
                sink.accept(buf.array(), n);
                pos += n;
            }
        }
    }
}
