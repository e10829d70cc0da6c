package io.github.s3lite.client.auth;

@FunctionalInterface
public interface CredentialsProvider {
    Credentials credentials();

    static CredentialsProvider of(Credentials c) {
        return () -> c;
    }
}
