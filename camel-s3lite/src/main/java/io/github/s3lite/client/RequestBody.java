package io.github.s3lite.client;

import java.nio.file.Path;
import java.util.Objects;

/** What an upload sends. Files are sent region by region straight from disk, never loaded into the heap. */
public sealed interface RequestBody {

    /** Exact number of bytes sent. */
    long length();

    /** True when the body can be sent again (for a re-sign after clock skew); both kinds are. */
    boolean repeatable();

    static RequestBody of(byte[] data) {
        return new Bytes(data, 0, data.length);
    }

    static RequestBody of(Path file, long position, long length) {
        return new FileRegion(file, position, length);
    }

    /** Bytes held in memory (small objects, XML documents, buffered stream parts). */
    record Bytes(byte[] data, int offset, int size) implements RequestBody {
        public Bytes {
            Objects.checkFromIndexSize(offset, size, data.length);
        }

        @Override
        public long length() {
            return size;
        }

        @Override
        public boolean repeatable() {
            return true;
        }
    }

    /** A region of a file: [position, position + length). */
    record FileRegion(Path path, long position, long length) implements RequestBody {
        public FileRegion {
            Objects.requireNonNull(path, "path");
            if (position < 0 || length < 0) {
                throw new IllegalArgumentException("Negative file region " + position + "+" + length);
            }
        }

        @Override
        public boolean repeatable() {
            return true;
        }
    }
}
