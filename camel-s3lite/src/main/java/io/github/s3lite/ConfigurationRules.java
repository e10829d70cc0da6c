package io.github.s3lite;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectStorageOptions;
import io.github.s3lite.client.S3Limits;
import io.github.s3lite.client.S3Names;
import io.github.s3lite.client.auth.ProfileCredentialsProvider;
import io.github.s3lite.client.auth.ProfileFiles;
import io.github.s3lite.client.auth.StsClient;
import io.github.s3lite.content.UserMetadata;

/**
 * The rules {@link S3LiteConfiguration#validate()} checks, option by option and for combinations, before any request.
 * Each problem names the option, the value, the allowed range and what to do; all problems are reported at once.
 * Limits come from {@link S3Limits}. Secret values are never quoted.
 * <p>
 * Size: one short method per group of options, each rule with its message naming option, value and fix; keeping
 * every rule in one class is the point (one place to look for what is accepted).
 */
final class ConfigurationRules {

    /** Shortest claimTimeout and staleUploadAge that make sense: a lease or an age below 1 s expires mid-request. */
    static final long MIN_AGE_MILLIS = 1_000;

    private final S3LiteConfiguration c;
    private final List<String> problems = new ArrayList<>();

    private ConfigurationRules(S3LiteConfiguration c) {
        this.c = c;
    }

    /** Every problem of {@code c}, empty when it is valid. */
    static List<String> check(S3LiteConfiguration c) {
        ConfigurationRules r = new ConfigurationRules(c);
        r.connection();
        r.proxy();
        r.producer();
        r.multipart();
        r.metadata();
        r.writeOptions();
        r.consumer();
        return r.problems;
    }

    private void proxy() {
        boolean host = notEmpty(c.getProxyHost());
        Integer port = c.getProxyPort();
        if (host && port == null) {
            problems.add("proxyHost=" + c.getProxyHost() + " needs proxyPort: set the proxy's port, such as 3128");
        }
        if (port != null && (port < 1 || port > 65535)) {
            problems.add("proxyPort=" + port + " must be 1 to 65535, such as 3128");
        }
        if (!host && (port != null || notEmpty(c.getNonProxyHosts()) || notEmpty(c.getProxyUsername()))) {
            problems.add("proxyPort, nonProxyHosts and proxyUsername only apply with proxyHost: set proxyHost (or remove them)");
        }
        if (notEmpty(c.getProxyPassword()) && !notEmpty(c.getProxyUsername())) {
            problems.add("proxyPassword is set without proxyUsername: set both for the proxy's Basic authentication");
        }
        String protocol = c.getProxyProtocol();
        if (protocol != null && !protocol.isBlank() && !protocol.strip().equalsIgnoreCase("http")
                && !protocol.strip().equalsIgnoreCase("https")) {
            problems.add("proxyProtocol=" + protocol + " must be http or https (how to talk to the proxy itself)");
        }
        if (host && c.isUseSystemProxy()) {
            problems.add("proxyHost and useSystemProxy are both set: keep one (proxyHost for an explicit proxy, useSystemProxy "
                         + "for the JVM properties or HTTPS_PROXY/NO_PROXY)");
        }
        if (c.isUseSystemProxy()) {
            try {
                io.github.s3lite.client.http.ProxySelection.system();
            } catch (IllegalArgumentException e) {
                problems.add("useSystemProxy: " + e.getMessage());
            }
        }
    }

