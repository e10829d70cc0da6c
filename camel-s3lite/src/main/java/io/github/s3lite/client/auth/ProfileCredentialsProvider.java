package io.github.s3lite.client.auth;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Credentials of one profile of the shared config and credentials files ({@link ProfileFiles}), by the AWS CLI's
 * rules, first match wins:
 * <ol>
 * <li>{@code role_arn} + {@code web_identity_token_file}: STS {@code AssumeRoleWithWebIdentity}, the token file read
 * again at every refresh;</li>
 * <li>{@code role_arn} + {@code source_profile}: STS {@code AssumeRole} signed with the source profile's
 * credentials, which may be a role itself (chains; a cycle is an error naming it; a profile that names itself uses
 * its own keys); or {@code role_arn} + {@code credential_source} ({@code Environment}, {@code Ec2InstanceMetadata},
 * {@code EcsContainer}). Both take {@code external_id}, {@code role_session_name} and {@code duration_seconds};</li>
 * <li>{@code aws_access_key_id} + {@code aws_secret_access_key} (+ {@code aws_session_token});</li>
 * <li>{@code credential_process} ({@link ProcessCredentialsProvider}).</li>
 * </ol>
 * STS is reached through {@code sts}, given the profile's {@code region} (else {@code AWS_REGION}, else
 * {@code AWS_DEFAULT_REGION}; null if none). The profile is resolved again when a file changes; until then the
 * providers made from it, with their caches, are kept.
 */
public final class ProfileCredentialsProvider implements CredentialsProvider {
    static final List<String> CREDENTIAL_SOURCES = List.of("Environment", "Ec2InstanceMetadata", "EcsContainer");

    private final ProfileFiles files;
    private final String profile;
    private final Function<String, String> env;
    private final Function<String, StsClient> sts;
    private final Duration processTimeout;
    private volatile Resolved resolved;

    /** A provider built from one snapshot of the files (null provider: the profile gives no credentials). */
    private record Resolved(ProfileFiles.Snapshot snapshot, CredentialsProvider provider, String note) {
    }

    /**
     * @param files   the shared files
     * @param profile the profile's name (null: {@code AWS_PROFILE}, else "default")
     * @param env     environment lookup (for {@code credential_source} and the region)
     * @param sts     the STS client for a region (null when unknown: the client's default)
     */
    public ProfileCredentialsProvider(ProfileFiles files, String profile, Function<String, String> env,
            Function<String, StsClient> sts) {
        this(files, profile, env, sts, ProcessCredentialsProvider.DEFAULT_TIMEOUT);
    }

    ProfileCredentialsProvider(ProfileFiles files, String profile, Function<String, String> env,
            Function<String, StsClient> sts, Duration processTimeout) {
        this.files = Objects.requireNonNull(files, "files");
        this.profile = profile == null || profile.isBlank() ? files.defaultProfileName() : profile.strip();
        this.env = Objects.requireNonNull(env, "env");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.processTimeout = processTimeout;
    }

    public String profile() {
        return profile;
    }

    /**
     * The provider this profile resolves to now, or null when the files have no such profile or it holds no
     * credential settings ({@link #whyNot()} says which); a profile that is set up wrongly throws.
     */
    public CredentialsProvider current() {
        ProfileFiles.Snapshot s = files.snapshot();
        Resolved r = resolved;
        if (r == null || r.snapshot() != s) {
            synchronized (this) {
                r = resolved;
                if (r == null || r.snapshot() != s) {
                    r = resolve(s);
                    resolved = r;
                }
            }
        }
        return r.provider();
    }

    /** Why {@link #current()} found nothing. */
    public String whyNot() {
        Resolved r = resolved;
        return r == null ? "" : r.note();
    }

    private Resolved resolve(ProfileFiles.Snapshot s) {
        Map<String, String> p = s.profile(profile);
        if (p == null) {
            return new Resolved(s, null, "profile [" + profile + "] not found in " + s.where() + " (profiles there: "
                                         + s.profiles().keySet() + ")");
        }
        if (!hasCredentialSettings(p)) {
            return new Resolved(s, null, "profile [" + profile + "] in " + s.where() + " has no credentials "
                                         + "(aws_access_key_id and aws_secret_access_key, role_arn, or credential_process)");
        }
        return new Resolved(s, build(s, profile, new ArrayList<>()), "");
    }

