package io.github.s3lite.client.auth;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * In-process fakes of the credential endpoints on 127.0.0.1, as strict as the real ones where it matters:
 * <ul>
 * <li>STS ({@code POST /sts}): {@code AssumeRole} must carry a valid SigV4 signature for service {@code sts} by a
 * known base key (recomputed here from the request as received), {@code AssumeRoleWithWebIdentity} the expected
 * token; answers credentials expiring after {@link #lifetime};</li>
 * <li>container ({@code GET /container/creds}): {@code Authorization} must equal the current content of the token
 * file;</li>
 * <li>IMDSv2 ({@code PUT /latest/api/token}, {@code GET /latest/meta-data/iam/security-credentials/...}): 401 without
 * a valid session token; {@link #expireImdsTokens()} invalidates the issued ones.</li>
 * </ul>
 * Issued key pairs are {@link #issuedKey} / {@link #issuedSecret}; session tokens count up.
 */
public final class FakeCredentialServer implements AutoCloseable {
    static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Pattern AUTH = Pattern.compile(
            "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/([^/]+)/aws4_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})");

    final HttpServer server;
    public final Map<String, String> baseKeys = new HashMap<>(); // access key -> secret STS accepts for AssumeRole
    public final List<String> stsCalls = Collections.synchronizedList(new ArrayList<>());
    final List<String> containerAuthorizations = Collections.synchronizedList(new ArrayList<>());
    final List<String> imdsCalls = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger issued = new AtomicInteger();
    /** Session token -> the expiration it was issued with. */
    public final Map<String, Instant> expirations = new java.util.concurrent.ConcurrentHashMap<>();
    /** Session token -> when it was issued. */
    public final Map<String, Instant> issuedAt = new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicInteger stsInFlight = new AtomicInteger();
    /** The most STS requests served at the same time. */
    public final AtomicInteger maxConcurrentSts = new AtomicInteger();
    public volatile String issuedKey = "ASIAFAKEISSUED";
    public volatile String issuedSecret = "issued-secret-never-logged";
    public volatile Duration lifetime = Duration.ofSeconds(90);
    volatile String expectedWebToken;
    volatile Path containerTokenFile;
    public volatile String stsRegion = "us-east-1";
    private final List<String> imdsTokens = Collections.synchronizedList(new ArrayList<>());

    private final java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-credential-server");
        t.setDaemon(true);
        return t;
    });

    public FakeCredentialServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sts", this::sts);
        server.createContext("/container/", this::container);
        server.createContext("/latest/", this::imds);
        server.setExecutor(pool); // concurrent, as a real STS: maxConcurrentSts shows overlapping refreshes
        server.start();
    }

    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    public String sessionToken(int n) {
        return "FAKE-SESSION-TOKEN-" + n;
    }

    private Instant expiry(int n) {
        Instant now = Instant.now();
        Instant exp = now.plus(lifetime);
        expirations.put(sessionToken(n), exp);
        issuedAt.put(sessionToken(n), now);
        return exp;
    }

    private String credentialsXml(String action) {
        int n = issued.incrementAndGet();
        Instant exp = expiry(n);
        return "<" + action + "Response xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><" + action + "Result>"
               + "<Credentials><AccessKeyId>" + issuedKey + "</AccessKeyId><SecretAccessKey>" + issuedSecret
               + "</SecretAccessKey><SessionToken>" + sessionToken(n) + "</SessionToken><Expiration>"
               + exp + "</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::1:x</Arn>"
               + "</AssumedRoleUser></" + action + "Result></" + action + "Response>";
    }

    private String credentialsJson() {
        int n = issued.incrementAndGet();
        Instant exp = expiry(n);
        return "{\"Code\" : \"Success\", \"Type\": \"AWS-HMAC\", \"AccessKeyId\": \"" + issuedKey
               + "\", \"SecretAccessKey\": \"" + issuedSecret + "\", \"Token\": \"" + sessionToken(n)
               + "\", \"Expiration\": \"" + exp + "\", \"Nested\": {\"a\": [1, 2]}}";
    }

    private void sts(HttpExchange ex) throws IOException {
        int inFlight = stsInFlight.incrementAndGet();
        maxConcurrentSts.accumulateAndGet(inFlight, Math::max);
        try {
            stsCall(ex);
        } finally {
            stsInFlight.decrementAndGet();
        }
    }

    private void stsCall(HttpExchange ex) throws IOException {
        String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String kv : body.split("&")) {
            int eq = kv.indexOf('=');
            form.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
        }
        String action = form.get("Action");
        stsCalls.add(action + " " + form.get("RoleArn") + " " + form.getOrDefault("DurationSeconds", "-") + " "
                     + form.getOrDefault("ExternalId", "-") + " " + form.get("RoleSessionName"));
        if (!"POST".equals(ex.getRequestMethod()) || !"2011-06-15".equals(form.get("Version"))) {
            error(ex, 400, "InvalidAction", "POST with Version=2011-06-15 expected");
            return;
        }
        if ("AssumeRoleWithWebIdentity".equals(action)) {
            if (expectedWebToken == null || !expectedWebToken.equals(form.get("WebIdentityToken"))) {
                error(ex, 400, "InvalidIdentityToken", "token not the current one");
                return;
            }
            reply(ex, 200, "text/xml", credentialsXml(action));
            return;
        }
        if (!"AssumeRole".equals(action)) {
            error(ex, 400, "InvalidAction", "unknown action");
            return;
        }
        String problem = signatureProblem(ex, body);
        if (problem != null) {
            error(ex, 403, "SignatureDoesNotMatch", problem);
            return;
        }
        reply(ex, 200, "text/xml", credentialsXml(action));
    }

    /** Recomputes the SigV4 signature from the request as received; null when it matches. */
    private String signatureProblem(HttpExchange ex, String body) {
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        Matcher m = auth == null ? null : AUTH.matcher(auth);
        if (m == null || !m.matches()) {
            return "no SigV4 Authorization header";
        }
        String secret = baseKeys.get(m.group(1));
        if (secret == null) {
            return "unknown access key";
        }
        if (!m.group(4).equals("sts") || !m.group(3).equals(stsRegion)) {
            return "scope " + m.group(3) + "/" + m.group(4) + " is not " + stsRegion + "/sts";
        }
        String amzDate = ex.getRequestHeaders().getFirst("X-Amz-Date");
        Instant time = Instant.from(AMZ_DATE.parse(amzDate));
        if (Duration.between(time, Instant.now()).abs().toMinutes() > 5) {
            return "request time too skewed";
        }
        String token = ex.getRequestHeaders().getFirst("X-Amz-Security-Token");
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h : m.group(5).split(";")) {
            if (!h.equals("host") && !h.equals("x-amz-date") && !h.equals("x-amz-security-token")) {
                headers.put(h, String.join(",", ex.getRequestHeaders().get(h)));
            }
        }
        if (!m.group(5).contains("content-type")) {
            return "content-type not signed";
        }
        SigningRequest req = new SigningRequest(ex.getRequestMethod(), ex.getRequestHeaders().getFirst("Host"),
                ex.getRequestURI().getRawPath(), null, headers, Hashing.sha256Hex(body.getBytes(StandardCharsets.UTF_8)));
        String expected = new SigV4Signer(stsRegion, "sts").signHeadersDetailed(req,
                new Credentials(m.group(1), secret, token), time).signature();
        return expected.equals(m.group(6)) ? null : "signature mismatch";
    }

    private void container(HttpExchange ex) throws IOException {
        String got = ex.getRequestHeaders().getFirst("Authorization");
        containerAuthorizations.add(String.valueOf(got));
        String want = containerTokenFile == null ? null : Files.readString(containerTokenFile).strip();
        if (want != null && !want.equals(got)) {
            reply(ex, 401, "application/json", "{\"message\": \"bad authorization\"}");
            return;
        }
        reply(ex, 200, "application/json", credentialsJson());
    }

    void expireImdsTokens() {
        imdsTokens.clear();
    }

    private void imds(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        imdsCalls.add(ex.getRequestMethod() + " " + path);
        if (path.equals("/latest/api/token")) {
            String ttl = ex.getRequestHeaders().getFirst("X-aws-ec2-metadata-token-ttl-seconds");
            if (!"PUT".equals(ex.getRequestMethod()) || ttl == null || Integer.parseInt(ttl) < 1 || Integer.parseInt(ttl) > 21600) {
                reply(ex, 400, "text/plain", "");
                return;
            }
            String t = "imds-token-" + imdsTokens.size() + "-" + System.nanoTime();
            imdsTokens.add(t);
            reply(ex, 200, "text/plain", t);
            return;
        }
        String t = ex.getRequestHeaders().getFirst("X-aws-ec2-metadata-token");
        if (t == null || !imdsTokens.contains(t)) {
            reply(ex, 401, "text/plain", ""); // IMDSv2 enforced: no v1
            return;
        }
        if (path.equals("/latest/meta-data/iam/security-credentials/")) {
            reply(ex, 200, "text/plain", "s3lite-role\n");
        } else if (path.equals("/latest/meta-data/iam/security-credentials/s3lite-role")) {
            reply(ex, 200, "text/plain", credentialsJson());
        } else {
            reply(ex, 404, "text/plain", "");
        }
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        reply(ex, status, "text/xml", "<ErrorResponse><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                                      + "</Message></Error><RequestId>1</RequestId></ErrorResponse>");
    }

    private static void reply(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            ex.getResponseBody().write(b);
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
        pool.shutdownNow();
    }
}