    private void connection() {
        String bucket = c.getBucketName();
        if (bucket != null && !bucket.isBlank()) {
            try {
                S3Names.requireValidBucket(bucket);
            } catch (IllegalArgumentException e) {
                problems.add("bucketName: " + e.getMessage());
            }
        }
        String region = c.getRegion();
        if (region != null && !region.isBlank() && !region.trim().matches("[A-Za-z0-9._-]+")) {
            problems.add("region=" + region + " is not a region name (letters, digits, '-', '_', '.'), such as us-east-1 "
                    + "or auto");
        }
        endpointUrl();
        boolean key = notEmpty(c.getAccessKey());
        boolean secret = notEmpty(c.getSecretKey());
        if (key != secret) {
            problems.add((key ? "accessKey is set without secretKey" : "secretKey is set without accessKey")
                    + ": set both, or neither to use AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY or ~/.aws/credentials");
        } else if (!key && notEmpty(c.getSessionToken())) {
            problems.add("sessionToken is set without accessKey and secretKey: it is only used with them; set all three "
                    + "(or none, to use AWS_SESSION_TOKEN from the environment)");
        }
        role();
        positive("connectTimeout", c.getConnectTimeout(), "10s");
        positive("socketTimeout", c.getSocketTimeout(), "60s");
        positive("requestTimeout", c.getRequestTimeout(), "2m");
        if (c.getMaxPages() < 1) {
            problems.add("maxPages=" + c.getMaxPages() + " must be at least 1 (default 1000)");
        }
        if (c.getMaxConnections() < 1) {
            problems.add("maxConnections=" + c.getMaxConnections() + " must be at least 1 (default 32)");
        }
    }

    private void role() {
        boolean role = notEmpty(c.getRoleArn());
        if (role && !c.getRoleArn().trim().startsWith("arn:")) {
            problems.add("roleArn=" + c.getRoleArn() + " is not an ARN: use such as arn:aws:iam::123456789012:role/uploader");
        }
        if (!role && (notEmpty(c.getRoleSessionName()) || notEmpty(c.getRoleExternalId()) || c.getRoleSessionDuration() != 0)) {
            problems.add("roleSessionName, roleExternalId and roleSessionDuration only apply with roleArn: set roleArn, or "
                    + "remove them (a profile's role takes role_session_name, external_id and duration_seconds from the profile)");
        }
        if ((notEmpty(c.getStsEndpoint()) || notEmpty(c.getStsRegion())) && (notEmpty(c.getAccessKey())
                || c.getCredentialsProvider() != null) && !role) {
            problems.add("stsEndpoint and stsRegion apply to roleArn, web identity and profile roles, but accessKey or "
                    + "credentialsProvider is set without roleArn: set roleArn, or remove them");
        }
        profile();
        long d = c.getRoleSessionDuration();
        if (d != 0 && (d < 900_000 || d > 43_200_000)) {
            problems.add("roleSessionDuration=" + d + " ms is outside STS's 15m to 12h: use such as 1h (or 0 for STS's default)");
        }
        if (notEmpty(c.getStsEndpoint())) {
            try {
                URI u = new URI(c.getStsEndpoint().trim());
                if (u.getHost() == null || !("https".equalsIgnoreCase(u.getScheme()) || "http".equalsIgnoreCase(u.getScheme()))
                    || u.getRawUserInfo() != null) {
                    problems.add("stsEndpoint must be an absolute http:// or https:// URL without user info, such as "
                            + "https://sts.eu-west-1.amazonaws.com");
                }
            } catch (URISyntaxException e) {
                problems.add("stsEndpoint is not a URL (" + e.getReason() + "): use such as https://sts.eu-west-1.amazonaws.com");
            }
        }
        if (c.getCredentialsProvider() != null && notEmpty(c.getAccessKey())) {
            problems.add("credentialsProvider and accessKey/secretKey are both set: keep one (the keys would win)");
        }
    }

    /** An explicit profile must exist in the shared files and be set up right (checked offline, before any request). */
    private void profile() {
        String name = c.getProfile();
        if (name == null) {
            return;
        }
        if (name.isBlank() || !name.strip().equals(name) || name.contains("[") || name.contains("]")) {
            problems.add("profile='" + name + "' is not a profile name: give the name of a section, such as dev for [profile dev] "
                    + "in ~/.aws/config or [dev] in ~/.aws/credentials");
            return;
        }
        if (notEmpty(c.getAccessKey()) || c.getCredentialsProvider() != null) {
            problems.add("profile=" + name + " and " + (notEmpty(c.getAccessKey()) ? "accessKey/secretKey" : "credentialsProvider")
                    + " are both set: keep one");
            return;
        }
        ProfileFiles files = ProfileFiles.fromSystem();
        try {
            ProfileFiles.Snapshot s = files.snapshot();
            if (s.profile(name) == null) {
                problems.add("profile=" + name + " is not in the AWS config or credentials file (" + s.where()
                        + "; profiles there: " + s.profiles().keySet() + "): add [profile " + name + "] to the config file or ["
                        + name + "] to the credentials file, point AWS_CONFIG_FILE/AWS_SHARED_CREDENTIALS_FILE at the files, "
                        + "or fix the name");
                return;
            }
            ProfileCredentialsProvider p = new ProfileCredentialsProvider(files, name, System::getenv,
                    region -> new StsClient(null, region));
            if (p.current() == null) {
                problems.add("profile=" + name + ": " + p.whyNot());
            }
        } catch (RuntimeException e) {
            problems.add("profile=" + name + ": " + e.getMessage());
        }
    }

