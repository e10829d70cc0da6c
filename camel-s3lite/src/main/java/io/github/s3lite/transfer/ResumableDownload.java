package io.github.s3lite.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.BitSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;

import io.github.s3lite.client.ETags;
import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.metrics.TransferListener;
import io.github.s3lite.metrics.TransferProgress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one object version to a file so that a crash or a dropped connection costs only what was not yet
 * written, and so that the file is either that version, complete and verified, or not there.
 * <ul>
 * <li>HEAD fixes the version (ETag, length, checksum); with an expected ETag the HEAD carries {@code If-Match}
 * and a changed object fails with {@link S3PreconditionFailedException}. Every GET carries {@code If-Match} of
 * that ETag, and an answer with another ETag is refused.</li>
 * <li>Bytes go to a temp file of the target's {@link DownloadTarget private folder}, the version they belong to
 * to a state file beside it. A later attempt continues with {@code Range: bytes=<written>-}; the answer must be
 * {@code 206} with exactly that start, the same total length and the same ETag. Anything else (a {@code 200},
 * another start, another ETag) discards the temp file and the download starts over from byte 0.</li>
 * <li>A body that ends before the length HEAD gave is an error (transient: a retry continues), as is one that is
 * longer (the temp file is discarded).</li>
 * <li>Objects longer than {@link Parallelism#partSize()} are fetched in ranges, several at a time, by
 * {@link RangedFetch} (the same rules per range: exact {@code Content-Range}, pinned ETag, never short; a cut range
 * continues from its first missing byte); the completed ranges are listed in a third temp file, so a later
 * attempt fetches only the others. A store that answers a ranged GET with {@code 200} gets one GET instead.</li>
 * <li>The checksum chosen by {@link DownloadVerifier} is checked over the whole file before it is renamed
 * atomically into place; a mismatch discards it. Bytes that arrived in one GET from byte 0 are checked as they
 * arrive; after a ranged fetch a CRC is combined from the ranges' CRCs (computed as they were written, see
 * {@link RangedFetch}); a digest (MD5, SHA) after a resume or a ranged fetch reads the file once more, in order.</li>
 * </ul>
 * Without an expected ETag, a version that changes during the download makes it start over once with the new one.
 * Downloads to one target take turns within a JVM; two JVMs downloading to one file at once are not supported.
 * Size: the temp-file life cycle (create, resume, discard, verify, rename) is kept in one place so
 * the one-GET and the ranged path share it.
 */
public final class ResumableDownload {

    private static final Logger LOG = LoggerFactory.getLogger(ResumableDownload.class);
    private static final int BUFFER = 256 * 1024;
    /** Downloads to one target in this JVM take turns (they would share its temp files): the ones running now. */
    private static final ConcurrentHashMap<Path, CountDownLatch> BUSY = new ConcurrentHashMap<>();

    /**
     * The downloaded file and the HEAD of the version it holds; {@code resumedFrom} is the byte offset the
     * transfer continued from (0 for a fresh one); {@code verifiedWith} names the checksum checked, or null.
     */
    public record Result(Path file, ObjectInfo info, long resumedFrom, String verifiedWith) {
        public long length() {
            return info.contentLength();
        }

        public String eTag() {
            return info.eTag();
        }
    }

    private ResumableDownload() {
    }

    /** Unpinned, with {@link DownloadChecksumValidation#WHEN_AVAILABLE}. */
    public static Result download(S3LiteClient client, String bucket, String key, DownloadTarget target) {
        return download(client, bucket, key, target, null, DownloadChecksumValidation.WHEN_AVAILABLE);
    }

    /** With one GET per download ({@link Parallelism#SERIAL}). */
    public static Result download(S3LiteClient client, String bucket, String key, DownloadTarget target, String expectedETag,
            DownloadChecksumValidation validation) {
        return download(client, bucket, key, target, expectedETag, validation, Parallelism.SERIAL);
    }

    /**
     * Downloads {@code bucket/key} to {@code target}, in parallel ranges when {@code parallelism} says so for its
     * length.
     *
     * @param expectedETag the version to download (e.g. the listed one); null takes the current one
     * @throws S3PreconditionFailedException when {@code expectedETag} is given and the object has another ETag
     */
    public static Result download(S3LiteClient client, String bucket, String key, DownloadTarget target, String expectedETag,
            DownloadChecksumValidation validation, Parallelism parallelism) {
        return download(client, bucket, key, target, expectedETag, validation, parallelism, null);
    }

