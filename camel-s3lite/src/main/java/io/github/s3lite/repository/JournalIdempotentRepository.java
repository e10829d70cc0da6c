package io.github.s3lite.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;

import io.github.s3lite.journal.Journal;
import org.apache.camel.api.management.ManagedAttribute;
import org.apache.camel.api.management.ManagedOperation;
import org.apache.camel.api.management.ManagedResource;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.service.ServiceSupport;

/**
 * A Camel {@link IdempotentRepository} in a crash-safe {@link Journal} file: every {@code add}/{@code remove} is
 * durable (fsync) when it returns, a kill -9 at any instant loses nothing that was acknowledged, and {@code add} is
 * atomic. For the component's {@code checkpointRepository} and the consumer's {@code idempotentRepository} in one
 * JVM at a time (a second JVM on the same file is refused at start; for several nodes use JDBC or Hazelcast).
 * <p>
 * As a bean: {@code new JournalIdempotentRepository("/var/lib/app/checkpoints.journal")}, or the no-argument
 * constructor and {@link #setFile(String)}. The file is opened at start (or at first use) and closed at stop.
 */
@ManagedResource(description = "s3lite crash-safe journal idempotent repository")
public class JournalIdempotentRepository extends ServiceSupport implements IdempotentRepository {
    private String file;
    private long minCompactBytes = Journal.DEFAULT_MIN_COMPACT_BYTES;
    private Journal journal;

    /** A repository whose file is set later with {@link #setFile(String)} (bean style), before it starts. */
    public JournalIdempotentRepository() {
    }

    /** A repository on this journal file (created with its directories when missing). */
    public JournalIdempotentRepository(String file) {
        this.file = file;
    }

    /** A repository on {@code file}. */
    public static JournalIdempotentRepository journalIdempotentRepository(Path file) {
        return new JournalIdempotentRepository(file.toString());
    }

    /** The journal file, as given. */
    @ManagedAttribute(description = "The journal file")
    public String getFile() {
        return file;
    }

    /** The journal file (created with its directories if missing). */
    public void setFile(String file) {
        this.file = file;
    }

    /** Minimum bytes of removed records before the journal is compacted (see {@link #setMinCompactBytes(long)}). */
    @ManagedAttribute(description = "Minimum garbage in bytes before the journal is compacted")
    public long getMinCompactBytes() {
        return minCompactBytes;
    }

    /**
     * The journal is rewritten without its removed keys once they take more room than the live keys and at least
     * this many bytes (default 64 KiB). Takes effect when the file is opened.
     */
    public void setMinCompactBytes(long minCompactBytes) {
        this.minCompactBytes = minCompactBytes;
    }

    @Override
    protected void doStart() throws Exception {
        journal();
    }

    @Override
    protected void doStop() throws Exception {
        Journal j;
        synchronized (this) {
            j = journal;
            journal = null;
        }
        if (j != null) {
            j.close();
        }
    }

    private synchronized Journal journal() {
        if (journal == null) {
            if (file == null || file.isBlank()) {
                throw new IllegalStateException("JournalIdempotentRepository needs a file: set 'file' to the path of "
                                                + "the journal, e.g. /var/lib/app/checkpoints.journal");
            }
            try {
                journal = Journal.open(Path.of(file), minCompactBytes);
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
        }
        return journal;
    }

    @Override
    @ManagedOperation(description = "Adds the key to the store")
    public boolean add(String key) {
        return journal().add(key);
    }

    @Override
    @ManagedOperation(description = "Does the store contain the given key")
    public boolean contains(String key) {
        return journal().contains(key);
    }

    @Override
    @ManagedOperation(description = "Remove the key from the store")
    public boolean remove(String key) {
        return journal().remove(key);
    }

    /** Removes several keys with one write and one fsync; returns how many were there. */
    public int removeAll(Collection<String> keys) {
        return journal().removeAll(keys);
    }

    @Override
    public boolean confirm(String key) {
        return true; // add is already durable
    }

    @Override
    @ManagedOperation(description = "Clear the store (danger this removes all entries)")
    public void clear() {
        journal().clear();
    }

    /** Number of live keys (opens the journal if it is not open yet). */
    @ManagedAttribute(description = "Number of keys")
    public int getSize() {
        return journal().size();
    }

    /** How many times the journal file was compacted since it was opened in this JVM. */
    @ManagedAttribute(description = "Compactions since the journal was opened in this JVM")
    public long getCompactions() {
        return journal().compactions();
    }

    @Override
    public String toString() {
        return "JournalIdempotentRepository[" + file + "]";
    }
}
