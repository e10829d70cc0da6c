package io.github.s3lite.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigV4SignerTest {

    static final Credentials CREDS = new Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    static final Credentials SESSION = new Credentials("ASIAEXAMPLE", "secret", "token/with+chars=");
    static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final SigV4Signer SIGNER = new SigV4Signer("us-east-1", "s3");

    static SigningRequest get(Map<String, String> headers) {
        return new SigningRequest("GET", "examplebucket.s3.amazonaws.com", "/test.txt", List.of(), headers,
                SigV4Signer.UNSIGNED_PAYLOAD);
    }

    // ------------------------------------------------------------------------------------------ presign bounds

    @Test
    void presignExpiryBounds() {
        SigningRequest req = get(Map.of());
        assertThat(SIGNER.presign(req, CREDS, TIME, Duration.ofSeconds(1))).contains(new QueryParam("X-Amz-Expires", "1"));
        assertThat(SIGNER.presign(req, CREDS, TIME, Duration.ofDays(7)))
                .contains(new QueryParam("X-Amz-Expires", "604800"));
        for (Duration bad : new Duration[] { Duration.ZERO, Duration.ofMillis(999), Duration.ofSeconds(-5),
                Duration.ofSeconds(604801), Duration.ofDays(8) }) {
            assertThatThrownBy(() -> SIGNER.presign(req, CREDS, TIME, bad)).as(bad.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("7 days")
                    .hasMessageContaining("604800");
        }
        assertThatThrownBy(() -> SIGNER.presign(req, CREDS, TIME, null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void presignReturnsOriginalParamsThenAuthParamsWithSignatureLast() {
        SigningRequest req = new SigningRequest("GET", "h", "/k", List.of(new QueryParam("versionId", "v 1")),
                Map.of(), SigV4Signer.UNSIGNED_PAYLOAD);
        List<QueryParam> q = SIGNER.presign(req, SESSION, TIME, Duration.ofMinutes(5));
        assertThat(q).extracting(QueryParam::name).containsExactly("versionId", "X-Amz-Algorithm", "X-Amz-Credential",
                "X-Amz-Date", "X-Amz-Expires", "X-Amz-SignedHeaders", "X-Amz-Security-Token", "X-Amz-Signature");
        assertThat(q.get(0).value()).isEqualTo("v 1");
        assertThat(q.get(2).value()).isEqualTo("ASIAEXAMPLE/20130524/us-east-1/s3/aws4_request");
        assertThat(q.get(6).value()).isEqualTo("token/with+chars=");
        assertThat(q.get(7).value()).matches("[0-9a-f]{64}");
        // the token is signed
        SigningResult r = SIGNER.presignDetailed(req, SESSION, TIME, Duration.ofMinutes(5));
        assertThat(r.canonicalRequest()).contains("X-Amz-Security-Token=token%2Fwith%2Bchars%3D");
    }

    @Test
    void presignRejectsExistingAuthParams() {
        SigningRequest req = new SigningRequest("GET", "h", "/k", List.of(new QueryParam("X-Amz-Signature", "x")),
                Map.of(), SigV4Signer.UNSIGNED_PAYLOAD);
        assertThatThrownBy(() -> SIGNER.presign(req, CREDS, TIME, Duration.ofMinutes(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("X-Amz-Signature");
    }

    // ------------------------------------------------------------------------------------------ headers

    @ParameterizedTest
    @ValueSource(strings = { "a\r\nX-Injected: 1", "a\nb", "a\rb", "\n" })
    void crLfInHeaderValueIsRejected(String value) {
        assertThatThrownBy(() -> SIGNER.signHeaders(get(Map.of("x-amz-meta-a", value)), CREDS, TIME))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CR or LF");
        assertThatThrownBy(() -> SIGNER.presign(get(Map.of("x-amz-meta-a", value)), CREDS, TIME, Duration.ofSeconds(60)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void crLfInHostIsRejected() {
        SigningRequest req = new SigningRequest("GET", "h\r\nx: y", "/", List.of(), Map.of(), SigV4Signer.EMPTY_SHA256);
        assertThatThrownBy(() -> SIGNER.signHeaders(req, CREDS, TIME)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidHeaderNameIsRejected() {
        assertThatThrownBy(() -> SIGNER.signHeaders(get(Map.of("bad name", "v")), CREDS, TIME))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SIGNER.signHeaders(get(Map.of("bad:name", "v")), CREDS, TIME))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerValuesTrimmedAndSpacesCollapsedNamesLowercased() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-Amz-Meta-Note", "  a   b \t c  ");
        h.put("x-amz-meta-note", "d");
        SigningResult r = SIGNER.signHeadersDetailed(get(h), CREDS, TIME);
        assertThat(r.canonicalRequest()).contains("\nx-amz-meta-note:a b c,d\n");
        assertThat(r.headers().get("Authorization")).contains("SignedHeaders=host;x-amz-date;x-amz-meta-note,");
    }

    @Test
    void signerOwnsHostDateAndAuthorization() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "evil.example");
        h.put("X-Amz-Date", "19990101T000000Z");
        h.put("Authorization", "stale");
        SigningResult withJunk = SIGNER.signHeadersDetailed(get(h), CREDS, TIME);
        SigningResult clean = SIGNER.signHeadersDetailed(get(Map.of()), CREDS, TIME);
        assertThat(withJunk.canonicalRequest()).isEqualTo(clean.canonicalRequest());
        assertThat(withJunk.headers()).isEqualTo(clean.headers());
        assertThat(clean.headers()).containsOnlyKeys("X-Amz-Date", "Authorization");
    }

    @Test
    void sessionTokenIsAddedAndSigned() {
        Map<String, String> out = SIGNER.signHeaders(get(Map.of()), SESSION, TIME);
        assertThat(out.keySet()).containsExactly("X-Amz-Date", "X-Amz-Security-Token", "Authorization");
        assertThat(out.get("X-Amz-Security-Token")).isEqualTo("token/with+chars=");
        assertThat(out.get("Authorization")).startsWith(
                "AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date;x-amz-security-token, Signature=");
    }

    @Test
    void hostWithPortIsSignedAsGiven() {
        SigningRequest req = new SigningRequest("GET", "localhost:9000", "", List.of(), Map.of(), SigV4Signer.EMPTY_SHA256);
        SigningResult r = SIGNER.signHeadersDetailed(req, CREDS, TIME);
        assertThat(r.canonicalRequest()).startsWith("GET\n/\n\nhost:localhost:9000\n");
    }

    @Test
    void pathIsNeverNormalized() {
        SigningRequest req = new SigningRequest("GET", "h", "/bucket//a/./b/../c", List.of(), Map.of(),
                SigV4Signer.EMPTY_SHA256);
        assertThat(SIGNER.signHeadersDetailed(req, CREDS, TIME).canonicalRequest()).startsWith("GET\n/bucket//a/./b/../c\n");
    }

    @Test
    void canonicalQuerySortsByEncodedNameThenValue() {
        List<QueryParam> q = List.of(new QueryParam("b", "2"), new QueryParam("a", "z"), new QueryParam("a", "y"),
                new QueryParam("A", ""), new QueryParam("prefix", "photos/2024 x+y"), new QueryParam("~", "é"));
        assertThat(SigV4Signer.canonicalQueryString(q))
                .isEqualTo("A=&a=y&a=z&b=2&prefix=photos%2F2024%20x%2By&~=%C3%A9");
    }

    @Test
    void dateFormatting() {
        Instant t = Instant.parse("2024-02-29T23:59:58.999Z");
        assertThat(SigV4Signer.amzDate(t)).isEqualTo("20240229T235958Z");
        assertThat(SIGNER.credentialScope(t)).isEqualTo("20240229/us-east-1/s3/aws4_request");
    }

    @Test
    void constructorValidation() {
        assertThatThrownBy(() -> new SigV4Signer("", "s3")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SigV4Signer("us-east-1", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void resultMapsAreImmutable() {
        Map<String, String> out = SIGNER.signHeaders(get(Map.of()), CREDS, TIME);
        assertThatThrownBy(() -> out.put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        List<QueryParam> q = SIGNER.presign(get(Map.of()), CREDS, TIME, Duration.ofSeconds(10));
        assertThatThrownBy(() -> q.add(new QueryParam("x", "y"))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void threadSafe() throws Exception {
        // Every task signs a different request (path, header, time, credentials), so shared mutable state in the
        // signer (a cached digest, Mac or key) would give some task another task's signature.
        int n = 400;
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            expected.add(signVariant(i));
        }
        assertThat(new java.util.HashSet<>(expected)).hasSize(n);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<Future<String>> fs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int k = i;
                fs.add(pool.submit(() -> {
                    start.await();
                    return signVariant(k);
                }));
            }
            start.countDown();
            for (int i = 0; i < n; i++) {
                assertThat(fs.get(i).get()).as("task %d", i).isEqualTo(expected.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String signVariant(int i) {
        SigningRequest req = new SigningRequest("GET", "examplebucket.s3.amazonaws.com", "/test-" + i + ".txt",
                List.of(), Map.of("x-amz-meta-n", Integer.toString(i)), SigV4Signer.UNSIGNED_PAYLOAD);
        Credentials creds = i % 2 == 0 ? CREDS : new Credentials("AKID" + i, "secret-" + i);
        return SIGNER.signHeaders(req, creds, TIME.plusSeconds(i * 3601L)).get("Authorization");
    }

    @Test
    void hashingHelpers() {
        assertThat(Hashing.sha256Hex(new byte[0])).isEqualTo(SigV4Signer.EMPTY_SHA256);
        assertThat(Hashing.hex(new byte[] { 0, (byte) 0xff, 0x10 })).isEqualTo("00ff10");
        // RFC 4231 test case 2
        assertThat(Hashing.hex(Hashing.hmacSha256("Jefe".getBytes(), "what do ya want for nothing?")))
                .isEqualTo("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    // ------------------------------------------------------------------------------------------ signing key cache

    @Test
    void theSigningKeyIsDerivedOncePerSecretAndDay() {
        SigV4Signer signer = new SigV4Signer("us-east-1", "s3");
        byte[] first = signer.cachedSigningKey(CREDS.secretAccessKey(), TIME);
        assertThat(first).isEqualTo(signer.signingKey(CREDS.secretAccessKey(), TIME));
        // later the same UTC day: the same derived key object (no HMAC chain again)
        assertThat(signer.cachedSigningKey(CREDS.secretAccessKey(), TIME.plusSeconds(86_399))).isSameAs(first);
        // the next day, and a rotated secret, derive anew
        Instant nextDay = TIME.plusSeconds(86_400);
        byte[] tomorrow = signer.cachedSigningKey(CREDS.secretAccessKey(), nextDay);
        assertThat(tomorrow).isNotEqualTo(first).isEqualTo(signer.signingKey(CREDS.secretAccessKey(), nextDay));
        byte[] rotated = signer.cachedSigningKey("another-secret", nextDay);
        assertThat(rotated).isEqualTo(signer.signingKey("another-secret", nextDay)).isNotEqualTo(tomorrow);
        // the signatures stay those of AWS's example (checked by the vectors elsewhere): cached == uncached
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Range", "bytes=0-9");
        h.put("x-amz-content-sha256", SigV4Signer.EMPTY_SHA256);
        SigningRequest req = new SigningRequest("GET", "examplebucket.s3.amazonaws.com", "/test.txt", List.of(), h,
                SigV4Signer.EMPTY_SHA256);
        SIGNER.signHeadersDetailed(req, CREDS, TIME.plusSeconds(86_400 * 3)); // another day cached first
        SIGNER.signHeadersDetailed(req, CREDS, TIME);
        String cached = SIGNER.signHeadersDetailed(req, CREDS, TIME).signature();
        String fresh = new SigV4Signer("us-east-1", "s3").signHeadersDetailed(req, CREDS, TIME).signature();
        assertThat(cached).isEqualTo(fresh)
                .isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void theCacheHoldsUnderConcurrentSecretsAndDays() throws Exception {
        SigV4Signer shared = new SigV4Signer("eu-west-1", "s3");
        String[] secrets = { "secret-a", "secret-b", "secret-c" };
        Instant[] days = { TIME, TIME.plusSeconds(86_400), TIME.plusSeconds(2 * 86_400) };
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                int seed = t;
                results.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int i = 0; i < 2_000; i++) {
                        String secret = secrets[(seed + i) % 3];
                        Instant day = days[(seed * 7 + i / 3) % 3];
                        byte[] expected = new SigV4Signer("eu-west-1", "s3").signingKey(secret, day);
                        if (!java.util.Arrays.equals(shared.cachedSigningKey(secret, day), expected)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : results) {
                assertThat(f.get()).isZero();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
