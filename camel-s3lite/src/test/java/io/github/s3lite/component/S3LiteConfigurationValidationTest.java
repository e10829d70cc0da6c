package io.github.s3lite.component;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConfiguration;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.S3Limits;
import org.apache.camel.CamelContext;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.UriParam;
import org.apache.camel.support.PropertyBindingSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 point 2, configuration side: sizes and durations are parsed strictly in every configuration style (never
 * silently 0), and one validate() of the whole configuration rejects impossible values and combinations when the
 * endpoint starts, before any request, naming the option, the value, the range and the fix.
 */
class S3LiteConfigurationValidationTest {

    private CamelContext context;

    @BeforeEach
    void start() {
        context = new DefaultCamelContext();
        context.start();
    }

    @AfterEach
    void stop() {
        context.stop();
    }

    private S3LiteEndpoint endpoint(String query) {
        return context.getEndpoint("s3lite:my-bucket?" + query, S3LiteEndpoint.class);
    }

    private static Throwable root(Throwable t) {
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }

    // ------------------------------------------------------------------ text of sizes and durations

    /** Camel's own converter made partSize=16MB and socketTimeout=abc 0 (checked on the old code: 0 and 0). */
    @Test
    void uriSizesAndDurationsAcceptUnitsAndRejectGarbage() {
        S3LiteConfiguration c = endpoint("partSize=16MB&multipartThreshold=1GiB&maxObjectSize=2tb&socketTimeout=30s"
                                         + "&connectTimeout=1500ms&presignExpiry=PT15M&staleUploadAge=1h30m&claimTimeout=2m")
                .getConfiguration();
        assertThat(c.getPartSize()).isEqualTo(16L << 20);
        assertThat(c.getMultipartThreshold()).isEqualTo(1L << 30);
        assertThat(c.getMaxObjectSize()).isEqualTo(2L << 40);
        assertThat(c.getSocketTimeout()).isEqualTo(30_000);
        assertThat(c.getConnectTimeout()).isEqualTo(1_500);
        assertThat(c.getPresignExpiry()).isEqualTo(900_000);
        assertThat(c.getStaleUploadAge()).isEqualTo(5_400_000);
        assertThat(c.getClaimTimeout()).isEqualTo(120_000);
        // plain numbers keep their meaning: bytes and milliseconds
        c = endpoint("partSize=10485760&socketTimeout=2500").getConfiguration();
        assertThat(c.getPartSize()).isEqualTo(10L << 20);
        assertThat(c.getSocketTimeout()).isEqualTo(2_500);

        for (String[] bad : new String[][] {
                { "partSize=abc", "partSize=abc is not a size" },
                { "partSize=1.5GB", "partSize=1.5GB is not a size" },
                { "multipartThreshold=16 parsecs", "multipartThreshold=16 parsecs is not a size" },
                { "maxObjectSize=99999999999TB", "maxObjectSize=99999999999TB is too large" },
                { "socketTimeout=abc", "socketTimeout=abc is not a duration" },
                { "connectTimeout=16MB", "connectTimeout=16MB is not a duration" },
                { "claimTimeout=5 minutes", "claimTimeout=5 minutes is not a duration" },
                { "staleUploadAge=-5", "staleUploadAge=-5 is not a duration" },
                { "uploadConcurrency=four", "uploadConcurrency=four is not a whole number" },
                { "maxConnections=abc", "maxConnections=abc is not a whole number" },
                { "maxMessagesPerPoll=10x", "maxMessagesPerPoll=10x is not a whole number" } }) {
            assertThatThrownBy(() -> endpoint(bad[0])).as(bad[0])
                    .satisfies(t -> assertThat(root(t)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(bad[1]));
        }
    }

    /** Every long/int option of the configuration, found by reflection, is parsed: none is left to Camel's 0. */
    @Test
    void everySizeDurationAndCountOptionIsParsedStrictly() throws Exception {
        List<String> checked = new ArrayList<>();
        for (Field f : S3LiteConfiguration.class.getDeclaredFields()) {
            UriParam p = f.getAnnotation(UriParam.class);
            if (p == null || f.getType() != long.class && f.getType() != int.class) {
                continue;
            }
            boolean duration = "java.time.Duration".equals(p.javaType());
            String good = f.getType() == int.class ? "7" : duration ? "2m" : "32MB";
            long expected = f.getType() == int.class ? 7 : duration ? 120_000 : 32L << 20;
            String extra = "";
            if (f.getName().equals("roleSessionDuration")) { // STS's range is 15m to 12h, and it needs roleArn
                good = "20m";
                expected = 1_200_000;
                extra = "&roleArn=arn:aws:iam::123456789012:role/r";
            }
            f.setAccessible(true);
            S3LiteEndpoint e = endpoint(f.getName() + "=" + good + extra);
            assertThat(((Number) f.get(e.getConfiguration())).longValue()).as(f.getName()).isEqualTo(expected);
            assertThatThrownBy(() -> endpoint(f.getName() + "=zz")).as(f.getName())
                    .satisfies(t -> assertThat(root(t)).hasMessageStartingWith(f.getName() + "=zz is not a"));
            checked.add(f.getName());
        }
        assertThat(checked).contains("partSize", "multipartThreshold", "multipartCopyThreshold", "maxObjectSize", "connectTimeout", "socketTimeout",
                "presignExpiry", "staleUploadAge", "claimTimeout", "uploadConcurrency", "maxConnections",
                "maxMessagesPerPoll", "downloadConcurrency", "downloadPartSize");
    }

    /** Component-level properties bound through the component's configurer, as Camel Main and YAML DSL do. */
    @Test
    void componentPropertiesAreParsedStrictly() {
        S3LiteComponent component = new S3LiteComponent();
        context.addComponent("s3lite", component);
        PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer()).withIgnoreCase(true)
                .withProperties(new java.util.HashMap<>(Map.of("partSize", "16MB", "socketTimeout", "45s")))
                .bind();
        assertThat(component.getConfiguration().getPartSize()).isEqualTo(16L << 20);
        assertThat(component.getConfiguration().getSocketTimeout()).isEqualTo(45_000);
        assertThatThrownBy(() -> PropertyBindingSupport.build().withCamelContext(context).withTarget(component)
                .withConfigurer(component.getComponentPropertyConfigurer())
                .withProperties(new java.util.HashMap<>(Map.of("socketTimeout", "abc"))).bind())
                .satisfies(t -> assertThat(root(t)).hasMessageContaining("socketTimeout=abc is not a duration"));
        // the template reaches the endpoints
        assertThat(endpoint("region=eu-west-1").getConfiguration().getPartSize()).isEqualTo(16L << 20);
    }

