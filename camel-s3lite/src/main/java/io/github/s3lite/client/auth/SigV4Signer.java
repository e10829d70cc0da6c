package io.github.s3lite.client.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/** TEMPORARY stub, replaced by the signer branch. */
public final class SigV4Signer {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    public static final String STREAMING_PAYLOAD = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    public static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private final String region;
    private final String service;

    public SigV4Signer(String region, String service) {
        this.region = region;
        this.service = service;
    }

    public Map<String, String> signHeaders(SigningRequest req, Credentials creds, Instant time) {
        SortedMap<String, String> canon = new TreeMap<>();
        req.headers().forEach((k, v) -> canon.put(k.toLowerCase(), v.trim().replaceAll(" +", " ")));
        canon.put("host", req.host());
        canon.put("x-amz-date", AMZ_DATE.format(time));
        Map<String, String> added = new LinkedHashMap<>();
        added.put("X-Amz-Date", AMZ_DATE.format(time));
        if (creds.sessionToken() != null) {
            canon.put("x-amz-security-token", creds.sessionToken());
            added.put("X-Amz-Security-Token", creds.sessionToken());
        }
        String creq = canonicalRequest(req, canon, req.query());
        String sts = stringToSign(time, creq);
        String sig = signature(signingKey(creds.secretAccessKey(), time), sts);
        added.put("Authorization", ALGORITHM + " Credential=" + creds.accessKeyId() + "/" + scope(time)
                + ", SignedHeaders=" + String.join(";", canon.keySet()) + ", Signature=" + sig);
        return added;
    }

    public List<QueryParam> presign(SigningRequest req, Credentials creds, Instant time, Duration expires) {
        SortedMap<String, String> canon = new TreeMap<>();
        req.headers().forEach((k, v) -> canon.put(k.toLowerCase(), v.trim()));
        canon.put("host", req.host());
        List<QueryParam> q = new ArrayList<>(req.query());
        q.add(new QueryParam("X-Amz-Algorithm", ALGORITHM));
        q.add(new QueryParam("X-Amz-Credential", creds.accessKeyId() + "/" + scope(time)));
        q.add(new QueryParam("X-Amz-Date", AMZ_DATE.format(time)));
        q.add(new QueryParam("X-Amz-Expires", Long.toString(expires.toSeconds())));
        if (creds.sessionToken() != null) {
            q.add(new QueryParam("X-Amz-Security-Token", creds.sessionToken()));
        }
        q.add(new QueryParam("X-Amz-SignedHeaders", String.join(";", canon.keySet())));
        String creq = canonicalRequest(req, canon, q);
        String sig = signature(signingKey(creds.secretAccessKey(), time), stringToSign(time, creq));
        q.add(new QueryParam("X-Amz-Signature", sig));
        return q;
    }

    public String canonicalRequest(SigningRequest req, SortedMap<String, String> canonicalHeaders, List<QueryParam> query) {
        List<String[]> enc = new ArrayList<>();
        for (QueryParam p : query) {
            enc.add(new String[] { UriEncoder.encode(p.name(), false), UriEncoder.encode(p.value() == null ? "" : p.value(), false) });
        }
        enc.sort(Comparator.<String[], String> comparing(a -> a[0]).thenComparing(a -> a[1]));
        StringBuilder qs = new StringBuilder();
        for (String[] e : enc) {
            if (qs.length() > 0) {
                qs.append('&');
            }
            qs.append(e[0]).append('=').append(e[1]);
        }
        StringBuilder h = new StringBuilder();
        canonicalHeaders.forEach((k, v) -> h.append(k).append(':').append(v).append('\n'));
        return req.method() + "\n" + req.canonicalUri() + "\n" + qs + "\n" + h + "\n"
                + String.join(";", canonicalHeaders.keySet()) + "\n" + req.payloadHash();
    }

    public String stringToSign(Instant time, String canonicalRequest) {
        return ALGORITHM + "\n" + AMZ_DATE.format(time) + "\n" + scope(time) + "\n"
                + Hashing.sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    }

    public byte[] signingKey(String secretAccessKey, Instant time) {
        byte[] k = Hashing.hmacSha256(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), DATE.format(time));
        k = Hashing.hmacSha256(k, region);
        k = Hashing.hmacSha256(k, service);
        return Hashing.hmacSha256(k, "aws4_request");
    }

    public String signature(byte[] signingKey, String stringToSign) {
        return Hashing.hex(Hashing.hmacSha256(signingKey, stringToSign));
    }

    private String scope(Instant time) {
        return DATE.format(time) + "/" + region + "/" + service + "/aws4_request";
    }
}
