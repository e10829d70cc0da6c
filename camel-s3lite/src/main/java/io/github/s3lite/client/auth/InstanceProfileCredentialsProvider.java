package io.github.s3lite.client.auth;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Function;

/**
 * EC2 instance profile credentials through IMDSv2 only: {@code PUT /latest/api/token} (a session token valid six
 * hours, kept until shortly before it ends), then the role name and its credentials under
 * {@code /latest/meta-data/iam/security-credentials/} with {@code X-aws-ec2-metadata-token}. IMDSv1 (no token) is
 * never used. {@code AWS_EC2_METADATA_SERVICE_ENDPOINT} replaces {@code http://169.254.169.254};
 * {@code AWS_EC2_METADATA_DISABLED=true} turns the provider off. Always direct, never through a proxy.
 */
public final class InstanceProfileCredentialsProvider implements CredentialsProvider {
    public static final String ENV_ENDPOINT = "AWS_EC2_METADATA_SERVICE_ENDPOINT";
    public static final String ENV_DISABLED = "AWS_EC2_METADATA_DISABLED";
    static final String DEFAULT_ENDPOINT = "http://169.254.169.254";
    static final Duration TOKEN_TTL = Duration.ofHours(6);
    private static final String CREDENTIALS_PATH = "/latest/meta-data/iam/security-credentials/";

    private final URI endpoint;
    private final RefreshingCredentialsProvider cache;
    private String token;
    private Instant tokenExpires = Instant.MIN;

    public InstanceProfileCredentialsProvider(URI endpoint) {
        String e = endpoint.toString();
        this.endpoint = URI.create(e.endsWith("/") ? e.substring(0, e.length() - 1) : e);
        this.cache = new RefreshingCredentialsProvider("EC2 instance metadata " + CredentialsHttp.safe(this.endpoint),
                this::load);
    }

    /** The endpoint from the environment, or null when {@code AWS_EC2_METADATA_DISABLED} is true. */
    public static InstanceProfileCredentialsProvider fromEnvironment(Function<String, String> env) {
        if ("true".equalsIgnoreCase(WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_DISABLED)))) {
            return null;
        }
        String e = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_ENDPOINT));
        return new InstanceProfileCredentialsProvider(URI.create(e == null ? DEFAULT_ENDPOINT : e));
    }

    private synchronized String token(boolean renew) {
        if (renew || token == null || Instant.now().isAfter(tokenExpires)) {
            CredentialsHttp.Response r = CredentialsHttp.send("PUT", URI.create(endpoint + "/latest/api/token"),
                    Map.of("X-aws-ec2-metadata-token-ttl-seconds", String.valueOf(TOKEN_TTL.toSeconds())), "");
            if (!r.ok() || r.body().isBlank()) {
                throw new IllegalStateException("EC2 instance metadata " + CredentialsHttp.safe(endpoint)
                                                + " refused an IMDSv2 session token (status " + r.status()
                                                + "); IMDSv1 is not used");
            }
            token = r.body().strip();
            tokenExpires = Instant.now().plus(TOKEN_TTL).minus(Duration.ofMinutes(5));
        }
        return token;
    }

    private CredentialsHttp.Response get(String path) {
        CredentialsHttp.Response r = CredentialsHttp.send("GET", URI.create(endpoint + path),
                Map.of("X-aws-ec2-metadata-token", token(false)), null);
        if (r.status() == 401) { // the session token expired or was revoked: one new token, one retry
            r = CredentialsHttp.send("GET", URI.create(endpoint + path), Map.of("X-aws-ec2-metadata-token", token(true)),
                    null);
        }
        if (!r.ok()) {
            throw new IllegalStateException("EC2 instance metadata " + CredentialsHttp.safe(endpoint) + path
                                            + " answered " + r.status()
                                            + (r.status() == 404 ? " (no instance profile attached?)" : ""));
        }
        return r;
    }

    private ExpiringCredentials load() {
        String role = get(CREDENTIALS_PATH).body().strip().lines().findFirst().orElse("").strip();
        if (role.isEmpty()) {
            throw new IllegalStateException("EC2 instance metadata lists no role: attach an instance profile");
        }
        return ContainerCredentialsProvider.parse(get(CREDENTIALS_PATH + role).body(),
                "instance metadata credentials of role " + role);
    }

    @Override
    public Credentials credentials() {
        return cache.credentials();
    }

    @Override
    public java.time.Instant expiration() {
        return cache.expiration();
    }

    @Override
    public String toString() {
        return "InstanceProfileCredentialsProvider[" + CredentialsHttp.safe(endpoint) + "]";
    }
}
