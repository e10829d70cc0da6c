package io.github.s3lite.consumer;

import org.apache.camel.spi.IdempotentRepository;

/**
 * With {@code claimTimeout}: the claim is a lease key of a time window ({@code <done>#lease-<window>}, window =
 * now / timeout), taken just before the object is processed, so it only has to outlive one exchange. A lease of
 * the current or the previous window blocks others; an older one (its node died) does not. The done key is added
 * only when the exchange succeeded.
 */
public final class LeaseClaims implements ClaimStrategy {

    private final IdempotentRepository repository;
    private final long timeoutMillis;

    public LeaseClaims(IdempotentRepository repository, long timeoutMillis) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("claimTimeout must be positive for leases: " + timeoutMillis);
        }
        this.repository = repository;
        this.timeoutMillis = timeoutMillis;
    }

    /** The lease key of a done key in a window. */
    public static String leaseKey(String doneKey, long window) {
        return doneKey + "#lease-" + window;
    }

    private long window() {
        return System.currentTimeMillis() / timeoutMillis;
    }

    /** Done, or leased in the current or the previous window. */
    private boolean taken(String doneKey) {
        long window = window();
        return repository.contains(doneKey) || repository.contains(leaseKey(doneKey, window))
               || repository.contains(leaseKey(doneKey, window - 1));
    }

    @Override
    public Claim listed(String doneKey) {
        return taken(doneKey) ? null : new Claim(doneKey, null);
    }

    @Override
    public Claim acquire(Claim listed) {
        String done = listed.doneKey();
        if (taken(done)) {
            return null;
        }
        String lease = leaseKey(done, window());
        if (!repository.add(lease)) {
            return null;
        }
        if (repository.contains(done)) { // completed by another node between the checks
            repository.remove(lease);
            return null;
        }
        return listed.holding(lease);
    }

    @Override
    public void release(Claim claim) {
        if (claim != null && claim.held() != null) {
            repository.remove(claim.held());
        }
    }

    @Override
    public void complete(Claim claim) {
        repository.add(claim.doneKey()); // the lease becomes a done mark
        repository.confirm(claim.doneKey());
        repository.remove(claim.held());
    }
}
