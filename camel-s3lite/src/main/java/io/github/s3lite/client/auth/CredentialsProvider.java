package io.github.s3lite.client.auth;

/** Supplies credentials for each request (implementations may refresh them). */
@FunctionalInterface
public interface CredentialsProvider {

    Credentials credentials();

    static CredentialsProvider of(Credentials c) {
        if (c == null) {
            throw new NullPointerException("credentials");
        }
        return () -> c;
    }
}
