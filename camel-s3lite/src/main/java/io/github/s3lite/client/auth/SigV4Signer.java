package io.github.s3lite.client.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * AWS Signature Version 4 (AWS4-HMAC-SHA256) with S3's rules: the path is encoded once by the caller and never
 * normalized. Thread-safe (its only state is the cached signing key of the day); does not log.
 * Size: header signing and presigning share the canonical-request, scope and signing-key code, and each step is
 * public so that AWS's published vectors check it on its own.
 *
 * <p>References: "Authenticating Requests (AWS Signature Version 4)" in the Amazon S3 API Reference:
 * sig-v4-header-based-auth.html, sigv4-query-string-auth.html. The client sends no aws-chunked bodies, so chunk
 * and trailer signatures are not implemented.
 */
public final class SigV4Signer {

    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    /** Longest allowed presigned URL validity: 7 days. */
    public static final Duration MAX_EXPIRES = Duration.ofSeconds(604800);

    public static final String X_AMZ_ALGORITHM = "X-Amz-Algorithm";
    public static final String X_AMZ_CREDENTIAL = "X-Amz-Credential";
    public static final String X_AMZ_DATE = "X-Amz-Date";
    public static final String X_AMZ_EXPIRES = "X-Amz-Expires";
    public static final String X_AMZ_SIGNED_HEADERS = "X-Amz-SignedHeaders";
    public static final String X_AMZ_SECURITY_TOKEN = "X-Amz-Security-Token";
    public static final String X_AMZ_SIGNATURE = "X-Amz-Signature";
    public static final String AUTHORIZATION = "Authorization";