    /**
     * As {@link #download(S3LiteClient, String, String, DownloadTarget, String, DownloadChecksumValidation, Parallelism)},
     * with the ranges run on {@code executor} (e.g. the endpoint's shared transfer pool); null: a pool of the
     * download's own, ended with it.
     */
    public static Result download(S3LiteClient client, String bucket, String key, DownloadTarget target, String expectedETag,
            DownloadChecksumValidation validation, Parallelism parallelism, Executor executor) {
        return download(client, bucket, key, target, expectedETag, validation, parallelism, executor, TransferListener.NONE);
    }

    /**
     * As {@link #download(S3LiteClient, String, String, DownloadTarget, String, DownloadChecksumValidation, Parallelism,
     * Executor)}, telling {@code listener} how it goes (and logging the progress of large downloads to
     * {@code io.github.s3lite.transfer.progress}).
     */
    public static Result download(S3LiteClient client, String bucket, String key, DownloadTarget target, String expectedETag,
            DownloadChecksumValidation validation, Parallelism parallelism, Executor executor, TransferListener listener) {
        TransferProgress progress = TransferProgress.download(listener, bucket, key);
        try {
            Result r = downloadOnce(client, bucket, key, target, expectedETag, validation, parallelism, executor, progress);
            progress.completed(r.length());
            return r;
        } catch (RuntimeException | Error e) {
            progress.failed(e);
            throw e;
        }
    }

