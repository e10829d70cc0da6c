package io.github.s3lite.journal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One open journal file, shared by every {@link Journal} handle of this JVM on that file. Mutations are serialised:
 * check, append, {@code force}, then publish to the in-memory set, so a reader never sees a key that is not durable
 * yet and {@code add} is atomic. The whole file is rewritten (compacted) into a temporary file that replaces it by
 * an atomic rename once the garbage (removed keys) outweighs the live keys.
 */
final class JournalStore {
    private static final Logger LOG = LoggerFactory.getLogger(JournalStore.class);

    final Path file;
    private final Path compactFile;
    private final long minCompactBytes;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final ReentrantLock mutex = new ReentrantLock();
    private final Set<String> keys = ConcurrentHashMap.newKeySet();
    private FileChannel channel;
    private long length;
    private long liveBytes;
    private long compactions;
    private IOException failure;
    int handles;

    private JournalStore(Path file, long minCompactBytes, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.compactFile = file.resolveSibling(file.getFileName() + ".compact");
        this.minCompactBytes = minCompactBytes;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Takes the lock file, replays the journal, cuts a torn tail off. */
    static JournalStore open(Path file, long minCompactBytes) throws IOException {
        Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
        FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            lockChannel.close();
            throw e;
        }
        if (lock == null) {
            lockChannel.close();
            throw new JournalInUseException("checkpoint journal " + file + " is in use by another process (it holds "
                                            + lockFile + "); a journal serves one JVM at a time: give each JVM its own "
                                            + "file, or share checkpoints between nodes through JDBC, Hazelcast or Redis");
        }
        JournalStore store = new JournalStore(file, minCompactBytes, lockChannel, lock);
        try {
            store.load();
        } catch (IOException | RuntimeException e) {
            store.closeQuietly();
            throw e;
        }
        return store;
    }

    private void load() throws IOException {
        Files.deleteIfExists(compactFile); // a compaction that did not reach its rename
        boolean existed = Files.exists(file);
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        byte[] data = Files.readAllBytes(file);
        JournalFormat.Scan scan = JournalFormat.replay(ByteBuffer.wrap(data), keys, file.toString());
        if (!scan.headerPresent()) {
            channel.truncate(0);
            writeFully(JournalFormat.header(), 0);
            channel.force(true);
            length = JournalFormat.HEADER.length;
            if (!existed) {
                syncDirectory();
            }
        } else {
            length = scan.validLength();
            if (length < data.length) {
                LOG.warn("Checkpoint journal {}: dropping a torn tail of {} bytes after {} valid records (writes that "
                         + "were never acknowledged)", file, data.length - length, scan.records());
                channel.truncate(length);
                channel.force(true);
            }
        }
        for (String k : keys) {
            liveBytes += JournalFormat.recordSize(JournalFormat.keyBytes(k));
        }
        channel.position(length);
        maybeCompact();
    }

    boolean contains(String key) {
        return keys.contains(key);
    }

    int size() {
        return keys.size();
    }

    long length() {
        return length;
    }

    long compactions() {
        return compactions;
    }

    Set<String> snapshot() {
        return Set.copyOf(keys);
    }

    boolean add(String key) {
        byte[] bytes = JournalFormat.keyBytes(key);
        mutex.lock();
        try {
            checkUsable();
            if (keys.contains(key)) {
                return false;
            }
            ByteBuffer buf = ByteBuffer.allocate(JournalFormat.recordSize(bytes));
            JournalFormat.put(buf, JournalFormat.ADD, bytes);
            append(buf);
            keys.add(key);
            liveBytes += bytes.length + JournalFormat.OVERHEAD;
            return true;
        } finally {
            mutex.unlock();
        }
    }