    private static final Set<String> PRESIGN_PARAMS = Set.of(X_AMZ_ALGORITHM, X_AMZ_CREDENTIAL, X_AMZ_DATE,
            X_AMZ_EXPIRES, X_AMZ_SIGNED_HEADERS, X_AMZ_SECURITY_TOKEN, X_AMZ_SIGNATURE).stream()
            .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());

    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_STAMP = DateTimeFormatter.ofPattern("yyyyMMdd", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final String region;
    private final String service;
    /** The last derived signing key (one entry: one secret, one day, this region and service), shared by all threads. */
    private volatile DerivedKey lastKey;

    /** A signing key with what it was derived from. The secret is held by reference only, as the credentials hold it. */
    private record DerivedKey(String secret, String dateStamp, byte[] key) {
        @Override
        public String toString() {
            return "DerivedKey[" + dateStamp + "]"; // never the secret or the key
        }
    }

    /**
     * @param region  e.g. "us-east-1"
     * @param service "s3" for S3
     */
    public SigV4Signer(String region, String service) {
        this.region = requireToken(region, "region");
        this.service = requireToken(service, "service");
    }

    private static String requireToken(String v, String what) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(what + " must not be null or blank");
        }
        if (v.indexOf('/') >= 0 || v.indexOf('\r') >= 0 || v.indexOf('\n') >= 0) {
            throw new IllegalArgumentException(what + " must not contain '/', CR or LF: " + v);
        }
        return v;
    }

    public String region() {
        return region;
    }

    public String service() {
        return service;
    }

    // ------------------------------------------------------------------------------------------------ header auth

    /**
     * Header signing: returns the headers to ADD to the request: "X-Amz-Date", "X-Amz-Security-Token" (when the
     * credentials have one; it is also signed) and "Authorization". Host is always signed (from {@code req.host()}).
     * Caller headers named Host, X-Amz-Date, Authorization (and X-Amz-Security-Token when the credentials carry a
     * token) are ignored: the signer's values replace them.
     */
    public Map<String, String> signHeaders(SigningRequest req, Credentials creds, Instant time) {
        return signHeadersDetailed(req, creds, time).headers();
    }

    /** As {@link #signHeaders}, also returning the canonical request, the string to sign and the signature. */
    public SigningResult signHeadersDetailed(SigningRequest req, Credentials creds, Instant time) {
        Objects.requireNonNull(req, "req");
        Objects.requireNonNull(creds, "creds");
        Objects.requireNonNull(time, "time");
        String amzDate = amzDate(time);

        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("x-amz-date", amzDate);
        if (creds.sessionToken() != null) {
            extra.put("x-amz-security-token", creds.sessionToken());
        }
        SortedMap<String, String> canonicalHeaders = canonicalHeaders(req, extra, Set.of("authorization"));

        String canonicalRequest = canonicalRequest(req, canonicalHeaders, req.query());
        String stringToSign = stringToSign(time, canonicalRequest);
        String signature = signature(cachedSigningKey(creds.secretAccessKey(), time), stringToSign);

        Map<String, String> out = new LinkedHashMap<>();
        out.put(X_AMZ_DATE, amzDate);
        if (creds.sessionToken() != null) {
            out.put(X_AMZ_SECURITY_TOKEN, creds.sessionToken());
        }
        out.put(AUTHORIZATION, ALGORITHM + " Credential=" + creds.accessKeyId() + "/" + credentialScope(time)
                + ", SignedHeaders=" + signedHeaders(canonicalHeaders) + ", Signature=" + signature);
        return new SigningResult(canonicalRequest, stringToSign, signature, Collections.unmodifiableMap(out),
                req.query());
    }

    // ------------------------------------------------------------------------------------------------ query auth

    /**
     * Query (presigned URL) signing: returns the COMPLETE query parameter list to send, raw (not encoded): the
     * original params, then X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires, X-Amz-SignedHeaders,
     * X-Amz-Security-Token (if the credentials have one; it is signed) and X-Amz-Signature last.
     *
     * <p>All of {@code req.headers()} plus host are signed (they must be sent exactly so). The payload hash is taken
     * from the request; S3 presigned URLs usually use {@link #UNSIGNED_PAYLOAD}.
     *
     * @param expires 1 second .. 7 days (604800 s); fractions of a second are dropped
     * @throws IllegalArgumentException if expires is out of range or the query already has X-Amz-* auth parameters
     */
    public List<QueryParam> presign(SigningRequest req, Credentials creds, Instant time, Duration expires) {
        return presignDetailed(req, creds, time, expires).query();
    }

    /** As {@link #presign}, also returning the canonical request, the string to sign and the signature. */
    public SigningResult presignDetailed(SigningRequest req, Credentials creds, Instant time, Duration expires) {
        Objects.requireNonNull(req, "req");
        Objects.requireNonNull(creds, "creds");
        Objects.requireNonNull(time, "time");
        if (expires == null) {
            throw new IllegalArgumentException("expires must be given (1 second .. 7 days)");
        }
        long seconds = expires.getSeconds();
        if (seconds < 1 || seconds > MAX_EXPIRES.getSeconds()) {
            throw new IllegalArgumentException("Presigned URL expiry must be between 1 second and 7 days (604800 seconds), was "
                    + expires + " (" + seconds + " s)");
        }
        for (QueryParam p : req.query()) {
            if (PRESIGN_PARAMS.contains(p.name().toLowerCase(Locale.ROOT))) {
                throw new IllegalArgumentException("Request to presign already has query parameter " + p.name()
                        + "; the signer adds the X-Amz-* authentication parameters itself");
            }
        }
        String amzDate = amzDate(time);
        SortedMap<String, String> canonicalHeaders = canonicalHeaders(req, Map.of(), Set.of());

        List<QueryParam> all = new ArrayList<>(req.query().size() + 7);
        all.addAll(req.query());
        all.add(new QueryParam(X_AMZ_ALGORITHM, ALGORITHM));
        all.add(new QueryParam(X_AMZ_CREDENTIAL, creds.accessKeyId() + "/" + credentialScope(time)));
        all.add(new QueryParam(X_AMZ_DATE, amzDate));
        all.add(new QueryParam(X_AMZ_EXPIRES, Long.toString(seconds)));
        all.add(new QueryParam(X_AMZ_SIGNED_HEADERS, signedHeaders(canonicalHeaders)));
        if (creds.sessionToken() != null) {
            all.add(new QueryParam(X_AMZ_SECURITY_TOKEN, creds.sessionToken()));
        }

        String canonicalRequest = canonicalRequest(req, canonicalHeaders, all);
        String stringToSign = stringToSign(time, canonicalRequest);
        String signature = signature(cachedSigningKey(creds.secretAccessKey(), time), stringToSign);
        all.add(new QueryParam(X_AMZ_SIGNATURE, signature));
        return new SigningResult(canonicalRequest, stringToSign, signature, Map.of(), List.copyOf(all));
    }

    // ------------------------------------------------------------------------------------------------ steps

    /**
     * Builds the canonical headers: lowercased names -> normalized values, with host from {@code req.host()}.
     *
     * <p>Spec: "CanonicalHeaders is a list of request headers with their values. Individual header name and value
     * pairs are separated by the newline character ("\n"). Header names must be in lowercase. You must sort the header
     * names alphabetically to construct the string [...] The Lowercase() and Trim() functions used in this example
     * are described in the preceding section." and "Trim(): Remove any leading or trailing whitespace" plus, from the
     * general SigV4 guide, "convert sequential spaces to a single space". Repeated headers: "combine them into one
     * header name with a comma-separated list of values".
     *
     * @param extra  lowercase names -> values that replace caller headers of the same name
     * @param ignore lowercase names of caller headers to drop
     * @throws IllegalArgumentException on CR/LF in a header value or an invalid header name
     */
    public SortedMap<String, String> canonicalHeaders(SigningRequest req, Map<String, String> extra, Set<String> ignore) {
        TreeMap<String, String> out = new TreeMap<>();
        for (Map.Entry<String, String> e : req.headers().entrySet()) {
            String name = canonicalHeaderName(e.getKey());
            if (name.equals("host") || extra.containsKey(name) || ignore.contains(name)) {
                continue;
            }
            String value = normalizeHeaderValue(e.getKey(), e.getValue());
            out.merge(name, value, (a, b) -> a + "," + b);
        }
        for (Map.Entry<String, String> e : extra.entrySet()) {
            out.put(canonicalHeaderName(e.getKey()), normalizeHeaderValue(e.getKey(), e.getValue()));
        }
        out.put("host", normalizeHeaderValue("host", req.host()));
        return out;
    }

    private static String canonicalHeaderName(String name) {
        if (name.isEmpty()) {
            throw new IllegalArgumentException("Empty header name");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c <= ' ' || c == ':' || c >= 0x7f) {
                throw new IllegalArgumentException("Invalid character in header name: \"" + name + "\"");
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Trims the value and collapses each inner run of spaces/tabs to one space.
     *
     * @throws IllegalArgumentException if the value contains CR or LF (header folding / injection is not allowed)
     */
    public static String normalizeHeaderValue(String name, String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean pendingSpace = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                throw new IllegalArgumentException("Header " + name + " must not contain CR or LF characters");
            }
            if (c == ' ' || c == '\t') {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** "SignedHeaders is an alphabetically sorted, semicolon-separated list of lowercase request header names." */
    public static String signedHeaders(SortedMap<String, String> canonicalHeaders) {
        return String.join(";", canonicalHeaders.keySet());
    }

    /**
     * Canonical query string.
     *
     * <p>Spec: "URI-encode each parameter name and value [...] Sort the encoded parameters in ascending order
     * (ASCII order) by parameter name. Parameters with duplicate names should be sorted by value. Build the canonical
     * query string by starting with the first parameter name in the sorted list. For each parameter, append the
     * URI-encoded parameter name, followed by the equals sign character (=), followed by the URI-encoded parameter
     * value. Use an empty string for parameters that have no value. Append the ampersand character (&amp;) after each
     * parameter value, except for the last value in the list."
     */
    public static String canonicalQueryString(List<QueryParam> query) {
        if (query.isEmpty()) {
            return "";
        }
        List<String[]> enc = new ArrayList<>(query.size());
        for (QueryParam p : query) {
            enc.add(new String[] { UriEncoder.encode(p.name(), false), UriEncoder.encode(p.value(), false) });
        }
        enc.sort(Comparator.<String[], String> comparing(a -> a[0]).thenComparing(a -> a[1]));
        StringBuilder sb = new StringBuilder();
        for (String[] p : enc) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(p[0]).append('=').append(p[1]);
        }
        return sb.toString();
    }

    /**
     * Spec (S3 "Task 1: Create a Canonical Request"):
     *
     * <pre>
     * &lt;HTTPMethod&gt;\n
     * &lt;CanonicalURI&gt;\n
     * &lt;CanonicalQueryString&gt;\n
     * &lt;CanonicalHeaders&gt;\n
     * &lt;SignedHeaders&gt;\n
     * &lt;HashedPayload&gt;
     * </pre>
     *
     * where each canonical header line is {@code name:value\n} (so the header block ends with an empty line). The
     * CanonicalURI is used as given (already encoded once, never normalized for S3).
     *
     * @param canonicalHeaders lowercased names -> normalized values (see {@link #canonicalHeaders})
     * @param query            the raw query parameters to put in the canonical query string
     */
    public String canonicalRequest(SigningRequest req, SortedMap<String, String> canonicalHeaders,
            List<QueryParam> query) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(req.method()).append('\n');
        sb.append(req.canonicalUri()).append('\n');
        sb.append(canonicalQueryString(query)).append('\n');
        for (Map.Entry<String, String> e : canonicalHeaders.entrySet()) {
            sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
        }
        sb.append('\n');
        sb.append(signedHeaders(canonicalHeaders)).append('\n');
        sb.append(req.payloadHash());
        return sb.toString();
    }

    /**
     * Spec (S3 "Task 2: Create a String to Sign"):
     *
     * <pre>
     * "AWS4-HMAC-SHA256" + "\n" +
     * timeStampISO8601Format + "\n" +
     * &lt;Scope&gt; + "\n" +
     * Hex(SHA256Hash(&lt;CanonicalRequest&gt;))
     * </pre>
     *
     * "Scope binds the resulting signature to a specific date, an AWS Region, and a service [...]
     * date.Format(&lt;YYYYMMDD&gt;) + "/" + &lt;region&gt; + "/" + &lt;service&gt; + "/aws4_request""
     */
    public String stringToSign(Instant time, String canonicalRequest) {
        return ALGORITHM + "\n" + amzDate(time) + "\n" + credentialScope(time) + "\n"
                + Hashing.sha256Hex(canonicalRequest);
    }

    /** {@code yyyyMMdd/region/service/aws4_request} */
    public String credentialScope(Instant time) {
        return dateStamp(time) + "/" + region + "/" + service + "/aws4_request";
    }

    /**
     * Spec (S3 "Task 3: Calculate Signature"):
     *
     * <pre>
     * DateKey              = HMAC-SHA256("AWS4"+"&lt;SecretAccessKey&gt;", "&lt;YYYYMMDD&gt;")
     * DateRegionKey        = HMAC-SHA256(&lt;DateKey&gt;, "&lt;aws-region&gt;")
     * DateRegionServiceKey = HMAC-SHA256(&lt;DateRegionKey&gt;, "&lt;aws-service&gt;")
     * SigningKey           = HMAC-SHA256(&lt;DateRegionServiceKey&gt;, "aws4_request")
     * </pre>
     *
     * The key depends only on secret, day, region and service, so callers may cache it per day.
     */
    public byte[] signingKey(String secretAccessKey, Instant time) {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        byte[] kDate = Hashing.hmacSha256(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), dateStamp(time));
        byte[] kRegion = Hashing.hmacSha256(kDate, region);
        byte[] kService = Hashing.hmacSha256(kRegion, service);
        return Hashing.hmacSha256(kService, "aws4_request");
    }

    /**
     * {@link #signingKey} derived once per secret and day (region and service are this signer's): four HMACs saved
     * on every request of the day. Thread-safe: one immutable entry in a volatile field; two threads deriving the
     * same key at once both get the right one. A rotated secret or the next UTC day derives a new key.
     */
    byte[] cachedSigningKey(String secretAccessKey, Instant time) {
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
        String day = dateStamp(time);
        DerivedKey k = lastKey;
        if (k == null || !k.dateStamp().equals(day) || !k.secret().equals(secretAccessKey)) {
            k = new DerivedKey(secretAccessKey, day, signingKey(secretAccessKey, time));
            lastKey = k;
        }
        return k.key();
    }

    /** "signature = Hex(HMAC-SHA256(SigningKey, StringToSign))" (lowercase hex). */
    public String signature(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }

    public static String amzDate(Instant time) {
        return AMZ_DATE.format(time);
    }

    /** {@code yyyyMMdd} in UTC. */
    public static String dateStamp(Instant time) {
        return DATE_STAMP.format(time);
    }
}
