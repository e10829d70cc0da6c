package io.github.s3lite.consumer;

import org.apache.camel.spi.IdempotentRepository;

/**
 * With {@code claimTimeout}: the claim is a lease key of a time window ({@code <done>#lease-<window>}, window =
 * now / timeout), taken just before the object is processed, so it only has to outlive one exchange. A lease of
 * the current or the previous window blocks others; an older one (its node died) does not, so a dead node's object
 * is taken again after 1 to 2 timeouts. The done key is added only when the exchange succeeded.
 * <p>
 * Exclusive between live nodes as long as the repository's {@code add}/{@code contains} are atomic and at once
 * visible to all nodes, and {@code timeout} exceeds the processing time of one object plus the clock skew between
 * nodes (a lease is seen by others until the end of the window after its own).
 */
public final class LeaseClaims implements ClaimStrategy {

    private final IdempotentRepository repository;
    private final long timeoutMillis;
    private final DoneCache known;

    public LeaseClaims(IdempotentRepository repository, long timeoutMillis, DoneCache known) {
        if (timeoutMillis <= 0) {
            throw new IllegalArgumentException("claimTimeout must be positive for leases: " + timeoutMillis);
        }
        this.repository = repository;
        this.timeoutMillis = timeoutMillis;
        this.known = known;
    }

    /** The lease key of a done key in a window. */
    public static String leaseKey(String doneKey, long window) {
        return doneKey + "#lease-" + window;
    }

    private long window() {
        return System.currentTimeMillis() / timeoutMillis;
    }

    /** Done (a fact, remembered in the {@link DoneCache}), or leased in the current or the previous window. */
    private boolean taken(String doneKey) {
        if (known.contains(doneKey)) {
            return true;
        }
        if (repository.contains(doneKey)) {
            known.add(doneKey);
            return true;
        }
        long window = window();
        return repository.contains(leaseKey(doneKey, window)) || repository.contains(leaseKey(doneKey, window - 1));
    }

    @Override
    public Claim listed(String doneKey) {
        return taken(doneKey) ? null : new Claim(doneKey, null);
    }

    /**
     * Takes the lease of the current window, then looks again: a lease of a neighbouring window (another node whose
     * add landed late, or whose clock is up to one window off) or a done mark makes this node back off. Of two
     * nodes whose leases are in neighbouring windows at least one sees the other's (each looks after its own add
     * landed), so two live nodes never both proceed. The leases are looked at before the done mark: a node that
     * completes adds the done mark before it removes its lease.
     */
    @Override
    public Claim acquire(Claim listed) {
        String done = listed.doneKey();
        if (taken(done)) {
            return null;
        }
        long window = window();
        String lease = leaseKey(done, window);
        if (!repository.add(lease)) {
            return null;
        }
        if (repository.contains(leaseKey(done, window - 1)) || repository.contains(leaseKey(done, window + 1))
                || repository.contains(done)) {
            repository.remove(lease); // another node has it, or completed it between the checks
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
        known.add(claim.doneKey());
    }
}
