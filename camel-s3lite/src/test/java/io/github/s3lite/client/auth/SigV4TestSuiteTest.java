package io.github.s3lite.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs AWS's SigV4 test vectors (copied to src/test/resources/sigv4, see the README there) against {@link SigV4Signer}.
 *
 * <ul>
 * <li>aws-c-auth {@code v4} suite: every case that follows S3's rules (no path normalization), header signing and
 * query (presigned, X-Amz-Expires=3600) signing;</li>
 * <li>the classic "aws-sig-v4-test-suite" (.req/.creq/.sts/.authz), header signing.</li>
 * </ul>
 * Every comparison is an exact string comparison.
 */
class SigV4TestSuiteTest {

    static final Path ROOT = resourceRoot();
    static final Path AWS_C_AUTH = ROOT.resolve("aws-c-auth/tests/aws-signing-test-suite/v4");
    static final Path CLASSIC = ROOT.resolve("libmongocrypt-kms-message/kms-message/aws-sig-v4-test-suite");

    /** Not S3 rules or a known divergence; see src/test/resources/sigv4/README.md. */
    static final String MULTILINE = "get-header-value-multiline";

    static final AtomicInteger AWS_C_AUTH_HEADER = new AtomicInteger();
    static final AtomicInteger AWS_C_AUTH_QUERY = new AtomicInteger();
    static final AtomicInteger CLASSIC_HEADER = new AtomicInteger();
    static final AtomicInteger NOT_NORMALIZED = new AtomicInteger();

    // classic suite fixed inputs (its README / the shared README)
    static final Credentials CLASSIC_CREDS = new Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY");
    static final Instant CLASSIC_TIME = Instant.parse("2015-08-30T12:36:00Z");

    // ---------------------------------------------------------------------------------------------- case lists

    static Stream<String> awsCAuthCases() {
        return list(AWS_C_AUTH).filter(n -> !n.endsWith("-normalized") && !n.equals(MULTILINE));
    }

    static Stream<String> awsCAuthNormalizedCases() {
        return list(AWS_C_AUTH).filter(n -> n.endsWith("-normalized"));
    }

    /** Relative case folders of the classic suite that follow S3 rules. */
    static Stream<String> classicCases() {
        Stream<String> top = list(CLASSIC).filter(n -> !n.equals("normalize-path") && !n.equals("post-sts-token")
                && !n.equals(MULTILINE));
        Stream<String> sts = list(CLASSIC.resolve("post-sts-token")).map(n -> "post-sts-token/" + n);
        // normalize-path/get-space: a space is encoded and nothing is normalized, so it is also what S3 does
        return Stream.concat(Stream.concat(top, sts), Stream.of("normalize-path/get-space"));
    }

    @Test
    void expectedCaseCounts() {
        // guards against silently losing vectors (e.g. a resource folder not copied)
        assertThat(awsCAuthCases().count()).isEqualTo(30);
        assertThat(classicCases().count()).isEqualTo(24);
    }

    // ---------------------------------------------------------------------------------------------- aws-c-auth

    @ParameterizedTest(name = "aws-c-auth v4 header: {0}")
    @MethodSource("awsCAuthCases")
    void awsCAuthHeader(String name) {
        Path dir = AWS_C_AUTH.resolve(name);
        Context ctx = Context.read(dir.resolve("context.json"));
        ParsedRequest pr = ParsedRequest.parse(read(dir.resolve("request.txt")));
        SigV4Signer signer = new SigV4Signer(ctx.region, ctx.service);

        String bodyHash = Hashing.sha256Hex(pr.body);
        Map<String, String> headers = new LinkedHashMap<>(pr.headers);
        Map<String, String> harnessAdded = new LinkedHashMap<>();
        if (ctx.signBody) {
            // aws-c-auth "sign_body": the x-amz-content-sha256 header is added and signed
            headers.put("x-amz-content-sha256", bodyHash);
            harnessAdded.put("x-amz-content-sha256", bodyHash);
        }
        Credentials creds = ctx.credentials;
        if (ctx.omitSessionToken && creds.sessionToken() != null) {
            // "omit_session_token": the token is added AFTER signing (not signed). Our signer always signs the
            // token, so the harness signs without it and appends it, as the vector's signed request shows.
            harnessAdded.put("x-amz-security-token", creds.sessionToken());
            creds = new Credentials(creds.accessKeyId(), creds.secretAccessKey());
        }
        SigningRequest req = new SigningRequest(pr.method, pr.host, UriEncoder.encode(pr.path, true), pr.query,
                headers, bodyHash);

        SigningResult r = signer.signHeadersDetailed(req, creds, ctx.time);

        assertThat(r.canonicalRequest()).isEqualTo(read(dir.resolve("header-canonical-request.txt")));
        assertThat(r.stringToSign()).isEqualTo(read(dir.resolve("header-string-to-sign.txt")));
        assertThat(r.signature()).isEqualTo(read(dir.resolve("header-signature.txt")));
        assertThat(r.headers().get("Authorization")).isEqualTo(
                headerValue(read(dir.resolve("header-signed-request.txt")), "Authorization"));
        // every header the signed request has on top of request.txt, with its value
        Map<String, String> actualAdded = new TreeMap<>();
        r.headers().forEach((k, v) -> actualAdded.put(k.toLowerCase(Locale.ROOT), v));
        harnessAdded.forEach(actualAdded::put);
        assertThat(actualAdded).isEqualTo(addedHeaders(read(dir.resolve("request.txt")),
                read(dir.resolve("header-signed-request.txt"))));
        AWS_C_AUTH_HEADER.incrementAndGet();
    }

