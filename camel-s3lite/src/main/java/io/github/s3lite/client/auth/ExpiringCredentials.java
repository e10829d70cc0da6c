package io.github.s3lite.client.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * Credentials and the instant they stop working.
 *
 * @param credentials the key pair (and session token)
 * @param expiration  when they expire, or null when they do not
 */
public record ExpiringCredentials(Credentials credentials, Instant expiration) {
    public ExpiringCredentials {
        Objects.requireNonNull(credentials, "credentials");
    }

    @Override
    public String toString() {
        return "ExpiringCredentials[" + credentials + ", expiration=" + expiration + "]";
    }
}