    private static boolean hasCredentialSettings(Map<String, String> p) {
        return has(p, "role_arn") || has(p, "aws_access_key_id") || has(p, "aws_secret_access_key")
               || has(p, "credential_process");
    }

    private CredentialsProvider build(ProfileFiles.Snapshot s, String name, List<String> path) {
        if (path.contains(name)) {
            path.add(name);
            throw new IllegalStateException("AWS profile cycle: " + String.join(" -> ", path) + " (source_profile); end "
                                            + "the chain at a profile with aws_access_key_id/aws_secret_access_key, "
                                            + "credential_source, web_identity_token_file or credential_process");
        }
        path.add(name);
        Map<String, String> p = s.profile(name);
        String from = path.size() == 1 ? "" : " (source_profile of [" + path.get(path.size() - 2) + "])";
        if (p == null) {
            throw new IllegalStateException("AWS profile [" + name + "]" + from + " not found in " + s.where()
                                            + " (profiles there: " + s.profiles().keySet() + ")");
        }
        String roleArn = value(p, "role_arn");
        if (roleArn != null) {
            return role(s, name, p, roleArn, path);
        }
        CredentialsProvider keys = staticKeys(name, p);
        if (keys != null) {
            return keys;
        }
        String process = value(p, "credential_process");
        if (process != null) {
            return new ProcessCredentialsProvider(name, process, processTimeout);
        }
        throw new IllegalStateException("AWS profile [" + name + "]" + from + " in " + s.where() + " has no credentials: "
                                        + "give aws_access_key_id and aws_secret_access_key, role_arn with "
                                        + "source_profile or credential_source, or credential_process");
    }

    private CredentialsProvider role(ProfileFiles.Snapshot s, String name, Map<String, String> p, String roleArn,
            List<String> path) {
        String sessionName = value(p, "role_session_name");
        Duration duration = duration(name, p);
        StsClient client = sts.apply(region(p));
        String tokenFile = value(p, "web_identity_token_file");
        String source = value(p, "source_profile");
        String credentialSource = value(p, "credential_source");
        if (tokenFile != null) {
            return new WebIdentityCredentialsProvider(files.expandHome(tokenFile), client,
                    new StsClient.RoleRequest(roleArn, sessionName, null, duration));
        }
        StsClient.RoleRequest request = new StsClient.RoleRequest(roleArn, sessionName, value(p, "external_id"), duration);
        if (source != null && credentialSource != null) {
            throw new IllegalStateException("AWS profile [" + name + "] has both source_profile and credential_source: "
                                            + "keep one");
        }
        CredentialsProvider base;
        if (source != null) {
            if (source.equals(name)) {
                base = staticKeys(name, p);
                if (base == null) {
                    throw new IllegalStateException("AWS profile [" + name + "] names itself as source_profile but has "
                                                    + "no aws_access_key_id/aws_secret_access_key");
                }
            } else {
                base = build(s, source, path);
            }
        } else if (credentialSource != null) {
            base = credentialSource(name, credentialSource);
        } else {
            throw new IllegalStateException("AWS profile [" + name + "] has role_arn but neither source_profile, "
                                            + "credential_source nor web_identity_token_file: add one to say which "
                                            + "credentials assume the role");
        }
        return new AssumeRoleCredentialsProvider(base, client, request);
    }