    @ParameterizedTest(name = "aws-c-auth v4 query: {0}")
    @MethodSource("awsCAuthCases")
    void awsCAuthQuery(String name) {
        Path dir = AWS_C_AUTH.resolve(name);
        Context ctx = Context.read(dir.resolve("context.json"));
        ParsedRequest pr = ParsedRequest.parse(read(dir.resolve("request.txt")));
        SigV4Signer signer = new SigV4Signer(ctx.region, ctx.service);

        // query signing in aws-c-auth: payload hash = sha256(body), no x-amz-content-sha256 header even with sign_body
        String bodyHash = Hashing.sha256Hex(pr.body);
        Credentials creds = ctx.credentials;
        List<QueryParam> harnessAdded = new ArrayList<>();
        if (ctx.omitSessionToken && creds.sessionToken() != null) {
            harnessAdded.add(new QueryParam("X-Amz-Security-Token", creds.sessionToken()));
            creds = new Credentials(creds.accessKeyId(), creds.secretAccessKey());
        }
        SigningRequest req = new SigningRequest(pr.method, pr.host, UriEncoder.encode(pr.path, true), pr.query,
                pr.headers, bodyHash);

        SigningResult r = signer.presignDetailed(req, creds, ctx.time, Duration.ofSeconds(ctx.expirationSeconds));

        assertThat(r.canonicalRequest()).isEqualTo(read(dir.resolve("query-canonical-request.txt")));
        assertThat(r.stringToSign()).isEqualTo(read(dir.resolve("query-string-to-sign.txt")));
        assertThat(r.signature()).isEqualTo(read(dir.resolve("query-signature.txt")));
        // the complete query to send equals the signed request's query (order aside)
        List<QueryParam> actual = new ArrayList<>(r.query());
        actual.addAll(harnessAdded);
        String signedLine = read(dir.resolve("query-signed-request.txt")).lines().findFirst().orElseThrow();
        ParsedRequest signed = ParsedRequest.parse(signedLine + "\nHost:" + pr.host + "\n");
        assertThat(sorted(actual)).isEqualTo(sorted(signed.query));
        assertThat(r.query().get(r.query().size() - 1)).isEqualTo(new QueryParam("X-Amz-Signature", r.signature()));
        AWS_C_AUTH_QUERY.incrementAndGet();
    }

    /**
     * The {@code *-normalized} cases show path normalization, which S3 must not do: where normalization changes the
     * path, our canonical request must NOT equal theirs (and must keep the path as given).
     */
    @ParameterizedTest(name = "aws-c-auth v4 not normalized: {0}")
    @MethodSource("awsCAuthNormalizedCases")
    void awsCAuthNormalizedCasesAreNotReproduced(String name) {
        Path dir = AWS_C_AUTH.resolve(name);
        Context ctx = Context.read(dir.resolve("context.json"));
        ParsedRequest pr = ParsedRequest.parse(read(dir.resolve("request.txt")));
        String canonicalUri = UriEncoder.encode(pr.path, true);
        String expected = read(dir.resolve("header-canonical-request.txt"));
        String expectedUri = expected.split("\n", -1)[1];
        SigningRequest req = new SigningRequest(pr.method, pr.host, canonicalUri, pr.query, pr.headers,
                Hashing.sha256Hex(pr.body));
        SigningResult r = new SigV4Signer(ctx.region, ctx.service).signHeadersDetailed(req, ctx.credentials, ctx.time);
        assertThat(r.canonicalRequest().split("\n", -1)[1]).isEqualTo(canonicalUri);
        if (expectedUri.equals(canonicalUri)) {
            // e.g. get-space-normalized: nothing to normalize, so S3 and the normalized form agree
            assertThat(r.canonicalRequest()).isEqualTo(expected);
        } else {
            assertThat(r.canonicalRequest()).isNotEqualTo(expected);
        }
        NOT_NORMALIZED.incrementAndGet();
    }

