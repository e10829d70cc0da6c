package io.github.s3lite.test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import io.github.s3lite.client.auth.Credentials;
import org.gaul.s3proxy.S3Proxy;
import org.gaul.s3proxy.auth.AuthenticationType;
import org.gaul.s3proxy.nio2blob.FilesystemNio2BlobStore;

/**
 * An in-process S3Proxy on 127.0.0.1 with a free port, storing on a temp directory, with real AWS V2/V4
 * signature checking. One server per JVM, started on first use; tests get fresh buckets from {@link #newBucket}.
 * The store every test uses unless it asks for another with {@link OnStore}.
 *
 * <p>A test JVM writes about 1.5 GB here. The directory is deleted when the JVM exits; one left by a JVM that was
 * killed (its name, {@value #PREFIX}PID-..., names a process that is gone) is deleted by the next server that starts,
 * so repeated runs on one machine do not fill its disk.
 */
public final class EmbeddedS3 implements S3Store {
    public static final String ACCESS_KEY = "s3lite-test-access";
    public static final String SECRET_KEY = "s3lite-test-secret-do-not-log";
    static final String PREFIX = "s3lite-s3proxy-";

    private static EmbeddedS3 instance;

    private final S3Proxy proxy;
    private final URI endpoint;
    private final Path storage;

    private EmbeddedS3(Path storage) throws Exception {
        this.storage = storage;
        int port = freePort();
        Properties p = new Properties();
        p.setProperty("s3proxy.endpoint", "http://127.0.0.1:" + port);
        p.setProperty("s3proxy.authorization", "aws-v2-or-v4");
        p.setProperty("s3proxy.identity", ACCESS_KEY);
        p.setProperty("s3proxy.credential", SECRET_KEY);
        p.setProperty("s3proxy.ignore-unknown-headers", "true");
        this.proxy = S3Proxy.Builder.fromProperties(p)
                .blobStore(new FilesystemNio2BlobStore(storage.toString()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .ignoreUnknownHeaders(true)
                .build();
        proxy.start();
        Await.until("S3Proxy to start", () -> "STARTED".equals(proxy.getState()));
        this.endpoint = URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** The shared server, started on first call. */
    public static synchronized EmbeddedS3 get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
                deleteAbandoned(dir.getParent());
                instance = new EmbeddedS3(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        instance.proxy.stop();
                    } catch (Exception ignored) {
                        // exiting
                    }
                    try {
                        TestFiles.deleteTree(dir);
                    } catch (Exception ignored) {
                        // exiting; the next server deletes what is left
                    }
                }));
            } catch (Exception e) {
                throw new IllegalStateException("Could not start the embedded S3Proxy", e);
            }
        }
        return instance;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    public Path storage() {
        return storage;
    }

    @Override
    public Credentials credentials() {
        return new Credentials(ACCESS_KEY, SECRET_KEY);
    }

    @Override
    public Kind kind() {
        return Kind.S3PROXY;
    }

    @Override
    public String region() {
        return "us-east-1";
    }

    @Override
    public String toString() {
        return "S3Proxy at " + endpoint;
    }

    /**
     * Deletes the storage directories under {@code tmp} whose owner process is gone: left by a JVM killed before
     * its shutdown hook ran. A name without a pid is from before names carried one; such a directory is deleted
     * once it is a day old.
     */
    static void deleteAbandoned(Path tmp) throws IOException {
        try (var dirs = Files.newDirectoryStream(tmp, "s3lite-s3proxy*")) {
            for (Path d : dirs) {
                if (Files.isDirectory(d) && abandoned(d)) {
                    try {
                        TestFiles.deleteTree(d);
                    } catch (IOException | RuntimeException e) {
                        // another JVM deleting it too, or not ours to delete: leave it
                    }
                }
            }
        }
    }

    private static boolean abandoned(Path dir) throws IOException {
        String name = dir.getFileName().toString();
        int dash = name.indexOf('-', PREFIX.length());
        if (name.startsWith(PREFIX) && dash > PREFIX.length()) {
            try {
                long pid = Long.parseLong(name.substring(PREFIX.length(), dash));
                return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                // not a name this class gave: judged by age below
            }
        }
        return Files.getLastModifiedTime(dir).toInstant()
                .isBefore(java.time.Instant.now().minus(java.time.Duration.ofDays(1)));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
