package io.github.s3lite.journal;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A set of string keys kept in one append-only file, safe against a crash at any instant.
 * <ul>
 * <li>Every {@link #add} and {@link #remove} appends a checksummed record and calls {@code FileChannel.force}
 * before it returns: once it returned, the change survives a kill -9 and, as far as the disk honours fsync, a power
 * loss. A record cut short by a crash fails its length or CRC32C check and is dropped (with whatever follows it)
 * when the file is opened again; it was never acknowledged.</li>
 * <li>{@code add} is atomic: of two concurrent adds of one key exactly one returns true. A key becomes visible to
 * {@link #contains} only once it is durable.</li>
 * <li>When removed records outweigh the live ones (and exceed a minimum), the live keys are written to
 * {@code <file>.compact}, forced, renamed over the file (atomic) and the directory is forced: a crash leaves either
 * the old or the new file, both complete. So the file stays below about twice the live keys plus that minimum.</li>
 * <li>One JVM at a time: the file {@code <file>.lock} is locked with {@link java.nio.channels.FileLock}, and a second
 * process gets a {@link JournalInUseException}. Inside one JVM every {@code open} of the same file shares one
 * instance (closed with its last handle).</li>
 * </ul>
 * The live keys are held in memory. Keys are at most {@value JournalFormat#MAX_KEY_BYTES} UTF-8 bytes.
 */
public final class Journal implements Closeable {
    /** Default minimum garbage, in bytes, before a compaction. */
    public static final long DEFAULT_MIN_COMPACT_BYTES = 64 * 1024;

    private static final Map<Path, JournalStore> OPEN = new HashMap<>();

    private final JournalStore store;
    private volatile boolean closed;

    private Journal(JournalStore store) {
        this.store = store;
    }

    /** Opens (creating it and its directories if needed) the journal in {@code file}. */
    public static Journal open(Path file) throws IOException {
        return open(file, DEFAULT_MIN_COMPACT_BYTES);
    }

    /**
     * Opens the journal, compacting once removed records exceed both the live ones and {@code minCompactBytes}. The
     * first open of a file in this JVM decides {@code minCompactBytes}.
     */
    public static Journal open(Path file, long minCompactBytes) throws IOException {
        Path path = canonical(file);
        synchronized (OPEN) {
            JournalStore store = OPEN.get(path);
            if (store == null) {
                store = JournalStore.open(path, Math.max(0, minCompactBytes));
                OPEN.put(path, store);
            }
            store.handles++;
            return new Journal(store);
        }
    }

    /**
     * The keys a journal file holds, read without taking its lock (for diagnostics and tests; a process may be
     * writing it): an absent file holds none, a torn tail is ignored.
     */
    public static Set<String> readKeys(Path file) throws IOException {
        byte[] data;
        try {
            data = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Set.of();
        }
        Set<String> keys = new HashSet<>();
        JournalFormat.replay(ByteBuffer.wrap(data), keys, file.toString());
        return keys;
    }

    private static Path canonical(Path file) throws IOException {
        Path abs = file.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        return parent.toRealPath().resolve(abs.getFileName());
    }

    public Path file() {
        return store.file;
    }

    /** Adds a key durably; false (and nothing written) when it is already there. */
    public boolean add(String key) {
        checkOpen();
        return store.add(key);
    }

    public boolean contains(String key) {
        checkOpen();
        return store.contains(key);
    }

    /** Removes a key durably; false when it was not there. */
    public boolean remove(String key) {
        return removeAll(List.of(key)) == 1;
    }

    /** Removes several keys with one write and one fsync; returns how many were there. */
    public int removeAll(Collection<String> keys) {
        checkOpen();
        return store.removeAll(keys);
    }

    /** Removes every key (an atomic rewrite to an empty journal). */
    public void clear() {
        checkOpen();
        store.clear();
    }

    public int size() {
        return store.size();
    }

    /** A copy of the live keys. */
    public Set<String> keys() {
        return store.snapshot();
    }

    /** Current length of the file in bytes. */
    public long fileLength() {
        return store.length();
    }

    /** Compactions done since the file was opened in this JVM. */
    public long compactions() {
        return store.compactions();
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("checkpoint journal " + store.file + " was closed");
        }
    }

    @Override
    public void close() throws IOException {
        synchronized (OPEN) {
            if (closed) {
                return;
            }
            closed = true;
            if (--store.handles == 0) {
                OPEN.remove(store.file);
                store.close();
            }
        }
    }

    @Override
    public String toString() {
        return "Journal[" + store.file + ", " + store.size() + " keys]";
    }
}
