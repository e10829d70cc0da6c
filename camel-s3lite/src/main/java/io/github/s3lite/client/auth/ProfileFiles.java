package io.github.s3lite.client.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * The AWS shared config and credentials files, read as the AWS CLI and SDKs read them:
 * <ul>
 * <li>config: {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config}; sections {@code [default]} and
 * {@code [profile NAME]} ({@code [profile default]} wins over {@code [default]}); other sections ({@code [NAME]},
 * {@code [sso-session ...]}, {@code [services ...]}) are not profiles;</li>
 * <li>credentials: {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}; sections {@code [NAME]}
 * ({@code [profile NAME]} is not a profile there);</li>
 * <li>a profile's properties are those of both files, the credentials file winning key by key.</li>
 * </ul>
 * As in the AWS SDK for Java, the system properties {@code aws.configFile}, {@code aws.sharedCredentialsFile} and
 * {@code aws.profile} come before these variables.
 * <p>
 * Keys are lowercased, values trimmed; full-line comments start with '#' or ';'; no inline comments (secrets may
 * contain '#'); indented lines are sub-properties ({@code s3 =} then {@code   max_concurrent_requests = 10}) and
 * are kept as {@code s3.max_concurrent_requests}. Each file is parsed again only when its modification time or size
 * changed, so every request costs two stats, not two reads, and a rotated file is seen by the next request.
 */
public final class ProfileFiles {
    public static final String ENV_CONFIG_FILE = "AWS_CONFIG_FILE";
    public static final String ENV_SHARED_CREDENTIALS_FILE = "AWS_SHARED_CREDENTIALS_FILE";
    public static final String ENV_PROFILE = "AWS_PROFILE";
    public static final String DEFAULT_PROFILE = "default";
    public static final String PROP_CONFIG_FILE = "aws.configFile";
    public static final String PROP_SHARED_CREDENTIALS_FILE = "aws.sharedCredentialsFile";
    public static final String PROP_PROFILE = "aws.profile";
    public static final String PROP_REGION = "aws.region";
    public static final String ENV_REGION = "AWS_REGION";

    private final Function<String, String> env;
    private final Function<String, String> systemProperties;
    private final Path home;
    private final AtomicInteger fileReads = new AtomicInteger();
    private volatile Parsed config;
    private volatile Parsed credentials;
    private volatile Snapshot snapshot;

    /** What one file held at a modification time and size. */
    private record Parsed(Path file, Object modified, long size, Map<String, Map<String, String>> sections) {
        @Override
        public String toString() {
            return "Parsed[" + file + ", sections " + sections.keySet() + "]"; // values hold secrets
        }
    }

    /**
     * The merged profiles at one moment; a new instance only when a file changed, so callers may keep what they
     * built from it while {@link #snapshot()} returns the same instance.
     */
    public record Snapshot(Map<String, Map<String, String>> profiles, String where) {
        /** The profile's properties, or null. */
        public Map<String, String> profile(String name) {
            return profiles.get(name);
        }

        /** Profile names and where they come from; never a value (keys, tokens, external ids, commands). */
        @Override
        public String toString() {
            return "ProfileFiles.Snapshot[profiles " + profiles.keySet() + " from " + where + "]";
        }
    }

    /**
     * @param env  environment lookup (name -> value or null)
     * @param home the user's home directory, or null (then only the files named by the variables are read)
     */
    public ProfileFiles(Function<String, String> env, Path home) {
        this(env, name -> null, home);
    }

    /** With system properties before the variables. */
    public ProfileFiles(Function<String, String> env, Function<String, String> systemProperties, Path home) {
        this.env = Objects.requireNonNull(env, "env");
        this.systemProperties = Objects.requireNonNull(systemProperties, "systemProperties");
        this.home = home;
    }

    /** The process environment, the system properties and {@code user.home}. */
    public static ProfileFiles fromSystem() {
        return new ProfileFiles(System::getenv, System::getProperty, homeFromSystem());
    }

    private String setting(String property, String variable) {
        String v = WebIdentityCredentialsProvider.blankToNull(systemProperties.apply(property));
        return v != null ? v : WebIdentityCredentialsProvider.blankToNull(env.apply(variable));
    }

    static Path homeFromSystem() {
        String h = System.getProperty("user.home");
        return h == null || h.isBlank() ? null : Path.of(h);
    }

    /** {@code aws.profile}, else {@code AWS_PROFILE}, else "default". */
    public String defaultProfileName() {
        String p = setting(PROP_PROFILE, ENV_PROFILE);
        return p == null ? DEFAULT_PROFILE : p;
    }

