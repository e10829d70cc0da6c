package io.github.s3lite.client.auth;

/**
 * Static AWS credentials. {@link #toString()} never reveals the secret key or the session token.
 *
 * @param accessKeyId     access key id, not blank
 * @param secretAccessKey secret access key, not blank
 * @param sessionToken    session token of temporary credentials, or null (a blank token is stored as null)
 */
public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {

    public Credentials {
        if (accessKeyId == null || accessKeyId.isBlank()) {
            throw new IllegalArgumentException("AWS accessKeyId must not be null or blank");
        }
        if (secretAccessKey == null || secretAccessKey.isBlank()) {
            // never print the secret (it is blank anyway, but keep the habit)
            throw new IllegalArgumentException("AWS secretAccessKey must not be null or blank (accessKeyId "
                    + mask(accessKeyId) + ")");
        }
        if (sessionToken != null && sessionToken.isBlank()) {
            sessionToken = null;
        }
    }

    /** Long-term credentials: an access key id and its secret, no session token. */
    public Credentials(String accessKeyId, String secretAccessKey) {
        this(accessKeyId, secretAccessKey, null);
    }

    /** Whether these are temporary credentials (a session token is sent as {@code x-amz-security-token}). */
    public boolean hasSessionToken() {
        return sessionToken != null;
    }

    /** The first 4 characters of the access key id followed by "****". */
    static String mask(String accessKeyId) {
        if (accessKeyId == null) {
            return "null";
        }
        return (accessKeyId.length() > 4 ? accessKeyId.substring(0, 4) : "") + "****";
    }

    @Override
    public String toString() {
        return "Credentials[accessKeyId=" + mask(accessKeyId) + ", secretAccessKey=****, sessionToken="
                + (sessionToken == null ? "none" : "****") + "]";
    }
}
