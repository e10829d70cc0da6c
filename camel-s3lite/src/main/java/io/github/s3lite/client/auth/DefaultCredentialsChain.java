package io.github.s3lite.client.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Finds credentials like the AWS CLI/SDKs do (a subset):
 * <ol>
 * <li>environment variables {@code AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY} and optional
 * {@code AWS_SESSION_TOKEN};</li>
 * <li>the shared credentials file ({@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}), profile
 * {@code AWS_PROFILE} or "default", keys {@code aws_access_key_id}, {@code aws_secret_access_key} and optional
 * {@code aws_session_token}.</li>
 * </ol>
 * Lookups are done on every call to {@link #credentials()}; the file is parsed again only when its modification
 * time or size changed, so rotated files are picked up on the next request without a read per request. Throws {@link IllegalStateException} saying what to configure when nothing is found.
 */
public final class DefaultCredentialsChain implements CredentialsProvider {

    public static final String ENV_ACCESS_KEY_ID = "AWS_ACCESS_KEY_ID";
    public static final String ENV_SECRET_ACCESS_KEY = "AWS_SECRET_ACCESS_KEY";
    public static final String ENV_SESSION_TOKEN = "AWS_SESSION_TOKEN";
    public static final String ENV_SHARED_CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
    public static final String ENV_PROFILE = "AWS_PROFILE";
    public static final String DEFAULT_PROFILE = "default";

    private final Function<String, String> env;
    private final Path home;

    /** Uses {@link System#getenv(String)} and the {@code user.home} system property. */
    public DefaultCredentialsChain() {
        this(System::getenv, homeFromSystem());
    }

    /**
     * @param env  environment lookup (name -> value or null)
     * @param home the user's home directory, or null if unknown (then only AWS_SHARED_CREDENTIALS_FILE is used)
     */
    public DefaultCredentialsChain(Function<String, String> env, Path home) {
        this.env = Objects.requireNonNull(env, "env");
        this.home = home;
    }

    private static Path homeFromSystem() {
        String h = System.getProperty("user.home");
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    @Override
    public Credentials credentials() {
        String id = get(ENV_ACCESS_KEY_ID);
        String secret = get(ENV_SECRET_ACCESS_KEY);
        if (id != null && secret != null) {
            return new Credentials(id, secret, get(ENV_SESSION_TOKEN));
        }
        String envNote = "";
        if (id != null || secret != null) {
            envNote = " (only " + (id != null ? ENV_ACCESS_KEY_ID : ENV_SECRET_ACCESS_KEY)
                    + " is set in the environment; both are needed)";
        }

        String profile = get(ENV_PROFILE);
        if (profile == null) {
            profile = DEFAULT_PROFILE;
        }
        Path file = credentialsFile();
        String fileNote;
        if (file == null) {
            fileNote = "no shared credentials file (no home directory and " + ENV_SHARED_CREDENTIALS_FILE + " not set)";
        } else if (!Files.isRegularFile(file)) {
            fileNote = "shared credentials file " + file + " does not exist";
        } else {
            Map<String, Map<String, String>> ini = cachedIni(file);
            Map<String, String> section = ini.get(profile);
            if (section == null) {
                fileNote = "profile [" + profile + "] not found in " + file + " (profiles there: " + ini.keySet() + ")";
            } else {
                String fid = blankToNull(section.get("aws_access_key_id"));
                String fsecret = blankToNull(section.get("aws_secret_access_key"));
                if (fid != null && fsecret != null) {
                    return new Credentials(fid, fsecret, blankToNull(section.get("aws_session_token")));
                }
                fileNote = "profile [" + profile + "] in " + file
                        + " lacks aws_access_key_id and/or aws_secret_access_key";
            }
        }
        throw new IllegalStateException("No AWS credentials found: set the environment variables " + ENV_ACCESS_KEY_ID
                + " and " + ENV_SECRET_ACCESS_KEY + " (optionally " + ENV_SESSION_TOKEN + ")" + envNote
                + ", or put aws_access_key_id and aws_secret_access_key under [" + profile
                + "] in the shared credentials file (~/.aws/credentials, or the file named by "
                + ENV_SHARED_CREDENTIALS_FILE + "; profile chosen by " + ENV_PROFILE
                + "), or configure the access key and secret key explicitly. Checked: " + fileNote + ".");
    }

    /** The file's parsed content with the stamp it was read at: re-read only when the file changes. */
    private record Parsed(Path file, Object modified, long size, Map<String, Map<String, String>> ini) {
    }

    private volatile Parsed parsed;
    private final java.util.concurrent.atomic.AtomicInteger fileReads = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The shared credentials file, parsed once per change: each call costs one stat (modification time and size),
     * not a read and parse, so a 1,000-part upload does not read the file 1,000 times and a rotated file is picked
     * up on the next request.
     */
    private Map<String, Map<String, String>> cachedIni(Path file) {
        Object modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            return readIni(file);
        }
        Parsed p = parsed;
        if (p != null && p.file().equals(file) && p.modified().equals(modified) && p.size() == size) {
            return p.ini();
        }
        fileReads.incrementAndGet();
        Map<String, Map<String, String>> ini = readIni(file);
        parsed = new Parsed(file, modified, size, ini);
        return ini;
    }

    /** How often the credentials file was read and parsed (tests). */
    int fileReads() {
        return fileReads.get();
    }

    /** The shared credentials file that would be read, or null. */
    public Path credentialsFile() {
        String f = get(ENV_SHARED_CREDENTIALS_FILE);
        if (f != null) {
            if ((f.equals("~") || f.startsWith("~/") || f.startsWith("~\\")) && home != null) {
                return f.length() == 1 ? home : home.resolve(f.substring(2));
            }
            return Path.of(f);
        }
        return home == null ? null : home.resolve(".aws").resolve("credentials");
    }

    private String get(String name) {
        return blankToNull(env.apply(name));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /**
     * Minimal INI reader: {@code [section]} lines, {@code key = value} lines, full-line comments starting with '#' or
     * ';'. Keys are lowercased; later duplicates win. Values are trimmed; no inline comments (secrets may contain '#').
     */
    static Map<String, Map<String, String>> readIni(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // message names the file only, never its content
            throw new IllegalStateException("Cannot read AWS shared credentials file " + file + ": " + e, e);
        }
        Map<String, Map<String, String>> out = new HashMap<>();
        Map<String, String> current = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                current = out.computeIfAbsent(name, k -> new HashMap<>());
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || current == null) {
                continue;
            }
            current.put(line.substring(0, eq).strip().toLowerCase(Locale.ROOT), line.substring(eq + 1).strip());
        }
        return out;
    }
}