    private CredentialsProvider credentialSource(String name, String source) {
        switch (source) {
            case "Environment": {
                String id = WebIdentityCredentialsProvider.blankToNull(env.apply(AwsCredentialsChain.ENV_ACCESS_KEY_ID));
                String secret = WebIdentityCredentialsProvider.blankToNull(env.apply(AwsCredentialsChain.ENV_SECRET_ACCESS_KEY));
                if (id == null || secret == null) {
                    throw new IllegalStateException("AWS profile [" + name + "] has credential_source = Environment but "
                                                    + AwsCredentialsChain.ENV_ACCESS_KEY_ID + " and "
                                                    + AwsCredentialsChain.ENV_SECRET_ACCESS_KEY + " are not both set");
                }
                return CredentialsProvider.of(new Credentials(id, secret, WebIdentityCredentialsProvider.blankToNull(
                        env.apply(AwsCredentialsChain.ENV_SESSION_TOKEN))));
            }
            case "Ec2InstanceMetadata": {
                InstanceProfileCredentialsProvider imds = InstanceProfileCredentialsProvider.fromEnvironment(env);
                if (imds == null) {
                    throw new IllegalStateException("AWS profile [" + name + "] has credential_source = Ec2InstanceMetadata "
                                                    + "but " + InstanceProfileCredentialsProvider.ENV_DISABLED + " is true");
                }
                return imds;
            }
            case "EcsContainer": {
                ContainerCredentialsProvider c = ContainerCredentialsProvider.fromEnvironment(env);
                if (c == null) {
                    throw new IllegalStateException("AWS profile [" + name + "] has credential_source = EcsContainer but "
                                                    + "neither " + ContainerCredentialsProvider.ENV_RELATIVE_URI + " nor "
                                                    + ContainerCredentialsProvider.ENV_FULL_URI + " is set");
                }
                return c;
            }
            default:
                throw new IllegalStateException("AWS profile [" + name + "] has credential_source = " + source
                                                + ": use one of " + CREDENTIAL_SOURCES);
        }
    }

    private static CredentialsProvider staticKeys(String name, Map<String, String> p) {
        String id = value(p, "aws_access_key_id");
        String secret = value(p, "aws_secret_access_key");
        if (id == null && secret == null) {
            return null;
        }
        if (id == null || secret == null) {
            throw new IllegalStateException("AWS profile [" + name + "] has only "
                                            + (id == null ? "aws_secret_access_key" : "aws_access_key_id")
                                            + ": both aws_access_key_id and aws_secret_access_key are needed");
        }
        return CredentialsProvider.of(new Credentials(id, secret, value(p, "aws_session_token")));
    }

    private static Duration duration(String name, Map<String, String> p) {
        String d = value(p, "duration_seconds");
        if (d == null) {
            return null;
        }
        long seconds;
        try {
            seconds = Long.parseLong(d);
        } catch (NumberFormatException e) {
            seconds = -1;
        }
        if (seconds < 900 || seconds > 43_200) {
            throw new IllegalStateException("AWS profile [" + name + "] has duration_seconds = " + d
                                            + ": give whole seconds, 900 to 43200 (15 minutes to 12 hours, STS's limits; "
                                            + "the role's maximum session duration applies too)");
        }
        return Duration.ofSeconds(seconds);
    }

    private String region(Map<String, String> p) {
        String r = value(p, "region");
        if (r == null) {
            r = WebIdentityCredentialsProvider.blankToNull(env.apply(AwsCredentialsChain.ENV_REGION));
        }
        return r != null ? r : WebIdentityCredentialsProvider.blankToNull(env.apply(AwsCredentialsChain.ENV_DEFAULT_REGION));
    }

    private static boolean has(Map<String, String> p, String key) {
        return value(p, key) != null;
    }

    private static String value(Map<String, String> p, String key) {
        return WebIdentityCredentialsProvider.blankToNull(p.get(key));
    }

    @Override
    public Credentials credentials() {
        CredentialsProvider c = current();
        if (c == null) {
            throw new IllegalStateException("No AWS credentials from profile [" + profile + "]: " + whyNot());
        }
        return c.credentials();
    }

    @Override
    public Instant expiration() {
        Resolved r = resolved;
        return r == null || r.provider() == null ? null : r.provider().expiration();
    }

    @Override
    public String toString() {
        return "ProfileCredentialsProvider[" + profile + "]";
    }

    /** The region of {@code profile} in the files (null: none, or no such profile). */
    public static String region(ProfileFiles files, String profile) {
        ProfileFiles.Snapshot s = files.snapshot();
        Map<String, String> p = s.profile(profile == null || profile.isBlank() ? files.defaultProfileName() : profile.strip());
        return p == null ? null : value(p, "region");
    }

    /**
     * The default signing region as the AWS SDKs choose it: {@code aws.region}, else {@code AWS_REGION}, else the
     * {@code region} of the profile ({@link #region}), else null.
     */
    public static String defaultRegion(ProfileFiles files, String profile) {
        String set = files.regionSetting();
        return set != null ? set : region(files, profile);
    }
}
