package io.github.s3lite.client.auth;

import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * The AWS SDKs' default chain, in their order:
 * <ol>
 * <li>static keys in the environment ({@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY},
 * {@code AWS_SESSION_TOKEN}), read at every call;</li>
 * <li>web identity ({@code AWS_ROLE_ARN} + {@code AWS_WEB_IDENTITY_TOKEN_FILE}: EKS IRSA);</li>
 * <li>the shared credentials file profile ({@link DefaultCredentialsChain}), read at every call;</li>
 * <li>container credentials ({@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI} / {@code _FULL_URI}: ECS, EKS Pod
 * Identity);</li>
 * <li>the EC2 instance profile through IMDSv2, unless {@code AWS_EC2_METADATA_DISABLED=true}.</li>
 * </ol>
 * A refreshing source (2, 4, 5) that once delivered is kept for the life of the chain, with its cache. The error
 * when nothing is found says what each step saw.
 */
public final class AwsCredentialsChain implements CredentialsProvider {
    public static final String ENV_REGION = "AWS_REGION";
    public static final String ENV_DEFAULT_REGION = "AWS_DEFAULT_REGION";

    private final Function<String, String> env;
    private final DefaultCredentialsChain staticChain;
    private final StsClient.Transport stsTransport;
    private volatile CredentialsProvider chosen;

    /** Uses {@link System#getenv(String)} and {@code user.home}. */
    public AwsCredentialsChain() {
        this(System::getenv, home());
    }

    public AwsCredentialsChain(Function<String, String> env, Path home) {
        this(env, home, null);
    }

    /**
     * @param stsTransport how web identity's STS calls travel (null: direct); the container endpoint and IMDS are
     *                     always called directly
     */
    public AwsCredentialsChain(Function<String, String> env, Path home, StsClient.Transport stsTransport) {
        this.env = Objects.requireNonNull(env, "env");
        this.staticChain = new DefaultCredentialsChain(env, home);
        this.stsTransport = stsTransport;
    }

    /** The process environment and home directory, with web identity's STS calls through {@code stsTransport}. */
    public static AwsCredentialsChain withStsTransport(StsClient.Transport stsTransport) {
        return new AwsCredentialsChain(System::getenv, home(), stsTransport);
    }

    private static Path home() {
        String h = System.getProperty("user.home");
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    @Override
    public Credentials credentials() {
        String id = WebIdentityCredentialsProvider.blankToNull(env.apply(DefaultCredentialsChain.ENV_ACCESS_KEY_ID));
        String secret = WebIdentityCredentialsProvider.blankToNull(env.apply(DefaultCredentialsChain.ENV_SECRET_ACCESS_KEY));
        if (id != null && secret != null) {
            return new Credentials(id, secret,
                    WebIdentityCredentialsProvider.blankToNull(env.apply(DefaultCredentialsChain.ENV_SESSION_TOKEN)));
        }
        CredentialsProvider c = chosen;
        if (c != null) {
            return c.credentials();
        }
        CredentialsProvider web = WebIdentityCredentialsProvider.fromEnvironment(env, new StsClient(null, region(), stsTransport));
        if (web != null) {
            return use(web);
        }
        String staticNote;
        try {
            return staticChain.credentials();
        } catch (IllegalStateException e) {
            staticNote = e.getMessage();
        }
        CredentialsProvider container = ContainerCredentialsProvider.fromEnvironment(env);
        if (container != null) {
            return use(container);
        }
        InstanceProfileCredentialsProvider imds = InstanceProfileCredentialsProvider.fromEnvironment(env);
        if (imds == null) {
            throw new IllegalStateException(staticNote + " No web identity (" + WebIdentityCredentialsProvider.ENV_ROLE_ARN
                                            + ", " + WebIdentityCredentialsProvider.ENV_TOKEN_FILE + ") or container ("
                                            + ContainerCredentialsProvider.ENV_RELATIVE_URI + ") variables; EC2 instance "
                                            + "metadata disabled (" + InstanceProfileCredentialsProvider.ENV_DISABLED + ").");
        }
        try {
            return use(imds);
        } catch (RuntimeException e) {
            throw new IllegalStateException(staticNote + " No web identity or container variables; EC2 instance metadata: "
                                            + e.getMessage(), e);
        }
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

    @Override
    public String toString() {
        CredentialsProvider c = chosen;
        return "AwsCredentialsChain[" + (c == null ? "env, web identity, profile, container, instance metadata" : c) + "]";
    }
}
