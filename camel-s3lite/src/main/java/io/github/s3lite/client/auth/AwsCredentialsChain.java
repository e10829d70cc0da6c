package io.github.s3lite.client.auth;

import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

/**
 * The AWS SDKs' default chain, in their order:
 * <ol>
 * <li>static keys in the JVM system properties {@code aws.accessKeyId}, {@code aws.secretAccessKey},
 * {@code aws.sessionToken}, then in the environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}), read at every call;</li>
 * <li>web identity ({@code AWS_ROLE_ARN} + {@code AWS_WEB_IDENTITY_TOKEN_FILE}: EKS IRSA);</li>
 * <li>the profile {@code AWS_PROFILE} (else "default") of the shared config and credentials files, with all their
 * rules ({@link ProfileCredentialsProvider}: keys, assumed roles by source_profile or credential_source, web
 * identity, credential_process); the files are looked at on every call (a stat, parsed again only when
 * changed);</li>
 * <li>container credentials ({@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} / {@code _FULL_URI}: ECS, EKS Pod
 * Identity);</li>
 * <li>the EC2 instance profile through IMDSv2, unless {@code AWS_EC2_METADATA_DISABLED=true}.</li>
 * </ol>
 * A source of steps 2, 4 or 5 that once delivered is kept for the life of the chain, with its cache. A profile that
 * exists and names credentials but is set up wrongly (a role without a source, a cycle, a failing process) is an
 * error, not a reason to go on to the instance metadata. The error when nothing is found says what each step saw.
 */
public final class AwsCredentialsChain implements CredentialsProvider {
    public static final String ENV_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String ENV_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String ENV_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    public static final String PROP_ACCESS_KEY_ID = "aws.accessKeyId";
    public static final String PROP_SECRET_ACCESS_KEY = "aws.secretAccessKey";
    public static final String PROP_SESSION_TOKEN = "aws.sessionToken";
    public static final String ENV_REGION = "AWS_REGION";
    public static final String ENV_DEFAULT_REGION = "AWS_DEFAULT_REGION";

    private final Function<String, String> env;
    private final Function<String, String> systemProperties;
    private final Function<String, StsClient> sts;
    private final ProfileFiles files;
    private final ProfileCredentialsProvider profile;
    private volatile CredentialsProvider chosen;

    /** Uses {@link System#getenv(String)}, the system properties and {@code user.home}. */
    public AwsCredentialsChain() {
        this(System::getenv, System::getProperty, ProfileFiles.fromSystem(), region -> new StsClient(null, region));
    }

    /** With this environment and home directory, no system properties (tests). */
    public AwsCredentialsChain(Function<String, String> env, Path home) {
        this(env, home, null);
    }

    /**
     * @param stsTransport how STS calls travel (null: direct); the container endpoint and IMDS are always called
     *                     directly
     */
    public AwsCredentialsChain(Function<String, String> env, Path home, StsClient.Transport stsTransport) {
        this(env, name -> null, new ProfileFiles(env, home), region -> new StsClient(null, region, stsTransport));
    }

    /**
     * @param env              environment lookup
     * @param systemProperties system property lookup
     * @param files            the shared config and credentials files
     * @param sts              the STS client for web identity and profile roles, given the region they name (null:
     *                         none named)
     */
    public AwsCredentialsChain(Function<String, String> env, Function<String, String> systemProperties,
            ProfileFiles files, Function<String, StsClient> sts) {
        this.env = Objects.requireNonNull(env, "env");
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.files = Objects.requireNonNull(files, "files");
        this.sts = Objects.requireNonNull(sts, "sts");
        this.profile = new ProfileCredentialsProvider(files, null, env, sts);
    }

    /** The process environment and home directory, with STS calls through {@code stsTransport}. */
    public static AwsCredentialsChain withStsTransport(StsClient.Transport stsTransport) {
        return new AwsCredentialsChain(System::getenv, System::getProperty, ProfileFiles.fromSystem(),
                region -> new StsClient(null, region, stsTransport));
    }

    /** An STS factory: {@code endpoint} (null: AWS's regional one), signed for {@code region}, else the named one. */
    public static Function<String, StsClient> sts(URI endpoint, String region, StsClient.Transport transport) {
        return named -> new StsClient(endpoint, region != null ? region : named, transport);
    }

