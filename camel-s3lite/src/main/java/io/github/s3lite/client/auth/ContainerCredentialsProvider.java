package io.github.s3lite.client.auth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * ECS task roles and EKS Pod Identity: credentials from the container credentials endpoint.
 * <ul>
 * <li>{@code AWS_CONTAINER_CREDENTIALS_RELATIVE_URI}: {@code http://169.254.170.2} + that path (ECS);</li>
 * <li>else {@code AWS_CONTAINER_CREDENTIALS_FULL_URI}: any https URL, or http only to a loopback address or the
 * ECS/EKS link-local addresses 169.254.170.2, 169.254.170.23, fd00:ec2::23 (every address the host resolves to
 * must qualify); anything else is refused;</li>
 * <li>{@code Authorization}: the content of {@code AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE} (read again at every
 * refresh: EKS rotates it), else {@code AWS_CONTAINER_AUTHORIZATION_TOKEN}.</li>
 * </ul>
 * Always direct, never through a proxy.
 */
public final class ContainerCredentialsProvider implements CredentialsProvider {
    public static final String ENV_RELATIVE_URI = "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI";
    public static final String ENV_FULL_URI = "AWS_CONTAINER_CREDENTIALS_FULL_URI";
    public static final String ENV_TOKEN = "AWS_CONTAINER_AUTHORIZATION_TOKEN";
    public static final String ENV_TOKEN_FILE = "AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE";
    static final String ECS_ENDPOINT = "http://169.254.170.2";
    private static final Set<String> LINK_LOCAL = Set.of("169.254.170.2", "169.254.170.23", "fd00:ec2:0:0:0:0:0:23");

    private final URI uri;
    private final Function<String, String> env;
    private final RefreshingCredentialsProvider cache;

    private ContainerCredentialsProvider(URI uri, Function<String, String> env) {
        this.uri = uri;
        this.env = env;
        this.cache = new RefreshingCredentialsProvider("container credentials " + CredentialsHttp.safe(uri), this::load);
    }

    /** From the environment, or null when neither URI variable is set; an unacceptable URI is an error. */
    public static ContainerCredentialsProvider fromEnvironment(Function<String, String> env) {
        URI uri = resolveUri(env);
        return uri == null ? null : new ContainerCredentialsProvider(uri, env);
    }

    /** The endpoint the variables name (null when none is set), checked against the rules above. */
    static URI resolveUri(Function<String, String> env) {
        String relative = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_RELATIVE_URI));
        if (relative != null) {
            return URI.create(ECS_ENDPOINT + (relative.startsWith("/") ? "" : "/") + relative);
        }
        String full = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_FULL_URI));
        if (full == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(full);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(ENV_FULL_URI + " is not a URL: " + e.getMessage());
        }
        if (uri.getHost() == null) {
            throw new IllegalStateException(ENV_FULL_URI + " '" + CredentialsHttp.safe(uri) + "' has no host");
        }
        if ("https".equalsIgnoreCase(uri.getScheme())) {
            return uri;
        }
        if (!"http".equalsIgnoreCase(uri.getScheme()) || !allowedHttpHost(uri.getHost())) {
            throw new IllegalStateException(ENV_FULL_URI + " '" + CredentialsHttp.safe(uri) + "' is refused: over "
                                            + "plain http only a loopback address or the ECS/EKS addresses "
                                            + "169.254.170.2, 169.254.170.23 and fd00:ec2::23 may serve credentials; "
                                            + "use https for any other host");
        }
        return uri;
    }

    private static boolean allowedHttpHost(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        try {
            InetAddress[] all = InetAddress.getAllByName(h);
            for (InetAddress a : all) {
                if (!a.isLoopbackAddress() && !LINK_LOCAL.contains(a.getHostAddress())) {
                    return false;
                }
            }
            return all.length > 0;
        } catch (UnknownHostException e) {
            throw new IllegalStateException(ENV_FULL_URI + " host '" + h + "' does not resolve");
        }
    }

    private String token() {
        String file = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_TOKEN_FILE));
        String token;
        if (file != null) {
            try {
                token = Files.readString(Path.of(file), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new IllegalStateException("Cannot read " + ENV_TOKEN_FILE + " " + file + ": " + e, e);
            }
        } else {
            token = WebIdentityCredentialsProvider.blankToNull(env.apply(ENV_TOKEN));
        }
        if (token != null && (token.indexOf('\r') >= 0 || token.indexOf('\n') >= 0)) {
            throw new IllegalStateException("the container authorization token contains a line break (refused)");
        }
        return token;
    }

    /** The headers of the next request: {@code Accept}, and {@code Authorization} when a token is configured. */
    Map<String, String> requestHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        String token = token();
        if (token != null) {
            headers.put("Authorization", token);
        }
        return headers;
    }

    /** The endpoint called. */
    URI uri() {
        return uri;
    }

    private ExpiringCredentials load() {
        Map<String, String> headers = requestHeaders();
        CredentialsHttp.Response r = CredentialsHttp.send("GET", uri, headers, null);
        if (!r.ok()) {
            throw new IllegalStateException("container credentials endpoint " + CredentialsHttp.safe(uri) + " answered "
                                            + r.status());
        }
        return parse(r.body(), "answer of container credentials endpoint " + CredentialsHttp.safe(uri));
    }

    /** {@code AccessKeyId}, {@code SecretAccessKey}, {@code Token}, {@code Expiration} (container and IMDS form). */
    static ExpiringCredentials parse(String json, String what) {
        Map<String, String> m = FlatJson.parse(json, what);
        String code = m.get("Code");
        if (code != null && !code.equals("Success")) {
            throw new IllegalStateException(what + " has Code " + code);
        }
        String id = m.get("AccessKeyId");
        String secret = m.get("SecretAccessKey");
        if (id == null || secret == null) {
            throw new IllegalStateException(what + " lacks AccessKeyId or SecretAccessKey");
        }
        String exp = m.get("Expiration");
        return new ExpiringCredentials(new Credentials(id, secret, m.get("Token")),
                exp == null ? null : Instant.parse(exp.strip()));
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
        return "ContainerCredentialsProvider[" + CredentialsHttp.safe(uri) + "]";
    }
}
