package io.github.s3lite.component;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.test.AwsRulesFake;
import io.github.s3lite.test.AwsRulesFake.Request;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.test.junit5.CamelTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 14 point 2: the exact set of encryption and write-option headers on every request of every path (single
 * PUT, CreateMultipartUpload, every UploadPart, CompleteMultipartUpload, CopyObject, GET, HEAD, a resumable
 * download, the consumer's HEAD and GET, DELETE, listings, presigned links), recorded by {@link AwsRulesFake}, which
 * also enforces AWS's SSE-C rules (a part, GET or HEAD without the upload's key is refused). camel-aws2-s3 sends no
 * SSE-C on UploadPart; here every part carries it.
 */
class WriteOptionsWireTest extends CamelTestSupport {

    static final int MIB = 1024 * 1024;
    static final String KEY = Base64.getEncoder().encodeToString(bytes(32, 7));
    static final String OWNER = "111122223333";
    static AwsRulesFake aws;
    static Path dir;

    /** The SSE-C, owner and payer headers every object request of the sse-c endpoint must carry. */
    static final Map<String, String> ACCESS = new TreeMap<>(Map.of(
            "x-amz-server-side-encryption-customer-algorithm", "AES256",
            "x-amz-server-side-encryption-customer-key", KEY,
            "x-amz-server-side-encryption-customer-key-md5", md5(Base64.getDecoder().decode(KEY)),
            "x-amz-expected-bucket-owner", OWNER,
            "x-amz-request-payer", "requester"));
    static final Map<String, String> BUCKET_ONLY = new TreeMap<>(Map.of("x-amz-expected-bucket-owner", OWNER,
            "x-amz-request-payer", "requester"));
    static final Map<String, String> STORAGE = new TreeMap<>(Map.of(
            "x-amz-storage-class", "STANDARD_IA",
            "x-amz-acl", "bucket-owner-full-control",
            "x-amz-tagging", "project=billing&team=a-b",
            "x-amz-object-lock-mode", "GOVERNANCE",
            "x-amz-object-lock-retain-until-date", "2030-01-01T00:00:00Z",
            "x-amz-object-lock-legal-hold", "ON"));
    static final String SSEC_OPTIONS = "sseCustomerKey=RAW(" + KEY + ")&sseCustomerKeyOverHttp=true&expectedBucketOwner=" + OWNER
            + "&requestPayer=true";
    static final String STORAGE_OPTIONS = "storageClass=STANDARD_IA&cannedAcl=bucket-owner-full-control&tagging.project=billing"
            + "&tagging.team=a-b&objectLockMode=GOVERNANCE&objectLockRetainUntil=2030-01-01T00:00:00Z&objectLockLegalHold=true";
    static final String MULTIPART = "multipartThreshold=5242880&partSize=5242880&uploadConcurrency=2";

    @BeforeAll
    static void start() throws Exception {
        aws = new AwsRulesFake(true);
        dir = Files.createTempDirectory("s3lite-writeopts");
    }

