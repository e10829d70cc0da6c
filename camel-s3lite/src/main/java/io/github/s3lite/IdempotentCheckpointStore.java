package io.github.s3lite;

import io.github.s3lite.upload.CheckpointStore;
import org.apache.camel.spi.IdempotentRepository;

/** Checkpoints kept in any Camel {@link IdempotentRepository}. */
final class IdempotentCheckpointStore implements CheckpointStore {
    private final IdempotentRepository repository;

    IdempotentCheckpointStore(IdempotentRepository repository) {
        this.repository = repository;
    }

    @Override
    public boolean add(String key) {
        return repository.add(key);
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
