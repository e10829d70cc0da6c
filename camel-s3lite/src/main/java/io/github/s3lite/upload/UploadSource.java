package io.github.s3lite.upload;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.function.Supplier;
import java.util.zip.CRC32C;

/** What a multipart upload reads from. */
public sealed interface UploadSource {

    /** Length in bytes, or -1 when unknown. */
    long length();

    /**
     * What identifies this content for resume: it must change when the content changes. Files: size, mtime and
     * a fingerprint of sampled bytes; streams: an identity the caller vouches for (e.g. the exchange's breadcrumb).
     */
    String identity();

    /** A file, sent region by region from disk. */
    record FileSource(Path path, long length, String identity) implements UploadSource {
        /** Identity from size, last-modified time and CRC32C of three 64 KiB samples (head, middle, tail). */
        public static FileSource of(Path path) throws IOException {
            long size = Files.size(path);
            long mtime = Files.getLastModifiedTime(path).toMillis();
            return new FileSource(path, size, "file:" + size + ":" + mtime + ":" + fingerprint(path, size));
        }

        static String fingerprint(Path path, long size) throws IOException {
            CRC32C crc = new CRC32C();
            int sample = 64 * 1024;
            try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
                ByteBuffer buf = ByteBuffer.allocate(sample);
                for (long pos : new long[] { 0, Math.max(0, size / 2 - sample / 2), Math.max(0, size - sample) }) {
                    buf.clear();
                    int n;
                    long p = pos;
                    while (buf.hasRemaining() && (n = ch.read(buf, p)) > 0) {
                        p += n;
                    }
                    buf.flip();
                    crc.update(buf);
                }
            }
            return HexFormat.of().toHexDigits((int) crc.getValue());
        }
    }

    /**
     * A stream, read once, part by part; {@code length} -1 when unknown. {@code replayable}: a later attempt gets
     * the same bytes from byte 0 again (a stream cache, a byte[]), so a transient failure may leave the upload for
     * it to resume; a stream that cannot be replayed is aborted on any failure instead. {@code reread}, when not
     * null, gives the same bytes from byte 0 within this attempt (a stream cache reset, a new stream over a byte[]):
     * only then can the uploader compare the whole stream with an object a {@code done} mark names and still send
     * it when it differs; without it such a stream is always sent.
     */
    record StreamSource(InputStream stream, long length, String identity, boolean replayable,
            Supplier<InputStream> reread) implements UploadSource {
        /** A replayable stream that cannot be re-read within the attempt. */
        public StreamSource(InputStream stream, long length, String identity) {
            this(stream, length, identity, true, null);
        }

        /** A stream that cannot be re-read within the attempt. */
        public StreamSource(InputStream stream, long length, String identity, boolean replayable) {
            this(stream, length, identity, replayable, null);
        }
    }
}
