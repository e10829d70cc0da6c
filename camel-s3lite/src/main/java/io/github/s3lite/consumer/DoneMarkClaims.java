package io.github.s3lite.consumer;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Without {@code claimTimeout}: the claim is the done key itself, added atomically while listing (a false answer
 * means done, or in flight in this or another consumer), confirmed on success, removed on failure. It never
 * expires: a consumer that dies while holding it leaves the object undelivered until the key is removed.
 */
public final class DoneMarkClaims implements ClaimStrategy {

    private final IdempotentRepository repository;

    public DoneMarkClaims(IdempotentRepository repository) {
        this.repository = repository;
    }

    @Override
    public Claim listed(String doneKey) {
        return repository.add(doneKey) ? new Claim(doneKey, doneKey) : null;
    }

    @Override
    public Claim acquire(Claim listed) {
        return listed;
    }

    @Override
    public void release(Claim claim) {
        if (claim != null && claim.held() != null) {
            repository.remove(claim.held());
        }
    }

    @Override
    public void complete(Claim claim) {
        repository.confirm(claim.doneKey());
    }
}
