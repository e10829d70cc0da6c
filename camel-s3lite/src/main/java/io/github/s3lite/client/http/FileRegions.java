package io.github.s3lite.client.http;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Reads one region of a file through one buffer: the single loop behind checksums and upload bodies. */
public final class FileRegions {

    /** Receives consecutive chunks of the region: {@code chunk} is positioned at 0 with the chunk's length as limit. */
    @FunctionalInterface
    public interface ChunkSink {
        void accept(ByteBuffer chunk) throws IOException;
    }

    private FileRegions() {
    }

    /**
     * Hands [position, position + length) to {@code sink} in chunks of at most {@code buffer.capacity()} bytes. A
     * direct buffer saves the JDK's copy through its own temporary direct buffer (checksums read it in place).
     */
    public static void read(Path path, long position, long length, ByteBuffer buffer, ChunkSink sink) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long pos = position;
            long end = position + length;
            while (pos < end) {
                buffer.clear();
                buffer.limit((int) Math.min(buffer.capacity(), end - pos));
                int n = ch.read(buffer, pos);
                if (n < 0) {
                    throw new IOException("File " + path.getFileName() + " ended at byte " + pos + " before the expected "
                            + end + ": it changed during the upload");
                }
                buffer.flip();
                sink.accept(buffer);
                pos += n;
            }
        }
    }
}
