package io.github.s3lite.content;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/** Reads the first bytes of a stream without losing them. */
public final class HeadPeek {

    private HeadPeek() {
    }

    /**
     * The peeked head and a stream that replays it.
     *
     * @param head   the bytes read (0..max; fewer than max only when the source hit EOF)
     * @param stream replays {@code head}, then continues with the rest of the original stream;
     *               closing it closes the original stream
     */
    public record Peeked(byte[] head, InputStream stream) {
    }

    /**
     * Reads up to {@code max} bytes from {@code in} (looping over short reads until max or EOF, never more).
     *
     * @throws IllegalArgumentException when max is negative
     */
    public static Peeked peek(InputStream in, int max) throws IOException {
        Objects.requireNonNull(in, "in");
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, was " + max);
        }
        byte[] buf = new byte[max];
        int n = 0;
        while (n < max) {
            int r = in.read(buf, n, max - n);
            if (r < 0) {
                break;
            }
            n += r;
        }
        byte[] head = n == max ? buf : Arrays.copyOf(buf, n);
        return new Peeked(head, new ReplayInputStream(head.clone(), in));
    }

    /** Reads only the first {@code max} bytes of a file (fewer when the file is shorter); never loads the whole file. */
    public static byte[] head(Path file, int max) throws IOException {
        Objects.requireNonNull(file, "file");
        if (max < 0) {
            throw new IllegalArgumentException("max must be >= 0, was " + max);
        }
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(max);
        }
    }

    /** Serves a prefix from memory, then delegates. */
    private static final class ReplayInputStream extends FilterInputStream {
        private final byte[] prefix;
        private int pos;

        ReplayInputStream(byte[] prefix, InputStream rest) {
            super(rest);
            this.prefix = prefix;
        }

        @Override
        public int read() throws IOException {
            if (pos < prefix.length) {
                return prefix[pos++] & 0xFF;
            }
            return in.read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            if (pos < prefix.length) {
                int n = Math.min(len, prefix.length - pos);
                System.arraycopy(prefix, pos, b, off, n);
                pos += n;
                return n;
            }
            return in.read(b, off, len);
        }

        @Override
        public long skip(long n) throws IOException {
            if (n <= 0) {
                return 0;
            }
            if (pos < prefix.length) {
                int s = (int) Math.min(n, prefix.length - pos);
                pos += s;
                return s;
            }
            return in.skip(n);
        }

        @Override
        public int available() throws IOException {
            int buffered = prefix.length - pos;
            return buffered > 0 ? buffered : in.available();
        }

        @Override
        public boolean markSupported() {
            return false;
        }

        @Override
        public synchronized void mark(int readlimit) {
            // not supported
        }

        @Override
        public synchronized void reset() throws IOException {
            throw new IOException("mark/reset not supported");
        }
    }
}
