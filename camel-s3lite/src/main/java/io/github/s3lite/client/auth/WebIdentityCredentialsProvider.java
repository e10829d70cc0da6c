package io.github.s3lite.client.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * EKS IRSA and on-prem OIDC (MinIO, Ceph STS): STS {@code AssumeRoleWithWebIdentity} with the token in a file,
 * which is read again at every refresh (the kubelet rotates it). From the environment: {@code AWS_ROLE_ARN},
 * {@code AWS_WEB_IDENTITY_TOKEN_FILE}, optional {@code AWS_ROLE_SESSION_NAME}; STS is the regional endpoint of
 * {@code AWS_REGION} (or {@code AWS_DEFAULT_REGION}).
 */
public final class WebIdentityCredentialsProvider implements CredentialsProvider {
    public static final String ENV_ROLE_ARN = "AWS_ROLE_ARN";
    public static final String ENV_TOKEN_FILE = "AWS_WEB_IDENTITY_TOKEN_FILE";
    public static final String ENV_SESSION_NAME = "AWS_ROLE_SESSION_NAME";

    private final Path tokenFile;
    private final StsClient.RoleRequest request;
    private final RefreshingCredentialsProvider cache;

    public WebIdentityCredentialsProvider(Path tokenFile, StsClient sts, StsClient.RoleRequest request) {
        this.tokenFile = Objects.requireNonNull(tokenFile, "tokenFile");
        this.request = Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sts, "sts");
        this.cache = new RefreshingCredentialsProvider("STS AssumeRoleWithWebIdentity " + request.roleArn(),
                () -> sts.assumeRoleWithWebIdentity(readToken(), request));
    }

    /** From the environment, or null when {@code AWS_ROLE_ARN} and {@code AWS_WEB_IDENTITY_TOKEN_FILE} are not both set. */
    static WebIdentityCredentialsProvider fromEnvironment(Function<String, String> env, StsClient sts) {
        String arn = blankToNull(env.apply(ENV_ROLE_ARN));
        String file = blankToNull(env.apply(ENV_TOKEN_FILE));
        if (arn == null || file == null) {
            return null;
        }
        return new WebIdentityCredentialsProvider(Path.of(file), sts,
                new StsClient.RoleRequest(arn, blankToNull(env.apply(ENV_SESSION_NAME)), null, null));
    }

    private String readToken() {
        try {
            return Files.readString(tokenFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the web identity token file " + tokenFile + " ("
                                            + ENV_TOKEN_FILE + "): " + e, e);
        }
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
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
        return "WebIdentityCredentialsProvider[" + request.roleArn() + ", token file " + tokenFile + "]";
    }
}
