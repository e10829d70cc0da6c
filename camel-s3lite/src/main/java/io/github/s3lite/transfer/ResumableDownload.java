package io.github.s3lite.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads an object to a file so that a crash or a dropped connection costs only what was not yet written.
 * Bytes go to {@code <target>.s3lite-part} beside the target, and the ETag they belong to to
 * {@code <target>.s3lite-etag}. A later attempt continues with {@code Range: bytes=<written>-} and
 * {@code If-Match: <etag>}; if the object changed meanwhile (412) it starts over. When the length matches, the
 * temp file is renamed atomically into place, so the target is never seen half-written.
 */
public final class ResumableDownload {

    private static final Logger LOG = LoggerFactory.getLogger(ResumableDownload.class);

    /** The downloaded file; {@code resumedFrom} is the byte offset the transfer continued from (0 for a fresh one). */
    public record Result(Path file, long length, String eTag, long resumedFrom) {
    }

    private ResumableDownload() {
    }

    /** Checks that {@code key} stays inside {@code directory} and returns the target path. */
    public static Path targetInside(Path directory, String key) {
        Path dir = directory.toAbsolutePath().normalize();
        String relative = key.replace('\\', '/');
        while (relative.startsWith("/")) {
            relative = relative.substring(1);
        }
        Path target = dir.resolve(relative).normalize();
        if (!target.startsWith(dir) || target.equals(dir) || relative.isEmpty()) {
            throw new IllegalArgumentException("Key '" + key + "' would be written outside the destination directory "
                    + dir + ": keys with '../' cannot be downloaded there");
        }
        return target;
    }

    public static Result download(S3Client client, String bucket, String key, Path target) {
        try {
            return attempt(client, bucket, key, target, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Writing " + target + " failed: " + e.getMessage(), e);
        }
    }

    private static Result attempt(S3Client client, String bucket, String key, Path target, boolean mayRestart)
            throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path part = target.resolveSibling(target.getFileName() + ".s3lite-part");
        Path tag = target.resolveSibling(target.getFileName() + ".s3lite-etag");
        ObjectInfo head = client.headObject(bucket, key, null);
        String eTag = head.eTag();
        long offset = 0;
        if (Files.exists(part) && Files.exists(tag) && Files.readString(tag, StandardCharsets.UTF_8).equals(eTag)) {
            offset = Files.size(part);
            if (offset > head.contentLength()) {
                offset = 0;
            }
        }
        if (offset == 0) {
            Files.writeString(tag, eTag == null ? "" : eTag, StandardCharsets.UTF_8);
            Files.deleteIfExists(part);
            Files.createFile(part);
        } else {
            LOG.info("Resuming download of {}/{} at byte {} of {}", bucket, key, offset, head.contentLength());
        }
        if (offset < head.contentLength()) {
            try (GetObjectResponse r = client.getObject(bucket, key,
                    new GetOptions("bytes=" + offset + "-", eTag, null));
                    FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    OutputStream out = Channels.newOutputStream(ch)) {
                copy(r.body(), out, bucket, key);
                ch.force(false);
            } catch (S3PreconditionFailedException changed) {
                if (!mayRestart) {
                    throw changed;
                }
                LOG.info("{}/{} changed during the download (ETag no longer {}): starting over", bucket, key, eTag);
                Files.deleteIfExists(part);
                Files.deleteIfExists(tag);
                return attempt(client, bucket, key, target, false);
            }
        }
        long size = Files.size(part);
        if (size != head.contentLength()) {
            throw new S3TransientException("Download of " + bucket + "/" + key + " ended at " + size + " of "
                    + head.contentLength() + " bytes; a retry continues from there", 0, null, null, null);
        }
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(tag);
        return new Result(target, size, eTag, offset);
    }

    private static void copy(InputStream in, OutputStream out, String bucket, String key) throws IOException {
        byte[] buf = new byte[64 * 1024];
        int n;
        try {
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
            }
        } catch (IOException e) {
            out.flush();
            throw new S3TransientException("Download of " + bucket + "/" + key + " was cut: " + e
                    + "; a retry continues from the bytes already written", 0, null, null, e);
        }
    }
}