    private static Result downloadOnce(S3LiteClient client, String bucket, String key, DownloadTarget target,
            String expectedETag, DownloadChecksumValidation validation, Parallelism parallelism, Executor executor,
            TransferProgress progress) {
        CountDownLatch mine = new CountDownLatch(1);
        try {
            for (CountDownLatch other; (other = BUSY.putIfAbsent(target.realFile(), mine)) != null;) {
                other.await();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new S3TransientException("Interrupted while another download to " + target.file() + " ran", 0, null,
                    null, e);
        }
        try {
            return downloadAlone(client, bucket, key, target, expectedETag, validation, parallelism, executor, progress);
        } finally {
            BUSY.remove(target.realFile(), mine);
            mine.countDown();
        }
    }

    private static Result downloadAlone(S3LiteClient client, String bucket, String key, DownloadTarget target,
            String expectedETag, DownloadChecksumValidation validation, Parallelism parallelism, Executor executor,
            TransferProgress progress) {
        String why = null;
        Parallelism p = parallelism;
        try {
            for (int round = 0; round < 3; round++) {
                try {
                    return attempt(client, bucket, key, target, expectedETag, validation, p, executor, progress);
                } catch (StartOver e) {
                    why = e.getMessage();
                    LOG.info("Download of {}/{}: {}; starting over", bucket, key, why);
                } catch (RangesIgnored e) {
                    why = e.getMessage();
                    p = Parallelism.SERIAL;
                    LOG.info("Download of {}/{}: {}; downloading it with one GET", bucket, key, why);
                } catch (IOException e) {
                    throw new UncheckedIOException("Writing " + target.file() + " failed: " + e.getMessage(), e);
                }
            }
        } finally {
            target.cleanUp(); // the private folder goes when no temp file is left in it
        }
        throw new S3TransientException("Download of " + bucket + "/" + key + " gave inconsistent answers three times ("
                + why + "); nothing was written to " + target.file(), 0, null, null, null);
    }

    private static Result attempt(S3LiteClient client, String bucket, String key, DownloadTarget target, String expectedETag,
            DownloadChecksumValidation validation, Parallelism parallelism, Executor executor, TransferProgress progress)
            throws IOException, StartOver, RangesIgnored {
        boolean checksumMode = validation != DownloadChecksumValidation.NEVER;
        ObjectInfo head = client.headObject(bucket, key, new GetOptions(null, expectedETag, null, checksumMode));
        String eTag = head.eTag();
        if (expectedETag != null && !sameETag(eTag, expectedETag)) {
            throw new S3PreconditionFailedException("HEAD " + bucket + "/" + key + " answered ETag " + eTag + " to If-Match "
                    + expectedETag, 412, "PreconditionFailed", null);
        }
        if (eTag == null || eTag.isBlank()) {
            throw new S3TransientException("HEAD " + bucket + "/" + key + " answered without an ETag: the download cannot be "
                    + "pinned to one version", 0, null, null, null);
        }
        DownloadVerifier verifier = DownloadVerifier.plan(client, bucket, key, head, validation);
        long length = head.contentLength();
        Path part = target.partFile();
        Path state = target.stateFile();
        Path ranges = target.rangesFile();
        boolean ranged = parallelism.ranged(length);
        String stateLine = ETags.bare(eTag) + "\n" + length
                           + (ranged ? "\nranges of " + parallelism.partSize() : "");
        long offset = resumableBytes(part, state, stateLine, length);
        BitSet done = null;
        if (ranged && offset > 0) {
            done = RangedFetch.done(ranges, parallelism.ranges(length));
            offset = RangedFetch.bytes(done, length, parallelism.partSize());
        }
        if (offset == 0 && (done == null || done.isEmpty())) {
            createTempFiles(target, part, state, stateLine);
            done = ranged ? new BitSet() : null;
        } else {
            LOG.info("Resuming download of {}/{} at byte {} of {}{}", bucket, key, offset, length,
                    ranged ? " (ranges done: " + done.cardinality() + " of " + parallelism.ranges(length) + ")" : "");
        }
        progress.started(length, ranged ? parallelism.ranges(length) : 0, offset, done == null ? 0 : done.cardinality());
        long total = length;
        RangedFetch fetch = null;
        if (ranged) {
            fetch = new RangedFetch(client, bucket, key, eTag, length, parallelism, part, ranges, executor, verifier,
                    progress);
            try {
                fetch.fetch(done, expectedETag != null);
            } catch (StartOver | RangesIgnored | S3PreconditionFailedException e) {
                discard(part, state, ranges);
                throw e;
            }
        } else if (length < 0 || offset < length) {
            total = fetch(client, bucket, key, eTag, expectedETag != null, offset, length, part, state, ranges,
                    offset == 0 ? verifier : DownloadVerifier.none(), progress);
        }
        long size = Files.size(part);
        if (total >= 0 && size != total) {
            throw new S3TransientException("Download of " + bucket + "/" + key + " ended at " + size + " of " + total
                    + " bytes; a retry continues from there", 0, null, null, null);
        }
        if (verifier.active()) {
            String bad;
            if (fetch != null && fetch.checksRanges()) {
                bad = fetch.mismatch(); // the ranges' CRCs, computed as they were written
            } else {
                if (offset > 0 || ranged) {
                    // bytes written earlier or out of order: one pass over the file, in order
                    verifier.reset();
                    verifier.updateFromFile(part);
                }
                bad = verifier.mismatch();
            }
            if (bad != null) {
                discard(part, state, ranges);
                throw new S3TransientException("Download of " + bucket + "/" + key + " failed its integrity check: " + bad
                        + "; the bytes were discarded and a retry downloads the object again", 0, null, null, null);
            }
        }
        Path parentReal = target.realFile().getParent().toRealPath();
        if (!parentReal.startsWith(target.boundary())) {
            throw new IOException(target.realFile().getParent() + " now leads outside " + target.boundary());
        }
        try {
            Files.move(part, target.realFile(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(part, target.realFile(), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(state);
        Files.deleteIfExists(ranges);
        return new Result(target.file(), head, offset, verifier.algorithm());
    }

    /**
     * Fresh state and part files ({@code CREATE_NEW}, links not followed). Another download's clean-up may remove the
     * empty private folder between its creation and these files: then it is created again.
     */
    private static void createTempFiles(DownloadTarget target, Path part, Path state, String stateLine) throws IOException {
        for (int i = 0;; i++) {
            try {
                Files.deleteIfExists(part);
                Files.deleteIfExists(state);
                Files.deleteIfExists(target.rangesFile());
                Files.write(state, stateLine.getBytes(StandardCharsets.UTF_8), StandardOpenOption.CREATE_NEW,
                        StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                Files.newByteChannel(part, java.util.Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS)).close();
                return;
            } catch (NoSuchFileException folderGone) {
                if (i == 3) {
                    throw folderGone;
                }
                target.tempDir();
            }
        }
    }

    /** Bytes of an earlier attempt that may be continued: the state file must name this very version. */
    private static long resumableBytes(Path part, Path state, String stateLine, long length) throws IOException {
        try {
            BasicFileAttributes p = Files.readAttributes(part, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            BasicFileAttributes s = Files.readAttributes(state, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (!p.isRegularFile() || !s.isRegularFile() || s.size() > 4096) {
                return 0;
            }
            String recorded;
            try (InputStream in = Files.newInputStream(state, LinkOption.NOFOLLOW_LINKS)) {
                recorded = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!recorded.equals(stateLine) || (length >= 0 && p.size() > length)) {
                return 0;
            }
            return p.size();
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    /** One GET from {@code offset}; returns the object's total length (-1 when still unknown). */
    private static long fetch(S3LiteClient client, String bucket, String key, String eTag, boolean pinned, long offset,
            long length, Path part, Path state, Path ranges, DownloadVerifier verifier, TransferProgress progress)
            throws IOException, StartOver {
        String range = offset > 0 ? "bytes=" + offset + "-" : null;
        GetObjectResponse r;
        try {
            r = client.getObject(bucket, key, new GetOptions(range, eTag, null));
        } catch (S3PreconditionFailedException changed) {
            discard(part, state, ranges);
            if (pinned) {
                throw changed;
            }
            throw new StartOver("the object changed (ETag no longer " + eTag + ")");
        }
        try (r) {
            ObjectInfo got = r.info();
            if (!sameETag(got.eTag(), eTag)) {
                discard(part, state, ranges);
                if (pinned) {
                    throw new S3PreconditionFailedException("GET " + bucket + "/" + key + " answered ETag " + got.eTag()
                            + " to If-Match " + eTag, 412, "PreconditionFailed", null);
                }
                throw new StartOver("the store answered ETag " + got.eTag() + " instead of " + eTag);
            }
            long total = length;
            long[] cr = ContentRange.parse(got.contentRange());
            if (offset > 0 || cr != null) {
                if (cr == null || cr[0] != offset || (length >= 0 && cr[2] >= 0 && cr[2] != length)
                        || (cr[2] >= 0 && cr[1] != cr[2] - 1)) {
                    discard(part, state, ranges);
                    throw new StartOver("the resumed GET from byte " + offset + " was answered with "
                            + (cr == null ? "the whole object (no Content-Range)" : "Content-Range " + got.contentRange()));
                }
                if (total < 0) {
                    total = cr[2];
                }
            }
            long expected = total < 0 ? -1 : total - offset;
            if (expected >= 0 && got.contentLength() >= 0 && got.contentLength() != expected) {
                discard(part, state, ranges);
                throw new StartOver("the GET from byte " + offset + " announced " + got.contentLength() + " bytes, not "
                        + expected);
            }
            copy(r.body(), part, offset, expected, bucket, key, state, ranges, verifier, progress);
            return total;
        }
    }

    private static void copy(InputStream in, Path part, long offset, long expected, String bucket, String key, Path state,
            Path ranges, DownloadVerifier verifier, TransferProgress progress) throws IOException {
        byte[] buf = new byte[BUFFER];
        long written = 0;
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            try {
                int n;
                while ((n = in.read(buf)) != -1) {
                    if (expected >= 0 && written + n > expected) {
                        ch.close();
                        discard(part, state, ranges);
                        throw new S3TransientException("Download of " + bucket + "/" + key + " received more than the "
                                + expected + " bytes expected from byte " + offset + "; the bytes were discarded", 0, null,
                                null, null);
                    }
                    ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                    long pos = offset + written;
                    while (bb.hasRemaining()) {
                        pos += ch.write(bb, pos);
                    }
                    verifier.update(buf, 0, n);
                    written += n;
                    progress.added(n);
                }
            } catch (IOException e) {
                ch.force(false);
                throw new S3TransientException("Download of " + bucket + "/" + key + " was cut after " + (offset + written)
                        + " bytes: " + e + "; a retry continues from the bytes already written", 0, null, null, e);
            }
            ch.force(false);
        }
        if (expected >= 0 && written < expected) {
            throw new S3TransientException("Download of " + bucket + "/" + key + " ended after " + (offset + written) + " of "
                    + (offset + expected) + " bytes; a retry continues from there", 0, null, null, null);
        }
    }

    private static void discard(Path part, Path state, Path ranges) throws IOException {
        Files.deleteIfExists(part);
        Files.deleteIfExists(state);
        Files.deleteIfExists(ranges);
    }

    static boolean sameETag(String a, String b) {
        return ETags.same(a, b);
    }
}