    /** Removes the keys present with one append and one {@code force}; returns how many were present. */
    int removeAll(Collection<String> toRemove) {
        mutex.lock();
        try {
            checkUsable();
            List<String> present = toRemove.stream().distinct().filter(keys::contains).toList();
            if (present.isEmpty()) {
                return 0;
            }
            int size = 0;
            for (String k : present) {
                size += JournalFormat.recordSize(JournalFormat.keyBytes(k));
            }
            ByteBuffer buf = ByteBuffer.allocate(size);
            for (String k : present) {
                JournalFormat.put(buf, JournalFormat.REMOVE, JournalFormat.keyBytes(k));
            }
            append(buf);
            keys.removeAll(present);
            liveBytes -= size;
            maybeCompact();
            return present.size();
        } finally {
            mutex.unlock();
        }
    }

    void clear() {
        mutex.lock();
        try {
            checkUsable();
            compact(Set.of());
            keys.clear();
        } finally {
            mutex.unlock();
        }
    }

    private void append(ByteBuffer buf) {
        try {
            writeFully(buf, length);
            channel.force(false);
            length += buf.capacity();
        } catch (IOException e) {
            failure = e; // the file's state is unknown now: refuse further writes (a reopen replays what is there)
            throw new UncheckedIOException("checkpoint journal " + file + ": write failed", e);
        }
    }

    private void maybeCompact() {
        long garbage = length - JournalFormat.HEADER.length - liveBytes;
        if (garbage > liveBytes && garbage >= minCompactBytes) {
            compact(new HashSet<>(keys));
        }
    }

    /** Writes the live keys to a new file, forces it, renames it over the journal, forces the directory. */
    private void compact(Set<String> live) {
        try {
            try (FileChannel out = FileChannel.open(compactFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buf = ByteBuffer.allocate(64 * 1024);
                buf.put(JournalFormat.HEADER);
                long written = 0;
                for (String k : live) {
                    byte[] bytes = JournalFormat.keyBytes(k);
                    if (buf.remaining() < JournalFormat.recordSize(bytes)) {
                        written += drain(out, buf);
                        if (buf.capacity() < JournalFormat.recordSize(bytes)) {
                            buf = ByteBuffer.allocate(JournalFormat.recordSize(bytes));
                        }
                    }
                    JournalFormat.put(buf, JournalFormat.ADD, bytes);
                }
                written += drain(out, buf);
                out.force(true);
                length = written;
            }
            Files.move(compactFile, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            syncDirectory(); // the rename is durable before anything is appended to the new file
            channel.close();
            channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
            channel.position(length);
            liveBytes = length - JournalFormat.HEADER.length;
            compactions++;
        } catch (IOException e) {
            failure = e;
            throw new UncheckedIOException("checkpoint journal " + file + ": compaction failed", e);
        }
    }

    private static long drain(FileChannel out, ByteBuffer buf) throws IOException {
        buf.flip();
        long n = buf.remaining();
        while (buf.hasRemaining()) {
            out.write(buf);
        }
        buf.clear();
        return n;
    }

    private void writeFully(ByteBuffer buf, long position) throws IOException {
        long pos = position;
        buf.rewind();
        while (buf.hasRemaining()) {
            pos += channel.write(buf, pos);
        }
    }

    private void syncDirectory() throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e; // Windows cannot open a directory; its rename is made durable by NTFS's own journal
            }
        }
    }

    private void checkUsable() {
        if (failure != null) {
            throw new IllegalStateException("checkpoint journal " + file + " failed earlier (" + failure
                                            + "); restart the application to reopen it from what is on disk");
        }
        if (channel == null) {
            throw new IllegalStateException("checkpoint journal " + file + " is closed");
        }
    }

    void close() throws IOException {
        mutex.lock();
        try {
            if (channel != null) {
                channel.close();
                channel = null;
            }
            lock.release();
            lockChannel.close();
        } finally {
            mutex.unlock();
        }
    }

    private void closeQuietly() {
        try {
            close();
        } catch (IOException e) {
            // the original failure is reported
        }
    }
}
