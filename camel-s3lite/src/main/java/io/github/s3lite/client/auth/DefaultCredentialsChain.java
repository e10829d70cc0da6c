package io.github.s3lite.client.auth;

/** TEMPORARY stub, replaced by the signer branch. */
public final class DefaultCredentialsChain implements CredentialsProvider {
    @Override
    public Credentials credentials() {
        String id = System.getenv("AWS_ACCESS_KEY_ID");
        String secret = System.getenv("AWS_SECRET_ACCESS_KEY");
        if (id == null || secret == null) {
            throw new IllegalStateException("No credentials: set accessKey/secretKey or AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY");
        }
        return new Credentials(id, secret, System.getenv("AWS_SESSION_TOKEN"));
    }
}