    private void endpointUrl() {
        String endpoint = c.getEndpoint();
        if (!notEmpty(endpoint)) {
            return;
        }
        try {
            URI u = new URI(endpoint.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (u.getRawUserInfo() != null) {
                // the user info may hold a secret: never quote it
                problems.add("endpoint must not contain user info (user:password@): give credentials as accessKey/secretKey");
            } else if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
                problems.add("endpoint=" + endpoint + " must be an absolute http:// or https:// URL such as "
                        + "http://127.0.0.1:9000");
            } else if (u.getRawQuery() != null) {
                problems.add("endpoint=" + endpoint + " must not contain a query: remove everything from '?'");
            }
        } catch (URISyntaxException e) {
            // quoted unless it may carry user info (a secret)
            problems.add("endpoint" + (endpoint.contains("@") ? "" : "=" + endpoint) + " is not a URL (" + e.getReason()
                    + "): use one such as http://127.0.0.1:9000");
        }
    }

    private void producer() {
        if (c.getOperation() == null) {
            problems.add("operation must be set (default putObject)");
        }
        long expiry = c.getPresignExpiry();
        if (expiry < S3Limits.MIN_PRESIGN_SECONDS * 1000 || expiry > S3Limits.MAX_PRESIGN_SECONDS * 1000) {
            problems.add("presignExpiry=" + expiry + " ms is outside S3's range of 1s to 7d (604800000 ms): use such as 1h");
        }
    }

    private void multipart() {
        long part = c.getPartSize();
        if (part < S3Limits.MIN_PART_SIZE || part > S3Limits.MAX_PART_SIZE) {
            problems.add("partSize=" + size(part) + " is outside S3's part size range of 5MB (5242880) to 5GB: use such "
                    + "as 8MB");
        } else if (part > S3Limits.MAX_IN_HEAP_PART_SIZE) {
            problems.add("partSize=" + size(part) + " is larger than a stream body's part buffer can be (at most 2047MB, "
                    + "a Java array): use at most 2047MB (files and streams alike; 10,000 parts of 2047MB hold 19.5 TiB)");
        }
        long threshold = c.getMultipartThreshold();
        if (threshold < 0 || threshold > S3Limits.MAX_SINGLE_PUT_SIZE) {
            problems.add("multipartThreshold=" + size(threshold) + " is outside 0 to 5GB (S3's largest single PUT): use "
                    + "such as 16MB");
        }
        long copyThreshold = c.getMultipartCopyThreshold();
        if (copyThreshold < 0 || copyThreshold > S3Limits.MAX_COPY_OBJECT_SIZE) {
            problems.add("multipartCopyThreshold=" + size(copyThreshold) + " is outside 0 to 5GB (S3's largest CopyObject): "
                    + "use such as 5GB (the default) or a lower size to copy smaller objects in parts too");
        }
        long maxObject = c.getMaxObjectSize();
        long maxMultipart = S3Limits.MAX_PARTS * S3Limits.MAX_PART_SIZE;
        if (maxObject < 1 || maxObject > maxMultipart) {
            problems.add("maxObjectSize=" + size(maxObject) + " is outside 1 byte to " + maxMultipart
                    + " bytes (10,000 parts of 5GB): use such as 5TB");
        }
        if (c.getUploadConcurrency() < 1) {
            problems.add("uploadConcurrency=" + c.getUploadConcurrency() + " must be at least 1 (default 4)");
        }
        if (c.getChecksumAlgorithm() == null) {
            problems.add("checksumAlgorithm must be set (default AUTO)");
        }
        if (c.getStaleUploadAge() < MIN_AGE_MILLIS) {
            problems.add("staleUploadAge=" + c.getStaleUploadAge() + " ms is below 1s: abortStaleUploads would abort "
                    + "uploads still in progress; use such as 24h");
        }
    }