    @AfterAll
    static void stop() throws Exception {
        aws.close();
        try (var s = Files.walk(dir)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @BeforeEach
    void clear() {
        aws.clear();
    }

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        S3LiteComponent component = new S3LiteComponent();
        component.getConfiguration().setEndpoint(aws.endpoint().toString());
        component.getConfiguration().setPathStyleAccess(true);
        component.getConfiguration().setAccessKey("AKIDFAKE");
        component.getConfiguration().setSecretKey("fake-secret");
        context.addComponent("aws", component);
        // the key set on the component, as the README advises: Camel masks only option names it knows in URIs
        S3LiteComponent keyed = new S3LiteComponent();
        keyed.getConfiguration().setEndpoint(aws.endpoint().toString());
        keyed.getConfiguration().setPathStyleAccess(true);
        keyed.getConfiguration().setAccessKey("AKIDFAKE");
        keyed.getConfiguration().setSecretKey("fake-secret");
        keyed.getConfiguration().setSseCustomerKey(KEY);
        context.addComponent("keyed", keyed);
        S3LiteComponent keyedHttp = new S3LiteComponent();
        keyedHttp.setConfiguration(keyed.getConfiguration().copy());
        keyedHttp.getConfiguration().setSseCustomerKeyOverHttp(true);
        context.addComponent("keyedhttp", keyedHttp);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:ssec").to("aws:bucket?" + SSEC_OPTIONS + "&" + STORAGE_OPTIONS + "&" + MULTIPART);
                from("direct:ssec-op").toD("aws:bucket?" + SSEC_OPTIONS + "&" + STORAGE_OPTIONS + "&operation=${header.op}")
                        .choice().when(header("op").isEqualTo("getObject")).convertBodyTo(byte[].class).end();
                from("direct:plain-get").to("aws:bucket?operation=getObject").convertBodyTo(byte[].class);
                from("direct:kms").to("aws:bucket?serverSideEncryption=aws:kms&kmsKeyId=arn:aws:kms:us-east-1:111122223333:key/k1"
                        + "&kmsEncryptionContext=RAW({\"project\":\"billing\"})&bucketKeyEnabled=true&" + MULTIPART);
            }
        };
    }

    // ------------------------------------------------------------------ single PUT and multipart

    @Test
    void aSinglePutCarriesEveryOptionAndNothingElse() {
        Exchange e = put("direct:ssec", bytes(1000, 1), "single.bin");
        assertThat(e.getException()).isNull();
        List<Request> puts = of("single.bin", r -> r.method().equals("PUT"));
        assertThat(puts).hasSize(1);
        assertThat(optionHeaders(puts.get(0))).isEqualTo(merge(ACCESS, STORAGE));
        assertThat(e.getMessage().getHeader(S3LiteConstants.STORED_SSE_CUSTOMER_ALGORITHM)).isEqualTo("AES256");
    }

    @Test
    void everyPartOfAMultipartUploadCarriesTheCustomerKeyAndOnlyCreateCarriesTheStorageOptions() throws Exception {
        byte[] data = bytes(12 * MIB + 3, 2);
        Exchange e = put("direct:ssec", data, "multi.bin");
        assertThat(e.getException()).isNull();
        assertThat(e.getMessage().getHeader(S3LiteConstants.PART_COUNT)).isEqualTo(3);
        List<Request> creates = of("multi.bin", Request::isCreate);
        assertThat(creates).hasSize(1);
        assertThat(optionHeaders(creates.get(0))).isEqualTo(merge(ACCESS, STORAGE));
        List<Request> parts = of("multi.bin", Request::isUploadPart);
        assertThat(parts).hasSize(3);
        for (Request p : parts) {
            assertThat(optionHeaders(p)).as("UploadPart %s", p.query().get("partNumber")).isEqualTo(ACCESS);
        }
        List<Request> completes = of("multi.bin", Request::isComplete);
        assertThat(completes).hasSize(1);
        assertThat(optionHeaders(completes.get(0))).isEqualTo(ACCESS);
        // every other request of the upload (listing in-progress uploads, HEADs) carries owner and payer
        for (Request r : aws.requests()) {
            assertThat(optionHeaders(r)).as("%s %s", r.method(), r.path()).containsAllEntriesOf(BUCKET_ONLY);
        }
        assertThat(e.getMessage().getHeader(S3LiteConstants.STORED_SSE_CUSTOMER_ALGORITHM)).isEqualTo("AES256");

        // read back with the key: the same bytes; without it the store refuses
        Exchange got = op("getObject", "multi.bin", Map.of());
        assertThat(got.getException()).isNull();
        assertThat(sha256(got.getMessage().getBody(byte[].class))).isEqualTo(sha256(data));
        Exchange refused = template.request("direct:plain-get", x -> x.getMessage().setHeader(S3LiteConstants.KEY, "multi.bin"));
        assertThat(refused.getException()).isInstanceOf(S3Exception.class).hasMessageContaining("Server Side Encryption");
        assertThat(((S3Exception) refused.getException()).getStatusCode()).isEqualTo(400);
    }

    @Test
    void sseKmsGoesOnPutAndCreateButNeverOnParts() {
        Exchange e = put("direct:kms", bytes(100, 3), "kms.bin");
        assertThat(e.getException()).isNull();
        Map<String, String> kms = new TreeMap<>(Map.of("x-amz-server-side-encryption", "aws:kms",
                "x-amz-server-side-encryption-aws-kms-key-id", "arn:aws:kms:us-east-1:111122223333:key/k1",
                "x-amz-server-side-encryption-context", Base64.getEncoder().encodeToString(
                        "{\"project\":\"billing\"}".getBytes(StandardCharsets.UTF_8)),
                "x-amz-server-side-encryption-bucket-key-enabled", "true"));
        assertThat(optionHeaders(of("kms.bin", r -> r.method().equals("PUT")).get(0))).isEqualTo(kms);
        assertThat(e.getMessage().getHeader(S3LiteConstants.STORED_ENCRYPTION)).isEqualTo("aws:kms");
        assertThat(e.getMessage().getHeader(S3LiteConstants.STORED_KMS_KEY_ID)).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/k1");
        assertThat(e.getMessage().getHeader(S3LiteConstants.STORED_BUCKET_KEY_ENABLED)).isEqualTo(true);

        aws.clear();
        Exchange m = put("direct:kms", bytes(11 * MIB, 4), "kms-multi.bin");
        assertThat(m.getException()).isNull();
        assertThat(optionHeaders(of("kms-multi.bin", Request::isCreate).get(0))).isEqualTo(kms);
        of("kms-multi.bin", Request::isUploadPart).forEach(p -> assertThat(optionHeaders(p)).isEmpty());
        assertThat(optionHeaders(of("kms-multi.bin", Request::isComplete).get(0))).isEmpty();
        assertThat(m.getMessage().getHeader(S3LiteConstants.STORED_ENCRYPTION)).isEqualTo("aws:kms");
    }

    @Test
    void exchangeHeadersOverrideTheOptions() {
        Exchange e = template.request("direct:ssec", x -> {
            x.getMessage().setBody(bytes(10, 5));
            x.getMessage().setHeader(S3LiteConstants.KEY, "override.bin");
            x.getMessage().setHeader(S3LiteConstants.STORAGE_CLASS, "GLACIER_IR");
            x.getMessage().setHeader(S3LiteConstants.TAGGING, Map.of("a b", "c/d"));
            x.getMessage().setHeader(S3LiteConstants.OBJECT_LOCK_LEGAL_HOLD, false);
        });
        assertThat(e.getException()).isNull();
        Map<String, String> h = optionHeaders(of("override.bin", r -> r.method().equals("PUT")).get(0));
        assertThat(h).containsEntry("x-amz-storage-class", "GLACIER_IR").containsEntry("x-amz-tagging", "a%20b=c%2Fd")
                .doesNotContainKey("x-amz-object-lock-legal-hold");
    }

    // ------------------------------------------------------------------ copy, GET, HEAD, DELETE, download

    @Test
    void aCopyReadsTheSourceAndWritesTheDestinationWithTheKey() throws Exception {
        byte[] data = bytes(2000, 6);
        put("direct:ssec", data, "copy-src.bin");
        aws.clear();
        Exchange e = op("copyObject", "copy-src.bin", Map.of(S3LiteConstants.DESTINATION_KEY, "copy-dst.bin"));
        assertThat(e.getException()).isNull();
        Request copy = of("copy-dst.bin", r -> r.method().equals("PUT")).get(0);
        Map<String, String> expected = merge(ACCESS, STORAGE);
        expected.put("x-amz-copy-source-server-side-encryption-customer-algorithm", "AES256");
        expected.put("x-amz-copy-source-server-side-encryption-customer-key", KEY);
        expected.put("x-amz-copy-source-server-side-encryption-customer-key-md5", ACCESS.get(
                "x-amz-server-side-encryption-customer-key-md5"));
        expected.put("x-amz-source-expected-bucket-owner", OWNER);
        expected.put("x-amz-tagging-directive", "REPLACE");
        assertThat(optionHeaders(copy)).isEqualTo(expected);
        Exchange got = op("getObject", "copy-dst.bin", Map.of());
        assertThat(sha256(got.getMessage().getBody(byte[].class))).isEqualTo(sha256(data));
    }

    @Test
    void getHeadAndDeleteCarryTheKeyAndTheVersionAsked() {
        put("direct:ssec", bytes(500, 8), "read.bin");
        aws.clear();
        Map<String, Object> version = Map.of(S3LiteConstants.TARGET_VERSION_ID, "v-1");
        assertThat(op("headObject", "read.bin", version).getException()).isNull();
        assertThat(op("getObject", "read.bin", version).getException()).isNull();
        assertThat(op("deleteObject", "read.bin", version).getException()).isNull();
        List<Request> seen = of("read.bin", r -> true);
        assertThat(seen).extracting(Request::method).containsExactly("HEAD", "GET", "DELETE");
        assertThat(seen).allSatisfy(r -> assertThat(r.query()).containsEntry("versionId", "v-1"));
        assertThat(optionHeaders(seen.get(0))).isEqualTo(ACCESS);
        assertThat(optionHeaders(seen.get(1))).isEqualTo(ACCESS);
        assertThat(optionHeaders(seen.get(2))).isEqualTo(BUCKET_ONLY);
    }

    @Test
    void aResumableDownloadHeadsAndGetsWithTheKey() throws Exception {
        byte[] data = bytes(300_000, 9);
        put("direct:ssec", data, "download.bin");
        aws.clear();
        Path target = dir.resolve("download.bin");
        Exchange e = op("getObject", "download.bin", Map.of(S3LiteConstants.DESTINATION_FILE, target.toString()));
        assertThat(e.getException()).isNull();
        assertThat(sha256(Files.readAllBytes(target))).isEqualTo(sha256(data));
        List<Request> seen = of("download.bin", r -> true);
        assertThat(seen).extracting(Request::method).containsExactly("HEAD", "GET");
        assertThat(seen).allSatisfy(r -> assertThat(optionHeaders(r)).isEqualTo(ACCESS));
    }

    // ------------------------------------------------------------------ consumer

    @Test
    void theConsumerHeadsAndGetsWithTheKeyAndListsWithOwnerAndPayer() throws Exception {
        byte[] a = bytes(1234, 10);
        template.request("direct:ssec-op", x -> {
            x.getMessage().setHeader("op", "putObject");
            x.getMessage().setHeader(S3LiteConstants.BUCKET_NAME, "inbox");
            x.getMessage().setHeader(S3LiteConstants.KEY, "in/a.bin");
            x.getMessage().setBody(a);
        });
        aws.clear();
        java.util.concurrent.BlockingQueue<byte[]> got = new java.util.concurrent.LinkedBlockingQueue<>();
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("aws:inbox?" + SSEC_OPTIONS + "&prefix=in/&delay=200").routeId("consumer")
                        .process(x -> got.add(x.getMessage().getBody(byte[].class)));
            }
        });
        byte[] delivered = got.poll(30, java.util.concurrent.TimeUnit.SECONDS);
        context.getRouteController().stopRoute("consumer");
        assertThat(delivered).isNotNull();
        assertThat(sha256(delivered)).isEqualTo(sha256(a));
        List<Request> objectRequests = of("in/a.bin", r -> true);
        assertThat(objectRequests).extracting(Request::method).contains("HEAD", "GET");
        assertThat(objectRequests).allSatisfy(r -> assertThat(optionHeaders(r)).isEqualTo(ACCESS));
        List<Request> lists = aws.requests().stream().filter(r -> "2".equals(r.query().get("list-type"))).toList();
        assertThat(lists).isNotEmpty().allSatisfy(r -> assertThat(optionHeaders(r)).isEqualTo(BUCKET_ONLY));
    }

    // ------------------------------------------------------------------ presigned links

    @Test
    void presignedLinksSignTheHeadersTheirUserMustSendAndNeverCarryTheKey() {
        Exchange up = op("createUploadLink", "link.bin", Map.of(S3LiteConstants.CONTENT_TYPE, "text/csv"));
        assertThat(up.getException()).isNull();
        String url = up.getMessage().getBody(String.class);
        String decoded = URLDecoder.decode(url, StandardCharsets.UTF_8);
        assertThat(decoded).doesNotContain(KEY);
        String signed = signedHeaders(url);
        Map<String, String> expected = merge(ACCESS, STORAGE);
        for (String name : expected.keySet()) {
            assertThat(signed.split(";")).as(name).contains(name);
        }
        assertThat(signed.split(";")).contains("content-type", "host");
        @SuppressWarnings("unchecked")
        Map<String, String> required = up.getMessage().getHeader(S3LiteConstants.SIGNED_HEADERS, Map.class);
        Map<String, String> lower = new TreeMap<>();
        required.forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
        expected.remove("x-amz-server-side-encryption-customer-key");
        expected.put("content-type", "text/csv");
        assertThat(lower).isEqualTo(expected);
        assertThat(required.toString()).doesNotContain(KEY);

        Exchange down = op("createDownloadLink", "link.bin", Map.of());
        String get = signedHeaders(down.getMessage().getBody(String.class));
        assertThat(get.split(";")).containsExactlyInAnyOrder("host", "x-amz-server-side-encryption-customer-algorithm",
                "x-amz-server-side-encryption-customer-key", "x-amz-server-side-encryption-customer-key-md5",
                "x-amz-expected-bucket-owner", "x-amz-request-payer");
        assertThat(aws.requests()).isEmpty(); // presigning sends nothing
    }

    // ------------------------------------------------------------------ refusals before any request

    @Test
    void aCustomerKeyOverPlainHttpIsRefusedAtStartNamingTheOptionAndNotTheKey() {
        assertThatThrownBy(() -> context.getEndpoint("keyed:bucket").start())
                .hasMessageContaining("sseCustomerKey over plain http").hasMessageContaining("sseCustomerKeyOverHttp=true")
                .hasMessageNotContaining(KEY);
        Exchange e = template.request("direct:plain-get", x -> {
            x.getMessage().setHeader(S3LiteConstants.KEY, "x.bin");
            x.getMessage().setHeader(S3LiteConstants.SSE_CUSTOMER_KEY, KEY); // a header key over http: refused too
        });
        assertThat(e.getException()).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("sseCustomerKeyOverHttp").hasMessageNotContaining(KEY);
        assertThat(aws.requests()).isEmpty();
    }

    /** The key never shows in logs (DEBUG), exception messages, toString of the endpoint, client, access or options. */
    @Test
    void theCustomerKeyNeverShowsInLogsMessagesOrToString() throws Exception {
        S3LiteEndpointConfigTest.Captured captured = new S3LiteEndpointConfigTest.Captured();
        captured.start();
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.classic.Level before = root.getLevel();
        root.setLevel(ch.qos.logback.classic.Level.DEBUG);
        root.addAppender(captured);
        String other = Base64.getEncoder().encodeToString(bytes(32, 77));
        List<String> texts = new java.util.ArrayList<>();
        try {
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:keyed").routeId("keyed-route").toD("keyedhttp:bucket?operation=${header.op}&" + MULTIPART)
                            .choice().when(header("op").isEqualTo("getObject")).convertBodyTo(byte[].class).end();
                }
            });
            for (String[] step : new String[][] { { "putObject", "k-small.bin" }, { "getObject", "k-small.bin" },
                    { "headObject", "missing.bin" } }) {
                Exchange e = template.request("direct:keyed", x -> {
                    x.getMessage().setHeader("op", step[0]);
                    x.getMessage().setHeader(S3LiteConstants.KEY, step[1]);
                    x.getMessage().setBody(bytes(100, 1));
                });
                texts.add(String.valueOf(e.getException()));
            }
            put("direct:keyed", bytes(11 * MIB, 2), "k-large.bin");
            // the wrong key (403 from the store), a key that is no key (refused before any request)
            for (String wrong : new String[] { other, "not-base64-" + KEY }) {
                Exchange e = template.request("direct:keyed", x -> {
                    x.getMessage().setHeader("op", "getObject");
                    x.getMessage().setHeader(S3LiteConstants.KEY, "k-small.bin");
                    x.getMessage().setHeader(S3LiteConstants.SSE_CUSTOMER_KEY, wrong);
                });
                assertThat(e.getException()).as(wrong).isNotNull();
                texts.add(String.valueOf(e.getException()));
                texts.add(String.valueOf(e.getException().getCause()));
            }
            io.github.s3lite.S3LiteEndpoint endpoint = context.getEndpoints().stream()
                    .filter(x -> x instanceof io.github.s3lite.S3LiteEndpoint).map(io.github.s3lite.S3LiteEndpoint.class::cast)
                    .filter(x -> x.getEndpointUri().startsWith("keyedhttp")).findFirst().orElseThrow();
            texts.add(endpoint.toString());
            texts.add(endpoint.getEndpointUri());
            texts.add(endpoint.getClient().access().toString());
            texts.add(endpoint.getConfiguration().objectAccess(null).toString());
            texts.add(endpoint.getConfiguration().objectAccess(null).sseCustomerKey().toString());
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        assertThat(captured.lines).isNotEmpty();
        for (String secret : new String[] { KEY, other }) {
            assertThat(texts).noneMatch(t -> t.contains(secret));
            assertThat(captured.lines).noneMatch(l -> l.contains(secret));
        }
    }

    // ------------------------------------------------------------------ helpers

    Exchange put(String route, byte[] body, String key) {
        return template.request(route, e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
        });
    }

    Exchange op(String operation, String key, Map<String, Object> headers) {
        return template.request("direct:ssec-op", e -> {
            e.getMessage().setHeader("op", operation);
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            headers.forEach(e.getMessage()::setHeader);
        });
    }

    static List<Request> of(String key, Predicate<Request> p) {
        return aws.requests().stream().filter(r -> URLDecoder.decode(r.path(), StandardCharsets.UTF_8).endsWith("/" + key))
                .filter(p).toList();
    }

    /**
     * The request's x-amz-* headers that options decide: all but signing, content checksums, metadata and the copy
     * source itself (and its version pin).
     */
    static Map<String, String> optionHeaders(Request r) {
        Map<String, String> out = new TreeMap<>();
        r.headers().forEach((k, v) -> {
            if (k.startsWith("x-amz-") && !k.equals("x-amz-date") && !k.equals("x-amz-content-sha256")
                    && !k.startsWith("x-amz-checksum-") && !k.startsWith("x-amz-meta-") && !k.equals("x-amz-copy-source")
                    && !k.equals("x-amz-metadata-directive") && !k.equals("x-amz-copy-source-if-match")) {
                out.put(k, v);
            }
        });
        return out;
    }

    static Map<String, String> merge(Map<String, String> a, Map<String, String> b) {
        Map<String, String> m = new TreeMap<>(a);
        m.putAll(b);
        return m;
    }

    static String signedHeaders(String url) {
        for (String kv : java.net.URI.create(url).getRawQuery().split("&")) {
            if (kv.startsWith("X-Amz-SignedHeaders=")) {
                return URLDecoder.decode(kv.substring("X-Amz-SignedHeaders=".length()), StandardCharsets.UTF_8);
            }
        }
        throw new AssertionError("no X-Amz-SignedHeaders in " + url);
    }

    static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String md5(byte[] data) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }
}
