package io.github.s3lite.client.auth;

import java.time.Instant;

/** Supplies credentials for each request (implementations may refresh them). */
@FunctionalInterface
public interface CredentialsProvider {

    /**
     * The credentials to sign the next request with; called for each request, so a provider that refreshes
     * (assumed roles, instance profiles) hands out new ones before the old ones expire.
     *
     * @return credentials, never null
     */
    Credentials credentials();

    /**
     * When the credentials last returned by {@link #credentials()} expire: null when they do not (static keys) or
     * when this provider cannot tell. Used to warn when a presigned URL would outlive them.
     */
    default Instant expiration() {
        return null;
    }

    /**
     * A provider that always answers {@code c} (static keys).
     *
     * @throws NullPointerException when {@code c} is null
     */
    static CredentialsProvider of(Credentials c) {
        if (c == null) {
            throw new NullPointerException("credentials");
        }
        return () -> c;
    }
}