    // ---------------------------------------------------------------------------------------------- classic suite

    @ParameterizedTest(name = "classic suite header: {0}")
    @MethodSource("classicCases")
    void classicHeader(String rel) {
        Path dir = CLASSIC.resolve(rel);
        String base = dir.getFileName().toString();
        ParsedRequest pr = ParsedRequest.parse(read(dir.resolve(base + ".req")));
        Map<String, String> headers = new LinkedHashMap<>(pr.headers);

        // the .req files carry the X-Amz-Date (and token) the signer produces itself
        String date = removeIgnoreCase(headers, "X-Amz-Date");
        assertThat(date).isEqualTo(SigV4Signer.amzDate(CLASSIC_TIME));
        String token = removeIgnoreCase(headers, "X-Amz-Security-Token");
        Credentials creds = token == null ? CLASSIC_CREDS
                : new Credentials(CLASSIC_CREDS.accessKeyId(), CLASSIC_CREDS.secretAccessKey(), token);

        SigningRequest req = new SigningRequest(pr.method, pr.host, UriEncoder.encode(pr.path, true), pr.query,
                headers, Hashing.sha256Hex(pr.body));
        SigningResult r = new SigV4Signer("us-east-1", "service").signHeadersDetailed(req, creds, CLASSIC_TIME);

        assertThat(r.canonicalRequest()).isEqualTo(read(dir.resolve(base + ".creq")));
        assertThat(r.stringToSign()).isEqualTo(read(dir.resolve(base + ".sts")));
        assertThat(r.headers().get("Authorization")).isEqualTo(read(dir.resolve(base + ".authz")));
        assertThat(r.headers().get("X-Amz-Date")).isEqualTo("20150830T123600Z");
        assertThat(r.headers().get("X-Amz-Security-Token")).isEqualTo(token);
        CLASSIC_HEADER.incrementAndGet();
    }

    @AfterAll
    static void report() {
        int total = AWS_C_AUTH_HEADER.get() + AWS_C_AUTH_QUERY.get() + CLASSIC_HEADER.get();
        System.out.println("SigV4 vector cases run: " + total + " (aws-c-auth v4 header " + AWS_C_AUTH_HEADER.get()
                + ", aws-c-auth v4 query " + AWS_C_AUTH_QUERY.get() + ", classic suite header " + CLASSIC_HEADER.get()
                + "; plus " + NOT_NORMALIZED.get() + " *-normalized cases checked NOT to be reproduced)");
        assertThat(total).as("SigV4 vector cases run").isGreaterThan(30);
    }

    // ---------------------------------------------------------------------------------------------- harness

    /** A request parsed from request.txt / .req: request line, headers, blank line, body. */
    static final class ParsedRequest {
        String method;
        String path;
        String host;
        List<QueryParam> query = new ArrayList<>();
        /** First-seen name -> value; repeated names (ignoring case) joined with "," in order. Host excluded. */
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];

