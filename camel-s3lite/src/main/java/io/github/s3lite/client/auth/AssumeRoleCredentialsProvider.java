package io.github.s3lite.client.auth;

import java.util.Objects;

/**
 * Temporary credentials of a role, assumed with STS {@code AssumeRole} on top of any base credentials (static keys,
 * the default chain, a container or instance role...), cached and refreshed before they expire.
 */
public final class AssumeRoleCredentialsProvider implements CredentialsProvider {
    private final StsClient.RoleRequest request;
    private final RefreshingCredentialsProvider cache;

    public AssumeRoleCredentialsProvider(CredentialsProvider base, StsClient sts, StsClient.RoleRequest request) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(sts, "sts");
        this.request = Objects.requireNonNull(request, "request");
        this.cache = new RefreshingCredentialsProvider("STS AssumeRole " + request.roleArn() + " at "
                                                       + CredentialsHttp.safe(sts.endpoint()),
                () -> sts.assumeRole(base.credentials(), request));
    }

    AssumeRoleCredentialsProvider(RefreshingCredentialsProvider cache, StsClient.RoleRequest request) {
        this.cache = cache;
        this.request = request;
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
        return "AssumeRoleCredentialsProvider[" + request + "]";
    }
}
