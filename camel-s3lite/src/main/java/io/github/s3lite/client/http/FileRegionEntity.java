package io.github.s3lite.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import org.apache.hc.core5.http.io.entity.AbstractHttpEntity;

/**
 * A repeatable, fixed-length entity over one region of a file (after httpcore5's {@code PathEntity}, but for a
 * region): each write opens the file, sends exactly {@code length} bytes from {@code position} through a small
 * buffer, and closes it. Heap use is the buffer, whatever the part or file size.
 */
public final class FileRegionEntity extends AbstractHttpEntity {
    private static final int BUFFER = 64 * 1024;

    private final Path path;
    private final long position;
    private final long length;

    public FileRegionEntity(Path path, long position, long length) {
        super((String) null, null, false);
        this.path = path;
        this.position = position;
        this.length = length;
    }

    @Override
    public boolean isRepeatable() {
        return true;
    }

    @Override
    public long getContentLength() {
        return length;
    }

    @Override
    public InputStream getContent() throws IOException {
        FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
        ch.position(position);
        return new BoundedInputStream(Channels.newInputStream(ch), length);
    }

    @Override
    public void writeTo(OutputStream out) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.max(1, Math.min(BUFFER, length)));
        FileRegions.read(path, position, length, buffer, chunk -> out.write(chunk.array(), 0, chunk.limit()));
        out.flush();
    }

    @Override
    public boolean isStreaming() {
        return false;
    }

    @Override
    public void close() {
        // nothing held open between writes
    }

    /** Reads at most {@code remaining} bytes. */
    static final class BoundedInputStream extends InputStream {
        private final InputStream in;
        private long remaining;

        BoundedInputStream(InputStream in, long remaining) {
            this.in = in;
            this.remaining = remaining;
        }

        @Override
        public int read() throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int b = in.read();
            if (b >= 0) {
                remaining--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n > 0) {
                remaining -= n;
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