        static ParsedRequest parse(String text) {
            ParsedRequest r = new ParsedRequest();
            int split = text.indexOf("\n\n");
            String head = split < 0 ? text : text.substring(0, split);
            if (split >= 0) {
                r.body = text.substring(split + 2).getBytes(StandardCharsets.UTF_8);
            }
            List<String> lines = head.lines().collect(Collectors.toList());
            String requestLine = lines.get(0);
            // METHOD SP target SP HTTP/1.1 -- the target may contain spaces (raw paths)
            int sp1 = requestLine.indexOf(' ');
            int sp2 = requestLine.lastIndexOf(' ');
            if (sp1 < 0 || sp2 <= sp1 || !requestLine.substring(sp2 + 1).startsWith("HTTP/")) {
                throw new IllegalArgumentException("Bad request line: " + requestLine);
            }
            r.method = requestLine.substring(0, sp1);
            String target = requestLine.substring(sp1 + 1, sp2);
            int q = target.indexOf('?');
            r.path = q < 0 ? target : target.substring(0, q);
            if (q >= 0) {
                for (String part : target.substring(q + 1).split("&")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    int eq = part.indexOf('=');
                    String n = eq < 0 ? part : part.substring(0, eq);
                    String v = eq < 0 ? "" : part.substring(eq + 1);
                    r.query.add(new QueryParam(UriEncoder.decode(n), UriEncoder.decode(v)));
                }
            }
            for (String line : lines.subList(1, lines.size())) {
                if (line.isEmpty()) {
                    continue;
                }
                if (line.charAt(0) == ' ' || line.charAt(0) == '\t') {
                    throw new IllegalArgumentException("Folded header lines are not supported: " + line);
                }
                int colon = line.indexOf(':');
                String name = line.substring(0, colon);
                String value = line.substring(colon + 1);
                if (name.equalsIgnoreCase("Host")) {
                    r.host = value.trim();
                    continue;
                }
                String existing = r.headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst()
                        .orElse(null);
                if (existing == null) {
                    r.headers.put(name, value);
                } else {
                    r.headers.put(existing, r.headers.get(existing) + "," + value);
                }
            }
            if (r.host == null) {
                throw new IllegalArgumentException("No Host header in: " + requestLine);
            }
            return r;
        }
    }

    /** The few fields of context.json we need (tiny regex parser; the file is flat apart from "credentials"). */
    static final class Context {
        Credentials credentials;
        String region;
        String service;
        Instant time;
        boolean signBody;
        boolean omitSessionToken;
        boolean normalize;
        long expirationSeconds;

        static Context read(Path file) {
            String json = SigV4TestSuiteTest.read(file);
            Context c = new Context();
            c.credentials = new Credentials(string(json, "access_key_id"), string(json, "secret_access_key"),
                    optString(json, "token"));
            c.region = string(json, "region");
            c.service = string(json, "service");
            c.time = Instant.parse(string(json, "timestamp"));
            c.signBody = bool(json, "sign_body", false);
            c.omitSessionToken = bool(json, "omit_session_token", false);
            c.normalize = bool(json, "normalize", true);
            String exp = literal(json, "expiration_in_seconds");
            c.expirationSeconds = exp == null ? 3600 : Long.parseLong(exp);
            assertThat(c.expirationSeconds).isEqualTo(3600);
            return c;
        }

        static String optString(String json, String key) {
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"").matcher(json);
            return m.find() ? m.group(1).replace("\\/", "/").replace("\\\"", "\"").replace("\\\\", "\\") : null;
        }

        static String string(String json, String key) {
            String v = optString(json, key);
            if (v == null) {
                throw new IllegalArgumentException("context.json lacks \"" + key + "\"");
            }
            return v;
        }

        static String literal(String json, String key) {
            Matcher m = Pattern.compile("\"" + key + "\"\\s*:\\s*(true|false|-?\\d+)").matcher(json);
            return m.find() ? m.group(1) : null;
        }

        static boolean bool(String json, String key, boolean dflt) {
            String v = literal(json, key);
            return v == null ? dflt : Boolean.parseBoolean(v);
        }
    }

    /** Value of the first header line {@code name:value} (value as written, after the colon). */
    static String headerValue(String signedRequest, String name) {
        return signedRequest.lines().skip(1).filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " in signed request"));
    }

    /** Header lines (lowercased name -> value) of the signed request that request.txt does not have. */
    static Map<String, String> addedHeaders(String request, String signedRequest) {
        List<String> original = headerLines(request);
        Map<String, String> out = new TreeMap<>();
        for (String line : headerLines(signedRequest)) {
            if (original.remove(line)) {
                continue;
            }
            int colon = line.indexOf(':');
            out.put(line.substring(0, colon).toLowerCase(Locale.ROOT), line.substring(colon + 1));
        }
        assertThat(original).as("request headers missing from the signed request").isEmpty();
        return out;
    }

    private static List<String> headerLines(String text) {
        List<String> out = new ArrayList<>();
        boolean first = true;
        for (String l : text.split("\n", -1)) {
            if (first) {
                first = false;
                continue;
            }
            if (l.isEmpty()) {
                break;
            }
            out.add(l);
        }
        return out;
    }

    static List<QueryParam> sorted(List<QueryParam> q) {
        List<QueryParam> s = new ArrayList<>(q);
        s.sort(Comparator.comparing(QueryParam::name).thenComparing(QueryParam::value));
        return s;
    }

    static String removeIgnoreCase(Map<String, String> headers, String name) {
        String key = headers.keySet().stream().filter(k -> k.equalsIgnoreCase(name)).findFirst().orElse(null);
        return key == null ? null : headers.remove(key);
    }

    static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Stream<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
                    .collect(Collectors.toList()).stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path resourceRoot() {
        URL url = SigV4TestSuiteTest.class.getResource("/sigv4/README.md");
        if (url == null) {
            throw new IllegalStateException("test resources sigv4/ not on the classpath");
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
