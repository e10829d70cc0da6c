package io.github.s3lite.client.auth;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A profile's {@code credential_process}: the command is run (through {@code sh -c}, or {@code cmd.exe /C} on
 * Windows, as the AWS CLI does) and its standard output read as the JSON of the AWS "Version 1" format:
 * {@code Version} 1, {@code AccessKeyId}, {@code SecretAccessKey}, optional {@code SessionToken} and
 * {@code Expiration} (ISO-8601). Credentials with an expiration are cached and the command run again before they
 * expire ({@link RefreshingCredentialsProvider}); without one they are kept.
 * <p>
 * Its output is never logged nor quoted in a message (it is the secret); its error output goes to this process's
 * standard error, as with the CLI. A command that does not finish within the timeout is killed; more than 64 KiB
 * of output is refused. Messages name the profile, not the command (its arguments may hold secrets too).
 */
public final class ProcessCredentialsProvider implements CredentialsProvider {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final int MAX_OUTPUT = 64 * 1024;

    private final String profile;
    private final List<String> command;
    private final Duration timeout;
    private final RefreshingCredentialsProvider cache;

    /**
     * @param profile     the profile it comes from, for messages
     * @param commandLine the {@code credential_process} value
     * @param timeout     how long the command may run
     */
    public ProcessCredentialsProvider(String profile, String commandLine, Duration timeout) {
        this.profile = Objects.requireNonNull(profile, "profile");
        if (commandLine == null || commandLine.isBlank()) {
            throw new IllegalArgumentException("credential_process of profile [" + profile + "] is empty");
        }
        this.command = System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")
                ? List.of("cmd.exe", "/C", commandLine.strip()) : List.of("sh", "-c", commandLine.strip());
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.cache = new RefreshingCredentialsProvider("credential_process of profile [" + profile + "]", this::run);
    }

    private ExpiringCredentials run() {
        String what = "credential_process of profile [" + profile + "]";
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
        } catch (IOException e) {
            throw new IllegalStateException(what + " could not be started: " + e.getMessage(), e);
        }
        try {
            p.getOutputStream().close();
            CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> readLimited(p.getInputStream()));
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + timeout + " and was killed");
            }
            byte[] bytes;
            try {
                bytes = out.get(Math.max(1000, timeout.toMillis()), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                throw new IllegalStateException(what + ": its output could not be read ("
                                                + (e.getCause() == null ? e : e.getCause()).getMessage() + ")");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(what + " exited with status " + p.exitValue()
                                                + " (its output is not shown; its error output went to standard error)");
            }
            return parse(new String(bytes, StandardCharsets.UTF_8), what);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + what, e);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": " + e.getMessage(), e);
        }
    }

    private static byte[] readLimited(InputStream in) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try (in) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (b.size() + n > MAX_OUTPUT) {
                    throw new IllegalStateException("more than " + MAX_OUTPUT + " bytes of output");
                }
                b.write(buf, 0, n);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e.getClass().getSimpleName());
        }
        return b.toByteArray();
    }

    /** The Version 1 JSON; errors name what is missing, never a value. */
    static ExpiringCredentials parse(String json, String what) {
        Map<String, String> m = FlatJson.parse(json, "the output of " + what);
        if (!"1".equals(m.get("Version"))) {
            throw new IllegalStateException("the output of " + what + " has Version " + (m.containsKey("Version")
                    ? "other than 1" : "missing") + "; the AWS format needs \"Version\": 1");
        }
        String id = m.get("AccessKeyId");
        String secret = m.get("SecretAccessKey");
        if (id == null || id.isBlank() || secret == null || secret.isBlank()) {
            throw new IllegalStateException("the output of " + what + " lacks AccessKeyId or SecretAccessKey");
        }
        String exp = m.get("Expiration");
        Instant expiration;
        try {
            expiration = exp == null || exp.isBlank() ? null : Instant.parse(exp.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("the output of " + what + " has an Expiration that is not an ISO-8601 "
                                            + "instant such as 2030-01-01T00:00:00Z");
        }
        return new ExpiringCredentials(new Credentials(id, secret, m.get("SessionToken")), expiration);
    }

    @Override
    public Credentials credentials() {
        return cache.credentials();
    }

    @Override
    public Instant expiration() {
        return cache.expiration();
    }

    @Override
    public String toString() {
        return "ProcessCredentialsProvider[profile " + profile + "]";
    }
}