    /** Camel Main's application.properties (camel.component.s3lite.*, dashed names too). Old code: partSize 0. */
    @Test
    void camelMainPropertiesAreParsedStrictly(@TempDir Path dir) throws Exception {
        Path props = dir.resolve("application.properties");
        Files.writeString(props, """
                camel.component.s3lite.part-size = 16MB
                camel.component.s3lite.multipartThreshold = 64MB
                camel.component.s3lite.socket-timeout = 30s
                camel.component.s3lite.claim-timeout = 5m
                """);
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + props);
        main.start();
        try {
            S3LiteComponent component = main.getCamelContext().getComponent("s3lite", S3LiteComponent.class);
            assertThat(component.getConfiguration().getPartSize()).isEqualTo(16L << 20);
            assertThat(component.getConfiguration().getMultipartThreshold()).isEqualTo(64L << 20);
            assertThat(component.getConfiguration().getSocketTimeout()).isEqualTo(30_000);
            assertThat(component.getConfiguration().getClaimTimeout()).isEqualTo(300_000);
        } finally {
            main.stop();
        }

        Files.writeString(props, "camel.component.s3lite.socket-timeout = abc\n");
        Main bad = new Main();
        bad.setPropertyPlaceholderLocations("file:" + props);
        try {
            assertThatThrownBy(bad::start)
                    .satisfies(t -> assertThat(root(t)).hasMessageContaining("socketTimeout=abc is not a duration"));
        } finally {
            bad.stop();
        }
    }

    // ------------------------------------------------------------------ validate()

    @Test
    void defaultsAreValid() {
        new S3LiteConfiguration().validate();
        S3LiteConfiguration c = new S3LiteConfiguration();
        c.setBucketName("my-bucket");
        c.setPartSize(S3Limits.MIN_PART_SIZE);
        c.setMultipartThreshold(S3Limits.MAX_SINGLE_PUT_SIZE);
        c.setPartSize(S3Limits.MAX_IN_HEAP_PART_SIZE);
        c.setMaxObjectSize(S3Limits.MAX_PARTS * S3Limits.MAX_PART_SIZE);
        c.setMoveAfterRead(true);
        c.setPrefix("in/");
        c.setDestinationPrefix("done/");
        c.setClaimTimeout(1_000);
        c.validate();
    }

    /** The proxy options: each impossible value and combination is refused at start, naming the option and the fix. */
    @Test
    void proxyOptionsAreCheckedAtStart() {
        rejects(c -> c.setProxyHost("proxy.corp"), "proxyHost=proxy.corp needs proxyPort", "3128");
        rejects(c -> {
            c.setProxyHost("proxy.corp");
            c.setProxyPort(70000);
        }, "proxyPort=70000 must be 1 to 65535");
        rejects(c -> c.setProxyPort(3128), "only apply with proxyHost");
        rejects(c -> c.setNonProxyHosts(".corp"), "only apply with proxyHost");
        rejects(c -> {
            c.setProxyHost("proxy.corp");
            c.setProxyPort(3128);
            c.setProxyPassword("pw-never-quoted");
        }, "proxyPassword is set without proxyUsername");
        rejects(c -> {
            c.setProxyHost("proxy.corp");
            c.setProxyPort(1080);
            c.setProxyProtocol("socks5");
        }, "proxyProtocol=socks5 must be http or https");
        rejects(c -> {
            c.setProxyHost("proxy.corp");
            c.setProxyPort(3128);
            c.setUseSystemProxy(true);
        }, "proxyHost and useSystemProxy are both set");
        S3LiteConfiguration ok = new S3LiteConfiguration();
        ok.setBucketName("my-bucket");
        ok.setProxyHost("proxy.corp");
        ok.setProxyPort(3128);
        ok.setProxyProtocol("HTTPS");
        ok.setProxyUsername("user");
        ok.setProxyPassword("pw-never-quoted");
        ok.setNonProxyHosts(".corp,10.0.0.0/8");
        ok.validate();
        assertThat(ok.toProxySelection().toString()).isEqualTo("proxy https://****@proxy.corp:3128, direct for .corp,10.0.0.0/8");
        S3LiteConfiguration bad = new S3LiteConfiguration();
        bad.setBucketName("my-bucket");
        bad.setProxyHost("proxy.corp");
        bad.setProxyPassword("pw-never-quoted");
        assertThatThrownBy(bad::validate).satisfies(t -> assertThat(t.getMessage()).doesNotContain("pw-never-quoted"));
    }

    private static void rejects(Consumer<S3LiteConfiguration> change, String... expected) {
        S3LiteConfiguration c = new S3LiteConfiguration();
        c.setBucketName("my-bucket");
        change.accept(c);
        assertThatThrownBy(c::validate).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Invalid s3lite configuration of bucket ")
                .satisfies(t -> {
                    for (String e : expected) {
                        assertThat(t.getMessage()).contains(e);
                    }
                });
    }

    /**
     * Each impossible value and combination, with the option, the value and the range in the message. Old code:
     * partSize 4 GiB, threshold 6 GiB, timeouts 0, concurrency 0 and claimTimeout 5 ms were all accepted at start.
     */
    @Test
    void impossibleValuesAndCombinationsAreRejected() {
        rejects(c -> c.setPartSize(4L << 30), "partSize=4294967296 (4GB)", "at most 2047MB");
        rejects(c -> c.setPartSize(3L << 30), "partSize=3221225472 (3GB)");
        rejects(c -> c.setPartSize(6L << 30), "partSize=6442450944 (6GB) is outside S3's part size range of 5MB");
        rejects(c -> c.setPartSize(0), "partSize=0 is outside S3's part size range of 5MB (5242880) to 5GB");
        rejects(c -> c.setPartSize(4L << 20), "partSize=4194304 (4MB)");
        rejects(c -> c.setMultipartThreshold((5L << 30) + 1), "multipartThreshold=5368709121", "0 to 5GB");
        rejects(c -> c.setMultipartThreshold(-1), "multipartThreshold=-1");
        rejects(c -> c.setMultipartCopyThreshold((5L << 30) + 1), "multipartCopyThreshold=5368709121",
                "outside 0 to 5GB (S3's largest CopyObject)");
        rejects(c -> c.setMultipartCopyThreshold(-1), "multipartCopyThreshold=-1");
        rejects(c -> c.setMaxObjectSize(0), "maxObjectSize=0", "10,000 parts of 5GB");
        rejects(c -> c.setSocketTimeout(0), "socketTimeout=0 ms must be more than 0");
        rejects(c -> c.setConnectTimeout(-1), "connectTimeout=-1 ms must be more than 0");
        rejects(c -> c.setMaxConnections(0), "maxConnections=0 must be at least 1");
        rejects(c -> c.setUploadConcurrency(0), "uploadConcurrency=0 must be at least 1");
        rejects(c -> c.setPresignExpiry(500), "presignExpiry=500 ms", "1s to 7d");
        rejects(c -> c.setPresignExpiry(Duration.ofDays(8).toMillis()), "presignExpiry=691200000 ms");
        rejects(c -> c.setStaleUploadAge(0), "staleUploadAge=0 ms is below 1s");
        rejects(c -> c.setClaimTimeout(5), "claimTimeout=5 ms must be 0 (claims never expire) or at least 1s");
        rejects(c -> c.setMaxMessagesPerPoll(-1), "maxMessagesPerPoll=-1");
        rejects(c -> c.setChecksumAlgorithm(null), "checksumAlgorithm must be set");
        rejects(c -> c.setOperation(null), "operation must be set");
        rejects(c -> c.setDownloadChecksumValidation(null), "downloadChecksumValidation must be set");
        rejects(c -> c.setDownloadConcurrency(0), "downloadConcurrency=0 is outside 1 to 64", "use such as 4");
        rejects(c -> c.setDownloadConcurrency(65), "downloadConcurrency=65 is outside 1 to 64");
        rejects(c -> {
            c.setMaxConnections(4);
            c.setDownloadConcurrency(8);
        }, "downloadConcurrency=8 is above maxConnections=4", "raise maxConnections or lower downloadConcurrency");
        rejects(c -> c.setDownloadPartSize(1000), "downloadPartSize=1000 is outside 1MB (1048576) to 5GB");
        rejects(c -> c.setDownloadPartSize(6L << 30), "downloadPartSize=", "is outside 1MB");
        rejects(c -> c.setBucketName("My_Bucket"), "bucketName: Invalid bucket name 'My_Bucket'");
        rejects(c -> c.setRegion("eu west"), "region=eu west");
        rejects(c -> c.setEndpoint("minio:9000"), "endpoint=minio:9000 must be an absolute http:// or https:// URL");
        rejects(c -> c.setEndpoint("127.0.0.1:9000"), "endpoint=127.0.0.1:9000 is not a URL");
        rejects(c -> c.setEndpoint("http://minio:9000?x=1"), "must not contain a query");
        rejects(c -> c.setEndpoint("http://a b"), "endpoint=http://a b is not a URL");
        rejects(c -> c.setAccessKey("AK"), "accessKey is set without secretKey");
        rejects(c -> c.setSecretKey("sk"), "secretKey is set without accessKey");
        rejects(c -> c.setSessionToken("tok"), "sessionToken is set without accessKey and secretKey");
        rejects(c -> c.setContentType("csv"), "contentType=csv is not a media type");
        rejects(c -> c.setCacheControl("no-cache\r\nX-Evil: 1"), "cacheControl contains a line break");
        rejects(c -> c.getMetadata().put("bad key", "v"), "metadata: ");
        rejects(c -> c.setDelimiter(""), "delimiter is empty");
        rejects(c -> {
            c.setMoveAfterRead(true);
            c.setDeleteAfterRead(true);
            c.setDestinationBucket("archive");
        }, "moveAfterRead and deleteAfterRead are both true");
        rejects(c -> c.setMoveAfterRead(true), "moveAfterRead without destinationBucket or destinationPrefix would move "
                                               + "objects onto themselves");
        rejects(c -> {
            c.setMoveAfterRead(true);
            c.setDestinationBucket("my-bucket");
        }, "would move objects onto themselves");
        rejects(c -> c.setDestinationBucket("Bad_Bucket"), "destinationBucket: Invalid bucket name");
        // several problems at once
        rejects(c -> {
            c.setPartSize(0);
            c.setSocketTimeout(0);
        }, "socketTimeout=0", "; partSize=0");
        // secrets are never quoted
        S3LiteConfiguration c = new S3LiteConfiguration();
        c.setSecretKey("TOP-SECRET");
        c.setEndpoint("http://user:TOP-SECRET@host:9000");
        assertThatThrownBy(c::validate).satisfies(t -> assertThat(t.getMessage()).doesNotContain("TOP-SECRET"));
        c.setEndpoint("http://user:P4ss W0rd@host:9000");
        assertThatThrownBy(c::validate).satisfies(t -> assertThat(t.getMessage()).doesNotContain("P4ss"));
    }

    @Test
    void moveTargetsOtherThanTheObjectItselfAreAccepted() {
        for (Consumer<S3LiteConfiguration> ok : List.<Consumer<S3LiteConfiguration>> of(
                c -> c.setDestinationBucket("archive"),
                c -> {
                    c.setPrefix("in/");
                    c.setDestinationPrefix("done/");
                },
                c -> {
                    c.setDelimiter("/");
                    c.setDestinationPrefix("done/");
                },
                // inside the consumed prefix: the consumer skips keys under destinationPrefix (issue 13.2)
                c -> {
                    c.setPrefix("in/");
                    c.setDestinationPrefix("in/done/");
                },
                c -> c.setDestinationPrefix("done/"))) {
            S3LiteConfiguration c = new S3LiteConfiguration();
            c.setBucketName("my-bucket");
            c.setMoveAfterRead(true);
            ok.accept(c);
            c.validate();
        }
    }

    @Test
    void destinationDirectoryMustBeADirectory(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("f.txt"), "x");
        S3LiteConfiguration c = new S3LiteConfiguration();
        c.setDestinationDirectory(file.toString());
        assertThatThrownBy(c::validate).hasMessageContaining("destinationDirectory=" + file + " is a file");
        c.setDestinationDirectory(dir.resolve("not-yet").toString());
        c.validate();
    }

    /** The endpoint fails to start, before any request: here autoCreateBucket would have sent one. */
    @Test
    void anEndpointWithImpossibleOptionsFailsToStartBeforeAnyRequest() throws Exception {
        AtomicInteger connections = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                while (!server.isClosed()) {
                    try (Socket s = server.accept()) {
                        connections.incrementAndGet();
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            String base = "endpoint=http://127.0.0.1:" + server.getLocalPort() + "&pathStyleAccess=true&accessKey=a"
                          + "&secretKey=b&autoCreateBucket=true&socketTimeout=1s&connectTimeout=1s";
            for (String bad : List.of("&partSize=4GB", "&multipartThreshold=6GB", "&uploadConcurrency=0",
                    "&maxConnections=0", "&claimTimeout=10ms", "&moveAfterRead=true", "&keyName=in/${header.foo")) {
                assertThatThrownBy(() -> endpoint(base + bad).start()).as(bad).satisfies(t -> assertThat(root(t))
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining(bad.substring(1, bad.indexOf('='))));
            }
            assertThat(connections.get()).isZero();
        }
    }

    /** Issue 14.2: every encryption and write option is checked at start, each problem naming the option and the fix. */
    @Test
    void encryptionAndWriteOptionsAreCheckedBeforeAnyRequest() {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        for (String[] bad : new String[][] {
                { "serverSideEncryption=aws:kmz", "serverSideEncryption=aws:kmz is not one of AES256, aws:kms, aws:kms:dsse" },
                { "kmsKeyId=k1", "kmsKeyId, kmsEncryptionContext and bucketKeyEnabled apply to SSE-KMS only" },
                { "serverSideEncryption=aws:kms&kmsEncryptionContext=project", "kmsEncryptionContext is neither a JSON object" },
                { "sseCustomerKey=RAW(c2hvcnQ=)", "sseCustomerKey decodes to 5 bytes" },
                { "sseCustomerKey=RAW(" + key + ")&serverSideEncryption=AES256&endpoint=https://s3.example.com",
                        "sseCustomerKey and serverSideEncryption=AES256 are both set" },
                { "sseCustomerKey=RAW(" + key + ")&endpoint=http://127.0.0.1:9000", "set sseCustomerKeyOverHttp=true" },
                { "storageClass=glacier", "storageClass=glacier is not a storage class name" },
                { "cannedAcl=public", "cannedAcl=public is not one of private, public-read" },
                { "objectLockMode=GOVERNANCE", "objectLockMode and objectLockRetainUntil go together" },
                { "objectLockMode=FOREVER&objectLockRetainUntil=1d", "objectLockMode=FOREVER is not GOVERNANCE or COMPLIANCE" },
                { "objectLockMode=COMPLIANCE&objectLockRetainUntil=2020-01-01T00:00:00Z", "is not in the future" },
                { "objectLockMode=COMPLIANCE&objectLockRetainUntil=soon", "objectLockRetainUntil=soon is neither an ISO-8601" },
                { "objectLockLegalHold=true&checksumAlgorithm=NONE", "S3 refuses Object Lock writes without Content-MD5" },
                { "tagging.aws:x=1", "keys starting with aws: are AWS's own" },
                { "tagging.a=b*c", "tagging value of 'a' must be at most 256" },
                { "expectedBucketOwner=me", "expectedBucketOwner=me is not an AWS account id" } }) {
            // (Camel's own ResolveEndpointFailedException quotes the URI: keys belong on the component, see README)
            assertThatThrownBy(() -> endpoint(bad[0]).start()).as(bad[0])
                    .satisfies(t -> assertThat(root(t)).isInstanceOf(IllegalArgumentException.class)
                            .hasMessageContaining(bad[1]).hasMessageNotContaining(key));
        }
        S3LiteEndpoint ok = endpoint("serverSideEncryption=aws:kms&kmsKeyId=alias/x&kmsEncryptionContext=RAW({\"a\":\"b\"})"
                + "&bucketKeyEnabled=true&storageClass=STANDARD_IA&cannedAcl=private&tagging.team=a b&objectLockMode=GOVERNANCE"
                + "&objectLockRetainUntil=30d&objectLockLegalHold=true&expectedBucketOwner=123456789012&requestPayer=true");
        assertThat(ok.getConfiguration().getTagging()).containsEntry("team", "a b");
        var storage = ok.getConfiguration().storageOptions(null);
        assertThat(storage.objectLock().retainUntil()).isAfter(java.time.Instant.now().plus(java.time.Duration.ofDays(29)));
        assertThat(storage.encryption().kmsEncryptionContextBase64()).isEqualTo("eyJhIjoiYiJ9");
    }
}
