package io.github.s3lite.test;

import java.io.IOException;
import java.io.Reader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;

import io.github.s3lite.client.auth.Credentials;
import org.opentest4j.TestAbortedException;

/**
 * The Ceph RADOS Gateway started by {@code .ci/ceph-rgw.sh start} (Ceph 16 on 127.0.0.1), found through the env
 * file that script writes: {@code S3LITE_RGW_ENV} (environment or system property), default
 * {@code ${TMPDIR:-/tmp}/s3lite-rgw.env}. Without a running RGW its tests are skipped with the reason, unless
 * {@code CI=true}, where they fail.
 */
public final class CephRgw implements S3Store {

    private static CephRgw instance;
    private static String unavailable;

    private final URI endpoint;
    private final String region;
    private final Credentials credentials;

    private CephRgw(URI endpoint, String region, Credentials credentials) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
    }

    /** The running RGW; skips the calling test (fails it in CI) when there is none. */
    public static synchronized CephRgw get() {
        Optional<String> why = whyUnavailable();
        if (why.isPresent()) {
            if (required()) {
                throw new IllegalStateException(why.get() + " (CI=true: RGW tests must run, not be skipped)");
            }
            throw new TestAbortedException(why.get());
        }
        return instance;
    }

    /** Empty when RGW is running and answers; otherwise why not and what to do. */
    public static synchronized Optional<String> whyUnavailable() {
        if (instance == null && unavailable == null) {
            load();
        }
        return Optional.ofNullable(unavailable);
    }

    /** In CI every RGW test must run. */
    static boolean required() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    static Path envFile() {
        String p = System.getProperty("S3LITE_RGW_ENV", System.getenv("S3LITE_RGW_ENV"));
        if (p == null || p.isBlank()) {
            String tmp = System.getenv("TMPDIR");
            p = (tmp == null || tmp.isBlank() ? "/tmp" : tmp) + "/s3lite-rgw.env";
        }
        return Path.of(p);
    }

    private static void load() {
        Path file = envFile();
        if (!Files.isReadable(file)) {
            unavailable = "Ceph RGW is not running: no " + file + " (start it with .ci/ceph-rgw.sh start)";
            return;
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException e) {
            unavailable = "Ceph RGW: cannot read " + file + ": " + e;
            return;
        }
        String endpoint = p.getProperty("S3LITE_RGW_ENDPOINT");
        String access = p.getProperty("S3LITE_RGW_ACCESS_KEY");
        String secret = p.getProperty("S3LITE_RGW_SECRET_KEY");
        if (endpoint == null || access == null || secret == null) {
            unavailable = "Ceph RGW: " + file + " lacks S3LITE_RGW_ENDPOINT, _ACCESS_KEY or _SECRET_KEY";
            return;
        }
        URI uri = URI.create(endpoint.trim());
        try {
            HttpURLConnection c = (HttpURLConnection) uri.toURL().openConnection();
            c.setConnectTimeout(3000);
            c.setReadTimeout(5000);
            int status = c.getResponseCode();
            c.disconnect();
            if (status != 200) {
                unavailable = "Ceph RGW at " + uri + " (from " + file + ") answers " + status + " to GET /";
                return;
            }
        } catch (IOException e) {
            unavailable = "Ceph RGW at " + uri + " (from " + file + ") does not answer (" + e.getMessage()
                          + "); start it with .ci/ceph-rgw.sh start";
            return;
        }
        instance = new CephRgw(uri, p.getProperty("S3LITE_RGW_REGION", "default").trim(),
                new Credentials(access.trim(), secret.trim()));
        instance.kmsKeyId = p.getProperty("S3LITE_RGW_KMS_KEY_ID", "testkey-1").trim();
    }

    private String kmsKeyId;

    /** The key id of the RGW's testing KMS backend ({@code rgw_crypt_s3_kms_encryption_keys}), for SSE-KMS. */
    public String kmsKeyId() {
        return kmsKeyId;
    }

    @Override
    public Kind kind() {
        return Kind.RGW;
    }

    @Override
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public Credentials credentials() {
        return credentials;
    }

    @Override
    public String toString() {
        return "Ceph RGW at " + endpoint;
    }
}
