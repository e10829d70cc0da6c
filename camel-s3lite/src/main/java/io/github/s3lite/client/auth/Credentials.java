package io.github.s3lite.client.auth;

/** TEMPORARY stub, replaced by the signer branch. */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public Credentials(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, null);
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=****]";
    }
}
