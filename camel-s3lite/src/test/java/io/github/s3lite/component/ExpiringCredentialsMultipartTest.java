package io.github.s3lite.component;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.auth.FakeCredentialServer;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A multipart upload that lasts several credential lifetimes: the role's credentials from the fake STS live 3 s,
 * every part is held 1.2 s by the proxy, so the 12 parts (2 at a time) take about 8 s and cross at least two
 * expiries. The proxy checks each request as it arrives: its session token is one STS issued and it was signed
 * (X-Amz-Date) before that token expired; S3Proxy checks every signature; the object's SHA-256 equals the file's.
 */
class ExpiringCredentialsMultipartTest {
    static final String BASE_KEY = "AKIDBASEFORLONGUPLOAD";
    static final String BASE_SECRET = "base-secret-long-upload-never-logged";
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    static final Pattern TOKEN = Pattern.compile("(?im)^x-amz-security-token: *(\\S+)");
    static final Pattern DATE = Pattern.compile("(?im)^x-amz-date: *(\\S+)");
    static final long PART = 5L * 1024 * 1024;

    final EmbeddedS3 s3 = EmbeddedS3.get();
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(EmbeddedS3.get().endpoint());
    @TempDir
    Path dir;
    FakeCredentialServer sts;
    S3LiteClient client;
    String bucket;
    final List<String> violations = new CopyOnWriteArrayList<>();
    final Set<String> tokensUsed = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void setUp() throws Exception {
        sts = new FakeCredentialServer();
        sts.baseKeys.put(BASE_KEY, BASE_SECRET);
        sts.issuedKey = EmbeddedS3.ACCESS_KEY; // S3Proxy's key pair, issued as temporary credentials
        sts.issuedSecret = EmbeddedS3.SECRET_KEY;
        sts.lifetime = Duration.ofSeconds(3);
        client = s3.newClient();
        bucket = s3.newBucket("expiring");
    }

    @AfterEach
    void tearDown() throws Exception {
        sts.close();
        client.close();
    }

    /** The S3 side's check of one request; null when it is fine. */
    private String check(FaultProxy.Seen s) {
        Matcher t = TOKEN.matcher(s.head());
        Matcher d = DATE.matcher(s.head());
        if (!t.find() || !d.find()) {
            return s.method() + " " + s.target() + " without session token or date";
        }
        Instant expires = sts.expirations.get(t.group(1));
        if (expires == null) {
            return s.method() + " " + s.target() + " with a token STS never issued";
        }
        tokensUsed.add(t.group(1));
        Instant signed = Instant.from(AMZ_DATE.parse(d.group(1)));
        if (!signed.isBefore(expires)) {
            return s.method() + " " + s.target() + " signed at " + signed + " with a token that expired at " + expires;
        }
        return null;
    }

    @Test
    void aLongUploadCrossesSeveralExpiriesWithoutExpiredKeys() throws Exception {
        Path file = dir.resolve("long.bin");
        String sha = TestFiles.writeRandom(file, 11 * PART + 4321, 7);
        proxy.rule(s -> {
            String problem = check(s);
            if (problem != null) {
                violations.add(problem);
            }
            return s.isUploadPart() ? new FaultProxy.Slow(1200, 0) : FaultProxy.PASS;
        });
        long start = System.nanoTime();
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            S3LiteComponent c = new S3LiteComponent();
            c.getConfiguration().setEndpoint(proxy.endpoint().toString());
            c.getConfiguration().setPathStyleAccess(true);
            ctx.addComponent("s3lite", c);
            ctx.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:long").to("s3lite:" + bucket + "?accessKey=" + BASE_KEY + "&secretKey=RAW(" + BASE_SECRET
                                           + ")&roleArn=arn:aws:iam::123456789012:role/uploader&stsEndpoint="
                                           + sts.uri("/sts") + "&multipartThreshold=5MB&partSize=5MB&uploadConcurrency=2");
                }
            });
            ctx.start();
            Exchange ex = ctx.createProducerTemplate().request("direct:long", e -> {
                e.getMessage().setHeader(S3LiteConstants.KEY, "long.bin");
                e.getMessage().setBody(file.toFile());
            });
            assertThat(ex.getException()).isNull();
            assertThat(ex.getMessage().getHeader(S3LiteConstants.PART_COUNT, Integer.class)).isEqualTo(12);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        try (var r = client.getObject(bucket, "long.bin", GetOptions.NONE)) {
            assertThat(TestFiles.sha256(r.body())).isEqualTo(sha);
        }
        System.out.printf("long upload: %d ms, %d STS calls, %d sessions signed requests, %d requests checked%n",
                took.toMillis(), sts.stsCalls.size(), tokensUsed.size(), proxy.seen().size());
        assertThat(violations).isEmpty();
        assertThat(proxy.seen()).filteredOn(FaultProxy.Seen::isUploadPart).hasSize(12);
        assertThat(took).as("the upload lasted more than two credential lifetimes").isGreaterThan(Duration.ofSeconds(6));
        assertThat(tokensUsed).as("requests were signed with at least three successive sessions").hasSizeGreaterThanOrEqualTo(3);
        assertThat(sts.maxConcurrentSts.get()).as("one refresh at a time").isEqualTo(1);
        // refreshed ahead: a session is not replaced before half its life (prefetch) and no part waited for STS
        // longer than a call takes (blocking only from a quarter of the life before expiry)
        assertThat(sts.stsCalls.size()).as("no refresh storm: about one per 1.5 s").isLessThanOrEqualTo(
                (int) (took.toMillis() / 1500) + 2);
    }
}
