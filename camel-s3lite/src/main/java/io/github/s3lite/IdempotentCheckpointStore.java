package io.github.s3lite;

import java.util.Collection;

import io.github.s3lite.repository.JournalIdempotentRepository;
import io.github.s3lite.upload.CheckpointStore;
import io.github.s3lite.upload.KeyPrefixIndex;
import org.apache.camel.spi.IdempotentRepository;

/**
 * Checkpoints kept in any Camel {@link IdempotentRepository}. {@code shared} says whether other JVMs may use the
 * same repository: false for the endpoint's own in-memory default, true (assumed) for a user-supplied one. A
 * private store also answers {@link #mayHold} from a {@link KeyPrefixIndex} of what it was given, so a first upload
 * of a source skips the look-ups that could only find keys it never wrote.
 */
final class IdempotentCheckpointStore implements CheckpointStore {
    private final IdempotentRepository repository;
    private final boolean shared;
    private final KeyPrefixIndex index;

    IdempotentCheckpointStore(IdempotentRepository repository, boolean shared) {
        this.repository = repository;
        this.shared = shared;
        this.index = shared ? null : new KeyPrefixIndex();
    }

    @Override
    public boolean mayHold(String prefix) {
        return index == null || index.mayHold(prefix);
    }

    @Override
    public boolean shared() {
        return shared;
    }

    /**
     * Some repositories (camel-sql's JdbcMessageIdRepository: SELECT then INSERT) throw instead of answering false
     * when another node adds the same key at the same moment; that is a "false".
     */
    @Override
    public boolean add(String key) {
        if (index != null) {
            index.adding(key);
        }
        try {
            return repository.add(key);
        } catch (RuntimeException e) {
            if (repository.contains(key)) {
                return false;
            }
            throw e;
        }
    }

    /** One journal write and fsync for the batch with s3lite's own repository; one remove per key otherwise. */
    @Override
    public void removeAll(Collection<String> keys) {
        if (repository instanceof JournalIdempotentRepository journal) {
            journal.removeAll(keys);
        } else {
            CheckpointStore.super.removeAll(keys);
        }
    }

    @Override
    public boolean contains(String key) {
        return repository.contains(key);
    }

    @Override
    public boolean remove(String key) {
        return repository.remove(key);
    }

    @Override
    public void confirm(String key) {
        repository.confirm(key);
    }
}
