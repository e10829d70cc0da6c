package io.github.s3lite.consumer;

import org.apache.camel.spi.IdempotentRepository;

/**
 * Without {@code claimTimeout}: the claim is the done key itself, added atomically while listing (a false answer
 * means done, or in flight in this or another consumer), confirmed on success, removed on failure. It never
 * expires: a consumer that dies while holding it leaves the object undelivered until the key is removed. A false
 * {@code add} does not tell done from in flight elsewhere, so only the versions this consumer completed enter the
 * {@link DoneCache}.
 */
public final class DoneMarkClaims implements ClaimStrategy {

    private final IdempotentRepository repository;
    private final DoneCache known;

    public DoneMarkClaims(IdempotentRepository repository, DoneCache known) {
        this.repository = repository;
        this.known = known;
    }

    @Override
    public Claim listed(String doneKey) {
        if (known.contains(doneKey)) {
            return null;
        }
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
        known.add(claim.doneKey());
    }
}
