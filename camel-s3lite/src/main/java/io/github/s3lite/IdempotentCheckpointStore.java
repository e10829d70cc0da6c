package io.github.s3lite;

import io.github.s3lite.upload.CheckpointStore;
import org.apache.camel.spi.IdempotentRepository;

/** Checkpoints kept in any Camel {@link IdempotentRepository}. */
final class IdempotentCheckpointStore implements CheckpointStore {
    private final IdempotentRepository repository;

    IdempotentCheckpointStore(IdempotentRepository repository) {
        this.repository = repository;
    }

    /**
     * Some repositories (camel-sql's JdbcMessageIdRepository: SELECT then INSERT) throw instead of answering false
     * when another node adds the same key at the same moment; that is a "false".
     */
    @Override
    public boolean add(String key) {
        try {
            return repository.add(key);
        } catch (RuntimeException e) {
            if (repository.contains(key)) {
                return false;
            }
            throw e;
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