    /**
     * Encryption and write options: each value (through the one mapping, {@link S3LiteConfiguration#storageOptions}
     * and {@link S3LiteConfiguration#objectAccess}), and the combinations S3 refuses. The SSE-C key is never quoted.
     */
    private void writeOptions() {
        ObjectStorageOptions storage = null;
        try {
            storage = c.storageOptions(null);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        try {
            c.objectAccess(null);
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        boolean sseC = notEmpty(c.getSseCustomerKey());
        if (sseC && notEmpty(c.getServerSideEncryption())) {
            problems.add("sseCustomerKey and serverSideEncryption=" + c.getServerSideEncryption() + " are both set: an object "
                    + "has one kind of server-side encryption; keep sseCustomerKey (SSE-C) or serverSideEncryption (SSE-S3/KMS)");
        }
        if (sseC && !c.isSseCustomerKeyOverHttp() && c.getS3Client() == null && endpointIsPlainHttp()) {
            problems.add("sseCustomerKey over plain http (endpoint " + c.getEndpoint().trim() + ") would send the key in clear "
                    + "text: use an https endpoint, or set sseCustomerKeyOverHttp=true for a trusted network");
        }
        if (storage != null && storage.objectLock().mode() != null && !storage.objectLock().retainUntil().isAfter(Instant.now())) {
            problems.add("objectLockRetainUntil=" + c.getObjectLockRetainUntil() + " is not in the future: give a later instant "
                    + "or a duration such as 30d");
        }
        boolean lock = notEmpty(c.getObjectLockMode()) || c.isObjectLockLegalHold();
        if (lock && c.getChecksumAlgorithm() == ChecksumAlgorithm.NONE) {
            problems.add("objectLockMode/objectLockLegalHold with checksumAlgorithm=NONE: S3 refuses Object Lock writes "
                    + "without Content-MD5 or x-amz-checksum-*; use checksumAlgorithm=AUTO (the default)");
        }
    }

    private boolean endpointIsPlainHttp() {
        String e = c.getEndpoint();
        return notEmpty(e) && e.trim().toLowerCase(Locale.ROOT).startsWith("http:");
    }

    private void metadata() {
        Map<String, String> fixed = new java.util.LinkedHashMap<>();
        if (c.getMetadata() != null) {
            // Simple values are known per exchange only: their names are checked here, their values on upload
            c.getMetadata().forEach((k, v) -> fixed.put(k, v != null && v.contains("${") ? "" : v));
        }
        if (!fixed.isEmpty()) {
            try {
                UserMetadata.encodeForWire(fixed);
            } catch (IllegalArgumentException e) {
                problems.add("metadata: " + e.getMessage());
            }
        }
        String type = c.getContentType();
        if (notEmpty(type) && !type.trim().matches("[^/\\s;]+/[^/\\s;]+(\\s*;.*)?")) {
            problems.add("contentType=" + type + " is not a media type such as text/csv or application/json");
        }
        headerValue("contentType", type);
        headerValue("contentEncoding", c.getContentEncoding());
        headerValue("cacheControl", c.getCacheControl());
        headerValue("contentDisposition", c.getContentDisposition());
    }

    private void consumer() {
        if (c.getMaxMessagesPerPoll() < 0) {
            problems.add("maxMessagesPerPoll=" + c.getMaxMessagesPerPoll() + " must be 0 (no limit) or more");
        }
        long claim = c.getClaimTimeout();
        if (claim != 0 && claim < MIN_AGE_MILLIS) {
            problems.add("claimTimeout=" + claim + " ms must be 0 (claims never expire) or at least 1s, longer than "
                    + "the processing of one object: use such as 5m");
        }
        if (c.getDelimiter() != null && c.getDelimiter().isEmpty()) {
            problems.add("delimiter is empty: remove it, or use such as /");
        }
        if (notEmpty(c.getPrefix())) {
            try {
                S3Names.requireValidKey(c.getPrefix());
            } catch (IllegalArgumentException e) {
                problems.add("prefix: " + e.getMessage());
            }
        }
        if (c.isMoveAfterRead() && c.isDeleteAfterRead()) {
            problems.add("moveAfterRead and deleteAfterRead are both true: a move already deletes the source; keep one");
        }
        if (c.isMoveAfterRead()) {
            moveTarget();
        }
        if (notEmpty(c.getDestinationBucket())) {
            try {
                S3Names.requireValidBucket(c.getDestinationBucket());
            } catch (IllegalArgumentException e) {
                problems.add("destinationBucket: " + e.getMessage());
            }
        }
        if (c.getDownloadChecksumValidation() == null) {
            problems.add("downloadChecksumValidation must be set (default WHEN_AVAILABLE)");
        }
        int dc = c.getDownloadConcurrency();
        if (dc < 1 || dc > S3Limits.MAX_DOWNLOAD_CONCURRENCY) {
            problems.add("downloadConcurrency=" + dc + " is outside 1 to " + S3Limits.MAX_DOWNLOAD_CONCURRENCY
                    + " (ranges fetched in parallel per download; 1 is one GET): use such as 4");
        } else if (c.getS3Client() == null && dc > c.getMaxConnections() && c.getMaxConnections() >= 1) {
            problems.add("downloadConcurrency=" + dc + " is above maxConnections=" + c.getMaxConnections()
                    + ": the ranges would wait for pooled connections; raise maxConnections or lower downloadConcurrency");
        }
        long dp = c.getDownloadPartSize();
        if (dp < S3Limits.MIN_DOWNLOAD_PART_SIZE || dp > S3Limits.MAX_PART_SIZE) {
            problems.add("downloadPartSize=" + size(dp) + " is outside 1MB (1048576) to 5GB: smaller ranges cost a request "
                    + "each; use such as 16MB");
        }
        String dir = c.getDestinationDirectory();
        if (notEmpty(dir)) {
            try {
                Path p = Paths.get(dir);
                if (Files.exists(p) && !Files.isDirectory(p)) {
                    problems.add("destinationDirectory=" + dir + " is a file, not a directory: name a directory");
                }
            } catch (InvalidPathException e) {
                problems.add("destinationDirectory=" + dir + " is not a path: " + e.getReason());
            }
        }
    }

    /**
     * A move onto itself would lose the object. (A destinationPrefix inside the consumed prefix is fine: the consumer
     * does not deliver keys under it.)
     */
    private void moveTarget() {
        boolean sameBucket = !notEmpty(c.getDestinationBucket()) || c.getDestinationBucket().equals(c.getBucketName());
        if (sameBucket && !notEmpty(c.getDestinationPrefix())) {
            problems.add("moveAfterRead without destinationBucket or destinationPrefix would move objects onto themselves: "
                    + "set destinationBucket (another bucket) or destinationPrefix (such as done/)");
        }
    }

    private void positive(String option, long millis, String example) {
        if (millis <= 0) {
            problems.add(option + "=" + millis + " ms must be more than 0: use such as " + example);
        }
    }

    private void headerValue(String option, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0)) {
            problems.add(option + " contains a line break: remove it (it would end the HTTP header)");
        }
    }

    private static boolean notEmpty(String s) {
        return s != null && !s.isEmpty();
    }

    /** Bytes, with the binary unit when it is a whole number of MiB or GiB. */
    static String size(long bytes) {
        if (bytes != 0 && bytes % (1L << 30) == 0) {
            return bytes + " (" + (bytes >> 30) + "GB)";
        }
        if (bytes != 0 && bytes % (1L << 20) == 0) {
            return bytes + " (" + (bytes >> 20) + "MB)";
        }
        return Long.toString(bytes);
    }
}