    /**
     * {@code aws.region}, else {@code AWS_REGION}, or null: the region the AWS SDKs take before any profile's
     * {@code region} (EKS with IRSA, ECS and Lambda set {@code AWS_REGION}).
     */
    public String regionSetting() {
        return setting(PROP_REGION, ENV_REGION);
    }

    /** The config file that is read, or null (no home directory and no variable). */
    public Path configFile() {
        return file(PROP_CONFIG_FILE, ENV_CONFIG_FILE, "config");
    }

    /** The credentials file that is read, or null. */
    public Path credentialsFile() {
        return file(PROP_SHARED_CREDENTIALS_FILE, ENV_SHARED_CREDENTIALS_FILE, "credentials");
    }

    private Path file(String property, String variable, String name) {
        String f = setting(property, variable);
        if (f != null) {
            return expandHome(f);
        }
        return home == null ? null : home.resolve(".aws").resolve(name);
    }

    /** {@code ~} and {@code ~/...} against the home directory (as the CLI does for file paths in these files). */
    Path expandHome(String f) {
        if ((f.equals("~") || f.startsWith("~/") || f.startsWith("~\\")) && home != null) {
            return f.length() == 1 ? home : home.resolve(f.substring(2));
        }
        return Path.of(f);
    }

    /** The merged profiles now (files that do not exist add nothing). */
    public Snapshot snapshot() {
        Path cfgFile = configFile();
        Path credFile = credentialsFile();
        Parsed cfg = read(cfgFile, config);
        Parsed cred = read(credFile, credentials);
        Snapshot s = snapshot;
        if (s != null && cfg == config && cred == credentials) {
            return s;
        }
        config = cfg;
        credentials = cred;
        Map<String, Map<String, String>> merged = new LinkedHashMap<>();
        if (cfg != null) {
            Map<String, String> plainDefault = cfg.sections().get(DEFAULT_PROFILE);
            if (plainDefault != null) {
                merged.put(DEFAULT_PROFILE, new LinkedHashMap<>(plainDefault));
            }
            cfg.sections().forEach((section, props) -> {
                if (section.startsWith("profile ") || section.startsWith("profile\t")) {
                    String name = section.substring("profile".length()).strip();
                    merged.computeIfAbsent(name, k -> new LinkedHashMap<>()).putAll(props);
                }
            });
        }
        if (cred != null) {
            cred.sections().forEach((section, props) -> {
                if (!section.startsWith("profile ")) {
                    merged.computeIfAbsent(section, k -> new LinkedHashMap<>()).putAll(props);
                }
            });
        }
        merged.replaceAll((k, v) -> Collections.unmodifiableMap(v));
        s = new Snapshot(Collections.unmodifiableMap(merged), describe(cfgFile, cfg) + " and " + describe(credFile, cred));
        snapshot = s;
        return s;
    }

    private static String describe(Path file, Parsed p) {
        if (file == null) {
            return "no file (no home directory, variable not set)";
        }
        return file + (p == null ? " (does not exist)" : "");
    }

    /** The file's sections, parsed again only when it changed; null when it does not exist. */
    private Parsed read(Path file, Parsed previous) {
        if (file == null || !Files.isRegularFile(file)) {
            return null;
        }
        Object modified;
        long size;
        try {
            modified = Files.getLastModifiedTime(file);
            size = Files.size(file);
        } catch (IOException e) {
            modified = null;
            size = -1;
        }
        if (previous != null && modified != null && previous.file().equals(file) && previous.modified().equals(modified)
            && previous.size() == size) {
            return previous;
        }
        fileReads.incrementAndGet();
        return new Parsed(file, modified == null ? new Object() : modified, size, readIni(file));
    }

    /** How often a file was read and parsed (tests). */
    int fileReads() {
        return fileReads.get();
    }

    /** Sections of an INI file by the rules in the class comment; later duplicates win. */
    static Map<String, Map<String, String>> readIni(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            // the message names the file only, never its content
            throw new IllegalStateException("Cannot read AWS profile file " + file + ": " + e.getClass().getSimpleName(), e);
        }
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        Map<String, String> current = null;
        String parent = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                String name = line.substring(1, line.length() - 1).strip();
                current = out.computeIfAbsent(name, k -> new LinkedHashMap<>());
                parent = null;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0 || current == null) {
                continue;
            }
            String key = line.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            String value = line.substring(eq + 1).strip();
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && parent != null) {
                current.put(parent + "." + key, value);
            } else {
                current.put(key, value);
                parent = value.isEmpty() ? key : null;
            }
        }
        return out;
    }
}