    @Override
    public Credentials credentials() {
        Credentials fromProps = keys(systemProperties, PROP_ACCESS_KEY_ID, PROP_SECRET_ACCESS_KEY, PROP_SESSION_TOKEN);
        if (fromProps != null) {
            return fromProps;
        }
        Credentials fromEnv = keys(env, ENV_ACCESS_KEY_ID, ENV_SECRET_ACCESS_KEY, ENV_SESSION_TOKEN);
        if (fromEnv != null) {
            return fromEnv;
        }
        CredentialsProvider c = chosen;
        if (c != null) {
            return c.credentials();
        }
        CredentialsProvider web = WebIdentityCredentialsProvider.fromEnvironment(env, sts.apply(region()));
        if (web != null) {
            return use(web);
        }
        CredentialsProvider fromProfile = profile.current();
        if (fromProfile != null) {
            return fromProfile.credentials(); // not kept: the files are looked at again on every call
        }
        String notes = envNote() + " " + profile.whyNot() + ".";
        CredentialsProvider container = ContainerCredentialsProvider.fromEnvironment(env);
        if (container != null) {
            return use(container);
        }
        InstanceProfileCredentialsProvider imds = InstanceProfileCredentialsProvider.fromEnvironment(env);
        String hint = "No AWS credentials found: set " + ENV_ACCESS_KEY_ID + " and " + ENV_SECRET_ACCESS_KEY
                      + " (optionally " + ENV_SESSION_TOKEN + "), or give the profile " + ProfileFiles.ENV_PROFILE
                      + " (else default) credentials in the shared files (~/.aws/credentials or "
                      + ProfileFiles.ENV_SHARED_CREDENTIALS_FILE + ", ~/.aws/config or " + ProfileFiles.ENV_CONFIG_FILE
                      + "), or configure the access key and secret key explicitly. Checked:" + notes;
        if (imds == null) {
            throw new IllegalStateException(hint + " No web identity (" + WebIdentityCredentialsProvider.ENV_ROLE_ARN
                                            + ", " + WebIdentityCredentialsProvider.ENV_TOKEN_FILE + ") or container ("
                                            + ContainerCredentialsProvider.ENV_RELATIVE_URI + ") variables; EC2 instance "
                                            + "metadata disabled (" + InstanceProfileCredentialsProvider.ENV_DISABLED + ").");
        }
        try {
            return use(imds);
        } catch (RuntimeException e) {
            throw new IllegalStateException(hint + " No web identity or container variables; EC2 instance metadata: "
                                            + e.getMessage(), e);
        }
    }

    @Override
    public Instant expiration() {
        CredentialsProvider c = chosen;
        if (c != null) {
            return c.expiration();
        }
        return profile.expiration();
    }

    private static Credentials keys(Function<String, String> source, String idName, String secretName, String tokenName) {
        String id = WebIdentityCredentialsProvider.blankToNull(source.apply(idName));
        String secret = WebIdentityCredentialsProvider.blankToNull(source.apply(secretName));
        if (id == null || secret == null) {
            return null;
        }
        return new Credentials(id, secret, WebIdentityCredentialsProvider.blankToNull(source.apply(tokenName)));
    }

    private String envNote() {
        boolean id = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_ACCESS_KEY_ID)) != null;
        boolean secret = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_SECRET_ACCESS_KEY)) != null;
        if (id == secret) {
            return "";
        }
        return " only " + (id ? ENV_ACCESS_KEY_ID : ENV_SECRET_ACCESS_KEY) + " is set in the environment (both are needed);";
    }

    private Credentials use(CredentialsProvider p) {
        Credentials c = p.credentials(); // throws when this source does not deliver: not kept
        chosen = p;
        return c;
    }

    private String region() {
        String r = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_REGION));
        return r != null ? r : WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_DEFAULT_REGION));
    }

    /** The shared files this chain reads. */
    public ProfileFiles files() {
        return files;
    }

    @Override
    public String toString() {
        CredentialsProvider c = chosen;
        return "AwsCredentialsChain[" + (c == null ? "system properties, env, web identity, profile " + profile.profile()
                                                     + ", container, instance metadata" : c) + "]";
    }
}
