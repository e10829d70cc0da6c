package io.github.s3lite.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Caches temporary credentials and refreshes them before they expire:
 * <ul>
 * <li>until {@code prefetch} before expiry the cached ones are returned without any call;</li>
 * <li>in the prefetch window one caller refreshes while the others keep using the cached ones (still valid); a
 * failed prefetch is logged and retried by a later call;</li>
 * <li>from {@code stale} before expiry every caller waits for the refresh (one at a time); if it fails, the cached
 * credentials are used only while they have not expired, after that the failure is thrown.</li>
 * </ul>
 * Expired credentials are never returned, so no request is signed with them. For short-lived credentials the
 * windows shrink to half (prefetch) and a quarter (stale) of their lifetime, so a 90-second session is refreshed
 * once, about 45 seconds before it ends, not on every call.
 */
public final class RefreshingCredentialsProvider implements CredentialsProvider {
    private static final Logger LOG = LoggerFactory.getLogger(RefreshingCredentialsProvider.class);
    public static final Duration DEFAULT_PREFETCH = Duration.ofMinutes(5);
    public static final Duration DEFAULT_STALE = Duration.ofMinutes(1);

    private final String name;
    private final Supplier<ExpiringCredentials> loader;
    private final Clock clock;
    private final Duration prefetch;
    private final Duration stale;
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Cached current;

    /** Credentials with the instants from which a refresh is tried (prefetch) and waited for (stale). */
    private record Cached(ExpiringCredentials value, Instant prefetchAt, Instant staleAt) {
        Credentials credentials() {
            return value.credentials();
        }

        Instant expiration() {
            return value.expiration();
        }
    }

    public RefreshingCredentialsProvider(String name, Supplier<ExpiringCredentials> loader) {
        this(name, loader, Clock.systemUTC(), DEFAULT_PREFETCH, DEFAULT_STALE);
    }

    /**
     * @param name     what the credentials come from, for messages ("STS AssumeRole arn:...")
     * @param loader   fetches fresh credentials; throws when it cannot
     * @param prefetch how long before expiry a refresh is tried without blocking the others
     * @param stale    how long before expiry every caller waits for a refresh
     */
    public RefreshingCredentialsProvider(String name, Supplier<ExpiringCredentials> loader, Clock clock,
            Duration prefetch, Duration stale) {
        this.name = Objects.requireNonNull(name, "name");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.prefetch = Objects.requireNonNull(prefetch, "prefetch");
        this.stale = Objects.requireNonNull(stale, "stale");
        if (prefetch.compareTo(stale) < 0) {
            throw new IllegalArgumentException("prefetch (" + prefetch + ") must not be shorter than stale (" + stale + ")");
        }
    }

    @Override
    public Credentials credentials() {
        Cached c = current;
        Instant now = clock.instant();
        if (c != null && (c.prefetchAt() == null || now.isBefore(c.prefetchAt()))) {
            return c.credentials();
        }
        if (c != null && now.isBefore(c.staleAt())) { // prefetch window: one caller refreshes, nobody waits
            if (refreshing.tryLock()) {
                try {
                    if (current == c) {
                        current = load();
                    }
                } catch (RuntimeException e) {
                    LOG.warn("Refreshing credentials from {} failed ahead of their expiry at {}; retrying later: {}",
                            name, c.expiration(), e.toString());
                } finally {
                    refreshing.unlock();
                }
            }
            return current.credentials();
        }
        refreshing.lock();
        try {
            c = current;
            now = clock.instant();
            if (c != null && (c.staleAt() == null || now.isBefore(c.staleAt()))) {
                return c.credentials(); // another caller refreshed while this one waited
            }
            try {
                current = load();
                return current.credentials();
            } catch (RuntimeException e) {
                if (c != null && now.isBefore(c.expiration())) {
                    LOG.warn("Refreshing credentials from {} failed; using the current ones until they expire at {}: {}",
                            name, c.expiration(), e.toString());
                    return c.credentials();
                }
                throw e;
            }
        } finally {
            refreshing.unlock();
        }
    }

    /** When the cached credentials expire (null: never, or none loaded yet). */
    public Instant expiration() {
        Cached c = current;
        return c == null ? null : c.expiration();
    }

    private Cached load() {
        ExpiringCredentials fresh = Objects.requireNonNull(loader.get(), "credentials loader returned null");
        Instant now = clock.instant();
        Instant exp = fresh.expiration();
        if (exp == null) {
            return new Cached(fresh, null, null);
        }
        if (!now.isBefore(exp)) {
            throw new IllegalStateException("Credentials from " + name + " were already expired when received (expiration "
                                            + exp + "); check the clock of this machine");
        }
        Duration life = Duration.between(now, exp);
        Duration p = min(prefetch, life.dividedBy(2));
        Duration st = min(stale, life.dividedBy(4));
        return new Cached(fresh, exp.minus(p), exp.minus(st));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return "RefreshingCredentialsProvider[" + name + ", expiration=" + expiration() + "]";
    }
}
