package io.github.s3lite.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.Checksum;

import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.metrics.TransferProgress;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the missing ranges of one pinned object version into the temp file of a {@link ResumableDownload}, up to
 * {@link Parallelism#concurrency()} at a time, each with positional writes at its own offset.
 * <ul>
 * <li>Every GET asks for {@code Range: bytes=<from>-<end>} with {@code If-Match} of the pinned ETag and accepts only
 * an answer with that very {@code Content-Range} (same total length), the pinned ETag and, when given, the matching
 * {@code Content-Length}; another range, total or length starts the whole download over (the temp files are
 * discarded), another ETag too (or fails with 412 when the download is pinned by the caller); a {@code 200} means
 * the store ignores ranges, and the download falls back to one GET. An answer without ETag or without
 * {@code Content-Range} proves nothing (a cut head looks like that) and is asked again like a cut body.</li>
 * <li>A range cut mid-way (reset, short body, stall) is asked again from its first missing byte, only that range;
 * after {@value #ATTEMPTS} failures in a row without progress (or {@value #MAX_CUTS} in all) the download fails
 * with a transient error, and the ranges completed so far are kept for the next attempt.</li>
 * <li>A range is recorded as done (its index appended to the {@code .ranges} file) only after its bytes were
 * forced to disk, so a crash never marks missing bytes as present; a torn or foreign line is ignored.</li>
 * <li>When the object's checksum is a CRC, each range's CRC is computed on the buffer its bytes are written from,
 * and {@link #mismatch} combines them (ranges completed by an earlier attempt are read back from the file): the
 * file is not read again; a digest (MD5, SHA) is checked by the caller with one more pass over the file.</li>
 * </ul>
 * Memory: one {@value #BUFFER}-byte buffer per range being fetched.
 * <p>
 * Threads: the ranges run on the executor given (the endpoint's shared transfer pool, as the parts of an upload do);
 * without one, on a pool of this download's own that ends with it. An executor that refuses a task (it is shutting
 * down) gets that worker run on the calling thread instead.
 * <p>
 * Size: the per-range rules (exact range, pinned ETag, cut and resume, completion record)
 * and the coordination of the workers (stop the others on the first failure, report the most telling one) are one
 * protocol; split, each half would need the other's state.
 */
final class RangedFetch {

    private static final Logger LOG = LoggerFactory.getLogger(RangedFetch.class);
    static final int BUFFER = 256 * 1024;
    static final int ATTEMPTS = 3;
    /** Most cuts one range survives in all, also when each attempt made some progress. */
    static final int MAX_CUTS = 10;
    private static final AtomicInteger THREADS = new AtomicInteger();

    private final S3LiteClient client;
    private final String bucket;
    private final String key;
    private final String eTag;
    private final long length;
    private final Parallelism parallelism;
    private final Path part;
    private final Path rangesFile;
    private final Executor executor;
    private final DownloadVerifier verifier;
    private final TransferProgress progress;
    /** Per range: its CRC, when the verifier's checksum is one and the range was fetched by this instance. */
    private final long[] crcs;
    private final boolean[] crcDone;
    /**
     * The bodies being read, to close on {@link #stop}: by identity (a record's value {@code hashCode} would also run
     * its {@code ObjectMethods} bootstrap, which spins method-handle classes on a cold JVM, inside the transfer).
     */
    private final Set<GetObjectResponse> open =
            Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));
    private volatile boolean stopped;

    /**
     * @param executor runs the ranges; null: a pool of this download's own
     * @param verifier the object's checksum; its CRC (if it is one) is computed per range as the bytes arrive
     */
    RangedFetch(S3LiteClient client, String bucket, String key, String eTag, long length, Parallelism parallelism, Path part,
            Path rangesFile, Executor executor, DownloadVerifier verifier, TransferProgress progress) {
        this.progress = progress;
        this.client = client;
        this.bucket = bucket;
        this.key = key;
        this.eTag = eTag;
        this.length = length;
        this.parallelism = parallelism;
        this.part = part;
        this.rangesFile = rangesFile;
        this.executor = executor;
        this.verifier = verifier;
        boolean crc = verifier != null && verifier.rangeChecksum() != null;
        this.crcs = crc ? new long[parallelism.ranges(length)] : null;
        this.crcDone = crc ? new boolean[crcs.length] : null;
    }

    /** True when {@link #mismatch} checks the object's CRC from the ranges' CRCs (no further pass over the file). */
    boolean checksRanges() {
        return crcs != null;
    }

    /**
     * After {@link #fetch}: null when the ranges' CRCs combine to the object's, else what differs. Ranges an earlier
     * attempt completed are read back from the file for their CRC.
     */
    String mismatch() throws IOException {
        long[] lengths = new long[crcs.length];
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            ByteBuffer buf = null;
            for (int i = 0; i < crcs.length; i++) {
                long start = i * parallelism.partSize();
                lengths[i] = Math.min(length, start + parallelism.partSize()) - start;
                if (!crcDone[i]) {
                    buf = buf == null ? ByteBuffer.allocate(BUFFER) : buf;
                    Checksum c = verifier.rangeChecksum();
                    for (long pos = start; pos < start + lengths[i];) {
                        buf.clear().limit((int) Math.min(BUFFER, start + lengths[i] - pos));
                        int n = ch.read(buf, pos);
                        if (n < 0) {
                            throw new IOException(part + " ended at byte " + pos);
                        }
                        c.update(buf.array(), 0, n);
                        pos += n;
                    }
                    crcs[i] = c.getValue();
                }
            }
        }
        return verifier.mismatchOfRanges(crcs, lengths);
    }

    /** The ranges an earlier attempt completed, from the {@code .ranges} file (empty when there is none). */
    static BitSet done(Path rangesFile, int ranges) throws IOException {
        BitSet done = new BitSet(ranges);
        String text;
        try {
            text = new String(Files.readAllBytes(rangesFile), StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return done;
        }
        int end = text.lastIndexOf('\n'); // a torn last line (no newline yet) does not count
        if (end < 0) {
            return done;
        }
        for (String line : text.substring(0, end).split("\n")) {
            try {
                int i = Integer.parseInt(line);
                if (i >= 0 && i < ranges) {
                    done.set(i);
                }
            } catch (NumberFormatException ignored) {
                // not a line this class wrote
            }
        }
        return done;
    }

    /** Bytes the ranges in {@code done} hold. */
    static long bytes(BitSet done, long length, long partSize) {
        long sum = 0;
        for (int i = done.nextSetBit(0); i >= 0; i = done.nextSetBit(i + 1)) {
            sum += Math.min(length, (i + 1) * partSize) - i * partSize;
        }
        return sum;
    }

    /**
     * Fetches every range not in {@code done}; returns when all are on disk.
     *
     * @throws S3PreconditionFailedException the pinned version is gone (412 or another ETag) and {@code pinned}
     * @throws StartOver an answer that does not fit (temp files to be discarded by the caller)
     * @throws RangesIgnored the store answered a ranged GET with the whole object
     */
    void fetch(BitSet done, boolean pinned) throws IOException, StartOver, RangesIgnored {
        int ranges = parallelism.ranges(length);
        List<Integer> todo = new ArrayList<>();
        for (int i = done.nextClearBit(0); i < ranges; i = done.nextClearBit(i + 1)) {
            todo.add(i);
        }
        if (todo.isEmpty()) {
            return;
        }
        int workers = Math.min(parallelism.concurrency(), todo.size());
        AtomicInteger next = new AtomicInteger();
        ExecutorService own = executor != null ? null : Executors.newFixedThreadPool(workers, r -> {
            Thread t = new Thread(r, "s3lite-download-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        Executor pool = executor != null ? executor : own;
        try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
             FileChannel log = FileChannel.open(rangesFile, Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.APPEND, LinkOption.NOFOLLOW_LINKS))) {
            List<FutureTask<Void>> futures = new ArrayList<>();
            for (int w = 0; w < workers; w++) {
                FutureTask<Void> task = new FutureTask<>(() -> {
                    ByteBuffer buf = ByteBuffer.allocate(BUFFER);
                    for (int n; !stopped && (n = next.getAndIncrement()) < todo.size();) {
                        int index = todo.get(n);
                        try {
                            range(index, ch, buf);
                        } catch (Exception e) {
                            stop();
                            throw e;
                        }
                        if (!stopped) {
                            ch.force(false);
                            record(log, index);
                            progress.partDone();
                        }
                    }
                    return null;
                });
                futures.add(task);
                try {
                    pool.execute(task);
                } catch (RejectedExecutionException shuttingDown) {
                    task.run();
                }
            }
            Throwable first = null;
            for (FutureTask<Void> f : futures) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    first = worse(first, e.getCause());
                } catch (InterruptedException e) {
                    stop();
                    Thread.currentThread().interrupt();
                    first = worse(first, new S3TransientException("Interrupted while downloading " + bucket + "/" + key, 0,
                            null, null, e));
                }
            }
            if (first != null) {
                rethrow(first, pinned);
            }
        } finally {
            if (own != null) {
                own.shutdownNow();
            }
        }
    }

    /** One range, asked again from its first missing byte after a cut. */
    private void range(int index, FileChannel ch, ByteBuffer buf) throws IOException, StartOver, RangesIgnored {
        long start = index * parallelism.partSize();
        long end = Math.min(length, start + parallelism.partSize()) - 1;
        long pos = start;
        int failures = 0;
        int cuts = 0;
        Checksum crc = crcs == null ? null : verifier.rangeChecksum();
        while (true) {
            if (stopped) {
                return;
            }
            long before = pos;
            RuntimeException cut;
            try {
                pos = get(pos, end, ch, buf, crc);
                if (pos > end) {
                    if (crc != null) {
                        crcs[index] = crc.getValue();
                        crcDone[index] = true;
                    }
                    return;
                }
                cut = new S3TransientException("the body of bytes=" + before + "-" + end + " ended after " + (pos - before)
                        + " of " + (end - before + 1) + " bytes", 0, null, null, null);
            } catch (Cut c) {
                pos = c.position;
                cut = c.cause;
            } catch (S3TransientException e) {
                cut = e;
            }
            if (stopped) {
                return;
            }
            failures = pos > before ? 1 : failures + 1;
            cuts++;
            if (failures >= ATTEMPTS || cuts >= MAX_CUTS) {
                throw new S3TransientException("Download of " + bucket + "/" + key + ": the range from byte " + pos + " to "
                        + end + " failed " + (failures >= ATTEMPTS ? ATTEMPTS + " times in a row" : MAX_CUTS + " times")
                        + " (" + cut.getMessage() + "); the ranges completed so far are kept and a retry continues with "
                        + "the others", 0, null, null, cut);
            }
            LOG.debug("Download of {}/{}: range {}-{} cut at byte {} ({}); asking for the rest", bucket, key, start, end, pos,
                    cut.getMessage());
        }
    }

    /** A range's body was cut at {@code position}. */
    private static final class Cut extends Exception {
        private static final long serialVersionUID = 1L;
        final long position;
        final RuntimeException cause;

        Cut(long position, RuntimeException cause) {
            super(null, null, false, false);
            this.position = position;
            this.cause = cause;
        }
    }

    /** One GET of {@code bytes=from-end}; returns the position after the last byte written. */
    private long get(long from, long end, FileChannel ch, ByteBuffer buf, Checksum crc) throws IOException, StartOver, RangesIgnored, Cut {
        GetObjectResponse r = client.getObject(bucket, key, new GetOptions("bytes=" + from + "-" + end, eTag, null));
        open.add(r);
        try {
            if (stopped) {
                return from;
            }
            ObjectInfo got = r.info();
            if (got.eTag() == null || got.eTag().isBlank()) {
                // no proof of another version (a cut head looks like this): ask again
                throw new Cut(from, new S3TransientException("the ranged GET bytes=" + from + "-" + end
                        + " was answered without an ETag", 0, null, null, null));
            }
            if (!ResumableDownload.sameETag(got.eTag(), eTag)) {
                throw new S3PreconditionFailedException("GET " + bucket + "/" + key + " answered ETag " + got.eTag()
                        + " to If-Match " + eTag, 412, "PreconditionFailed", null);
            }
            if (r.status() == 200) {
                throw new RangesIgnored("the store answered the ranged GET bytes=" + from + "-" + end + " with 200 "
                        + "(the whole object)");
            }
            long[] cr = ContentRange.parse(got.contentRange());
            if (cr == null) {
                throw new Cut(from, new S3TransientException("the ranged GET bytes=" + from + "-" + end + " was answered "
                        + "with " + r.status() + " without a Content-Range", 0, null, null, null));
            }
            if (cr[0] != from || cr[1] != end || cr[2] != length) {
                throw new StartOver("the ranged GET bytes=" + from + "-" + end + " was answered with Content-Range "
                        + got.contentRange() + " (object of " + length + " bytes)");
            }
            long expected = end - from + 1;
            if (got.contentLength() >= 0 && got.contentLength() != expected) {
                throw new StartOver("the ranged GET bytes=" + from + "-" + end + " announced " + got.contentLength()
                        + " bytes, not " + expected);
            }
            return copy(r.body(), from, expected, ch, buf, crc);
        } finally {
            open.remove(r);
            try {
                r.close();
            } catch (IOException | RuntimeException ignored) {
                // a cut or aborted body
            }
        }
    }

    /** Writes the body at {@code from}; every byte written is also fed to {@code crc} (when not null), in order. */
    private long copy(InputStream in, long from, long expected, FileChannel ch, ByteBuffer buf, Checksum crc)
            throws IOException, StartOver, Cut {
        byte[] a = buf.array();
        long written = 0;
        while (!stopped) {
            int n;
            try {
                n = in.read(a, 0, (int) Math.min(a.length, expected - written + 1));
            } catch (S3Exception e) {
                throw new Cut(from + written, e);
            } catch (IOException e) {
                throw new Cut(from + written, new S3TransientException(e.toString(), 0, null, null, e));
            }
            if (n < 0) {
                break;
            }
            if (written + n > expected) {
                throw new StartOver("the ranged GET from byte " + from + " sent more than the " + expected
                        + " bytes of its range");
            }
            buf.clear().limit(n);
            long pos = from + written;
            while (buf.hasRemaining()) {
                pos += ch.write(buf, pos);
            }
            if (crc != null) {
                crc.update(a, 0, n);
            }
            written += n;
            progress.added(n);
        }
        return from + written;
    }

    private synchronized void record(FileChannel log, int index) throws IOException {
        ByteBuffer line = ByteBuffer.wrap((index + "\n").getBytes(StandardCharsets.US_ASCII));
        while (line.hasRemaining()) {
            log.write(line);
        }
    }

    /** Stops the other ranges at once: their open bodies are closed (the connections aborted). */
    private void stop() {
        stopped = true;
        List<GetObjectResponse> bodies;
        synchronized (open) {
            bodies = new ArrayList<>(open);
        }
        for (GetObjectResponse r : bodies) {
            try {
                r.close();
            } catch (IOException | RuntimeException ignored) {
                // aborting
            }
        }
    }

    /** The failure to report when several ranges failed: a changed version first, then inconsistent answers. */
    private static Throwable worse(Throwable a, Throwable b) {
        if (a == null) {
            return b;
        }
        return rank(b) > rank(a) ? b : a;
    }

    private static int rank(Throwable t) {
        if (t instanceof S3PreconditionFailedException) {
            return 4;
        }
        if (t instanceof RangesIgnored) {
            return 3;
        }
        if (t instanceof StartOver) {
            return 2;
        }
        return t instanceof S3TransientException ? 0 : 1;
    }

    private void rethrow(Throwable t, boolean pinned) throws IOException, StartOver, RangesIgnored {
        if (t instanceof S3PreconditionFailedException changed) {
            if (pinned) {
                throw changed;
            }
            throw new StartOver("the object changed (ETag no longer " + eTag + ")");
        }
        if (t instanceof StartOver s) {
            throw s;
        }
        if (t instanceof RangesIgnored s) {
            throw s;
        }
        if (t instanceof IOException e) {
            throw e;
        }
        if (t instanceof RuntimeException e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
