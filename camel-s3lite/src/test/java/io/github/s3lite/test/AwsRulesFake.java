package io.github.s3lite.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An in-process S3 server (path style, no signature check) that enforces AWS S3's rules for multipart checksums and
 * conditional writes, as the Amazon S3 API reference states them, for what S3Proxy accepts too leniently:
 * <ul>
 * <li>UploadPart with {@code x-amz-checksum-crc32c} into an upload whose CreateMultipartUpload declared no
 * {@code x-amz-checksum-algorithm}: 400 "Checksum Type mismatch occurred, expected checksum Type: null, actual
 * checksum Type: crc32c"; an upload declaring CRC32C takes only parts carrying it, and the CreateMultipartUpload
 * answer echoes the declaration ({@code x-amz-checksum-algorithm}, {@code x-amz-checksum-type});</li>
 * <li>CompleteMultipartUpload of a CRC32C upload must list each part's {@code <ChecksumCRC32C>}, equal to the
 * stored one;</li>
 * <li>{@code If-None-Match: *} and {@code If-Match} are evaluated on PutObject and CompleteMultipartUpload.</li>
 * </ul>
 * With {@code flexibleChecksums=false} it behaves like Ceph RGW 16 instead: {@code x-amz-checksum-*} are ignored
 * (neither verified nor echoed) and conditions on CompleteMultipartUpload are ignored. Every request is recorded.
 * <p>
 * SSE-C as AWS enforces it: a key whose {@code ...-customer-key-MD5} does not match is refused (400); an object or
 * upload created with a key needs the same key on every GET, HEAD, UploadPart and as the copy source
 * ({@code x-amz-copy-source-server-side-encryption-customer-*}), else 400 with AWS's message; the answers echo the
 * algorithm and key MD5. {@code x-amz-server-side-encryption}, the KMS key id and {@code x-amz-storage-class} given
 * on a write are answered on it and on GET/HEAD. Also CopyObject, ListObjectsV2 and DeleteObject (no version logic;
 * {@code versionId} is only recorded).
 */
public final class AwsRulesFake implements AutoCloseable {

    /** One request as received. */
    public record Request(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public boolean isUploadPart() {
            return method.equals("PUT") && query.containsKey("partNumber");
        }

        public boolean isCreate() {
            return method.equals("POST") && query.containsKey("uploads");
        }

        public boolean isComplete() {
            return method.equals("POST") && query.containsKey("uploadId");
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    record Part(byte[] data, String eTag, String crc32c) {
    }

    record Upload(String path, String algorithm, Map<Integer, Part> parts, String sseCustomerKeyMd5, Map<String, String> stored) {
        Upload(String path, String algorithm, Map<Integer, Part> parts) {
            this(path, algorithm, parts, null, Map.of());
        }
    }

    /**
     * {@code checksum}: the stored CRC32C (base64, {@code -N} when composite), null when none; {@code stored}: the
     * encryption and storage-class headers answered for it.
     */
    record StoredObject(byte[] data, String eTag, String checksum, boolean kms, String sseCustomerKeyMd5,
            Map<String, String> stored) {
        StoredObject(byte[] data, String eTag) {
            this(data, eTag, null, false, null, Map.of());
        }

        StoredObject(byte[] data, String eTag, String checksum, boolean kms) {
            this(data, eTag, checksum, kms, null, Map.of());
        }
    }

    private static final String SSEC = "x-amz-server-side-encryption-customer-";
    private static final String COPY_SSEC = "x-amz-copy-source-server-side-encryption-customer-";

    /**
     * The key MD5 of the request's SSE-C headers with this prefix (null: none), or a refusal when they are
     * incomplete or the MD5 does not match the key.
     */
    private static String sseCustomerKey(Request r, String prefix) {
        String algorithm = r.header(prefix + "algorithm");
        String key = r.header(prefix + "key");
        String md5 = r.header(prefix + "key-md5");
        if (algorithm == null && key == null && md5 == null) {
            return null;
        }
        if (!"AES256".equals(algorithm) || key == null || md5 == null) {
            throw new Refused(400, "InvalidArgument", "Requests specifying Server Side Encryption with Customer provided keys "
                    + "must provide a valid encryption algorithm and key (" + prefix + "*)");
        }
        byte[] raw = Base64.getDecoder().decode(key);
        if (raw.length != 32 || !Base64.getEncoder().encodeToString(digest("MD5", raw)).equals(md5)) {
            throw new Refused(400, "InvalidArgument", "The calculated MD5 hash of the key did not match the hash that was provided.");
        }
        return md5;
    }

    /** The object (or upload) needs the SSE-C key it was made with; a key for an object made without one is refused too. */
    private static void requireSameKey(String stored, String given, String what) {
        if (stored != null && given == null) {
            throw new Refused(400, "InvalidRequest", "The object was stored using a form of Server Side Encryption. The correct "
                    + "parameters must be provided to retrieve the object. (" + what + ")");
        }
        if (stored != null && !stored.equals(given)) {
            throw new Refused(403, "AccessDenied", "The SSE-C key does not match the object's (" + what + ")");
        }
        if (stored == null && given != null) {
            throw new Refused(400, "InvalidRequest", "The encryption parameters are not applicable to this object. (" + what + ")");
        }
    }

    /** What a write asks to be stored with, as answered: SSE, KMS key, bucket key, storage class, SSE-C. */
    private static Map<String, String> storedHeaders(Request r, String keyMd5) {
        Map<String, String> h = new LinkedHashMap<>();
        for (String n : List.of("x-amz-server-side-encryption", "x-amz-server-side-encryption-aws-kms-key-id",
                "x-amz-server-side-encryption-bucket-key-enabled", "x-amz-storage-class")) {
            if (r.header(n) != null) {
                h.put(n, r.header(n));
            }
        }
        if (keyMd5 != null) {
            h.put(SSEC + "algorithm", "AES256");
            h.put(SSEC + "key-MD5", keyMd5);
        }
        return h;
    }

    private static final class Refused extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }
    }

    private final HttpServer server;
    private final boolean flexibleChecksums;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Upload> uploads = new ConcurrentHashMap<>();
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private volatile Predicate<Request> failWith500 = r -> false;
    private volatile boolean sseKms;
    private volatile boolean echoDeclarationOnly;
    private volatile Predicate<Request> commitThen500 = r -> false;

    public AwsRulesFake(boolean flexibleChecksums) throws IOException {
        this.flexibleChecksums = flexibleChecksums;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        server.setExecutor(Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "aws-rules-fake");
            t.setDaemon(true);
            return t;
        }));
        server.createContext("/", this::handle);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public void clear() {
        requests.clear();
    }

    /** CompleteMultipartUploads matching this are committed, then answered 500 InternalError (a lost answer). */
    public void commitCompleteThen500(Predicate<Request> p) {
        commitThen500 = p;
    }

    /** Requests matching this answer 500 InternalError (without effect). */
    public void failWith500(Predicate<Request> p) {
        failWith500 = p;
    }

    /**
     * Like AWS with SSE-KMS: part ETags are not MD5s (here not even hex: {@code kms-...}), an object's ETag is not
     * derived from them or from its bytes, and HEAD/GET answer {@code x-amz-server-side-encryption: aws:kms}; the
     * stored CRC32C (full-object for a PUT, composite for a multipart upload) is reported with checksum mode.
     */
    /**
     * Without flexible checksums: CreateMultipartUpload answers the declaration as AWS does, while the parts'
     * {@code x-amz-checksum-*} are still ignored (a store that claims more than it verifies).
     */
    public void echoDeclarationOnly(boolean on) {
        echoDeclarationOnly = on;
    }

    public void sseKms(boolean on) {
        sseKms = on;
    }

    public byte[] object(String bucket, String key) {
        StoredObject o = objects.get("/" + bucket + "/" + key);
        return o == null ? null : o.data();
    }

    public void putObject(String bucket, String key, byte[] data) {
        objects.put("/" + bucket + "/" + key, new StoredObject(data, md5Hex(data)));
    }

    /** Stores an object as AWS does under SSE-KMS: an ETag that is not its MD5; its full-object CRC32C if asked. */
    public void putKmsObject(String bucket, String key, byte[] data, boolean withChecksum) {
        objects.put("/" + bucket + "/" + key, new StoredObject(data, md5Hex(("kms" + ids.incrementAndGet()).getBytes(
                StandardCharsets.UTF_8)), withChecksum ? crc32c(data) : null, true));
    }

    public int openUploads() {
        return uploads.size();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            answer(ex);
        }
    }

    /** Inside the exchange's try-with-resources, so an error answer goes out before the exchange is closed. */
    private void answer(HttpExchange ex) throws IOException {
        try {
            Map<String, String> headers = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), String.join(",", v)));
            Map<String, String> query = new LinkedHashMap<>();
            String raw = ex.getRequestURI().getRawQuery();
            if (raw != null) {
                for (String kv : raw.split("&")) {
                    int eq = kv.indexOf('=');
                    query.put(URLDecoder.decode(eq < 0 ? kv : kv.substring(0, eq), StandardCharsets.UTF_8),
                            eq < 0 ? "" : URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
            byte[] body = readAll(ex.getRequestBody());
            Request r = new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), query, headers, body);
            requests.add(r);
            if (failWith500.test(r)) {
                error(ex, 500, "InternalError", "injected");
                return;
            }
            route(ex, r);
        } catch (Refused e) {
            error(ex, e.status, e.code, e.getMessage());
        } catch (RuntimeException e) {
            error(ex, 500, "InternalError", String.valueOf(e));
        }
    }

    private void route(HttpExchange ex, Request r) throws IOException {
        String m = r.method();
        if (m.equals("POST") && r.query().containsKey("uploads")) {
            create(ex, r);
        } else if (r.isUploadPart()) {
            uploadPart(ex, r);
        } else if (r.isComplete()) {
            complete(ex, r);
        } else if (m.equals("GET") && r.query().containsKey("uploadId")) {
            listParts(ex, r);
        } else if (m.equals("DELETE") && r.query().containsKey("uploadId")) {
            uploads.remove(r.query().get("uploadId"));
            send(ex, 204, Map.of(), new byte[0]);
        } else if (m.equals("GET") && r.query().containsKey("uploads")) {
            listUploads(ex, r);
        } else if (m.equals("GET") && "2".equals(r.query().get("list-type"))) {
            listObjects(ex, r);
        } else if (m.equals("PUT") && r.header("x-amz-copy-source") != null) {
            copyObject(ex, r);
        } else if (m.equals("PUT")) {
            putObject(ex, r);
        } else if (m.equals("DELETE")) {
            objects.remove(r.path());
            send(ex, 204, Map.of(), new byte[0]);
        } else if (m.equals("HEAD") || m.equals("GET")) {
            StoredObject o = objects.get(r.path());
            if (o == null) {
                error(ex, 404, "NoSuchKey", "no such key");
                return;
            }
            requireSameKey(o.sseCustomerKeyMd5(), sseCustomerKey(r, SSEC), m + " " + r.path());
            String quoted = "\"" + o.eTag() + "\"";
            String ifMatch = r.header("if-match");
            if (ifMatch != null && !ifMatch.replace("\"", "").equals(o.eTag())) {
                error(ex, 412, "PreconditionFailed", "If-Match");
                return;
            }
            Map<String, String> h = new LinkedHashMap<>(o.stored());
            h.put("ETag", quoted);
            if (o.kms()) {
                h.put("x-amz-server-side-encryption", "aws:kms");
            }
            if (o.checksum() != null && "ENABLED".equalsIgnoreCase(r.header("x-amz-checksum-mode"))) {
                h.put("x-amz-checksum-crc32c", o.checksum());
                h.put("x-amz-checksum-type", o.checksum().contains("-") ? "COMPOSITE" : "FULL_OBJECT");
            }
            String range = r.header("range");
            if (m.equals("HEAD")) {
                h.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                ex.getResponseHeaders().set("Content-Type", "application/octet-stream");
                ex.getResponseHeaders().set("Content-Length", Long.toString(o.data().length));
                ex.sendResponseHeaders(200, -1);
            } else if (range != null && range.startsWith("bytes=") && range.endsWith("-")) {
                int from = Integer.parseInt(range.substring(6, range.length() - 1));
                h.put("Content-Range", "bytes " + from + "-" + (o.data().length - 1) + "/" + o.data().length);
                h.put("Content-Type", "application/octet-stream");
                h.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                byte[] rest = java.util.Arrays.copyOfRange(o.data(), from, o.data().length);
                ex.sendResponseHeaders(206, rest.length == 0 ? -1 : rest.length);
                ex.getResponseBody().write(rest);
            } else {
                h.put("Content-Type", "application/octet-stream");
                h.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
                ex.sendResponseHeaders(200, o.data().length == 0 ? -1 : o.data().length);
                ex.getResponseBody().write(o.data());
            }
        } else {
            error(ex, 501, "NotImplemented", m + " " + r.path());
        }
    }

    private void create(HttpExchange ex, Request r) throws IOException {
        String algorithm = flexibleChecksums ? r.header("x-amz-checksum-algorithm") : null;
        String id = "upload-" + ids.incrementAndGet();
        String keyMd5 = sseCustomerKey(r, SSEC);
        Map<String, String> stored = storedHeaders(r, keyMd5);
        uploads.put(id, new Upload(r.path(), algorithm, new ConcurrentHashMap<>(), keyMd5, stored));
        String[] bk = bucketKey(r.path());
        Map<String, String> answer = new LinkedHashMap<>(stored);
        String declared = r.header("x-amz-checksum-algorithm");
        if (declared != null && (flexibleChecksums || echoDeclarationOnly)) {
            // AWS answers the declaration with x-amz-checksum-algorithm and -type
            answer.put("x-amz-checksum-algorithm", declared);
            answer.put("x-amz-checksum-type", "COMPOSITE");
        }
        send(ex, 200, answer, ("<InitiateMultipartUploadResult><Bucket>" + bk[0] + "</Bucket><Key>" + bk[1]
                + "</Key><UploadId>" + id + "</UploadId></InitiateMultipartUploadResult>").getBytes(StandardCharsets.UTF_8));
    }

    private void uploadPart(HttpExchange ex, Request r) throws IOException {
        Upload u = uploads.get(r.query().get("uploadId"));
        if (u == null) {
            error(ex, 404, "NoSuchUpload", "no such upload");
            return;
        }
        if (u.sseCustomerKeyMd5() != null && sseCustomerKey(r, SSEC) == null) {
            error(ex, 400, "InvalidRequest", "The multipart upload initiate requested encryption. Subsequent part requests "
                    + "must include the appropriate encryption parameters.");
            return;
        }
        requireSameKey(u.sseCustomerKeyMd5(), sseCustomerKey(r, SSEC), "UploadPart");
        String crc = r.header("x-amz-checksum-crc32c");
        String actual = crc32c(r.body());
        if (flexibleChecksums) {
            if (crc != null && u.algorithm() == null) {
                error(ex, 400, "InvalidRequest",
                        "Checksum Type mismatch occurred, expected checksum Type: null, actual checksum Type: crc32c");
                return;
            }
            if ("CRC32C".equals(u.algorithm()) && crc == null) {
                error(ex, 400, "InvalidRequest",
                        "Checksum Type mismatch occurred, expected checksum Type: crc32c, actual checksum Type: null");
                return;
            }
            if (crc != null && !crc.equals(actual)) {
                error(ex, 400, "BadDigest", "The CRC32C you specified did not match the calculated checksum.");
                return;
            }
        }
        if (!md5Ok(r)) {
            error(ex, 400, "BadDigest", "The Content-MD5 you specified did not match what we received.");
            return;
        }
        int n = Integer.parseInt(r.query().get("partNumber"));
        String eTag = sseKms ? "kms-" + md5Hex((n + ":" + ids.incrementAndGet()).getBytes(StandardCharsets.UTF_8))
                : md5Hex(r.body());
        u.parts().put(n, new Part(r.body(), eTag, actual));
        Map<String, String> h = new LinkedHashMap<>(u.stored());
        h.remove("x-amz-storage-class");
        h.put("ETag", "\"" + eTag + "\"");
        if (flexibleChecksums && crc != null) {
            h.put("x-amz-checksum-crc32c", actual);
        }
        send(ex, 200, h, new byte[0]);
    }

    private static final Pattern PART = Pattern.compile("<Part>(.*?)</Part>", Pattern.DOTALL);

    private void complete(HttpExchange ex, Request r) throws IOException {
        Upload u = uploads.get(r.query().get("uploadId"));
        if (u == null) {
            error(ex, 404, "NoSuchUpload", "no such upload");
            return;
        }
        if (flexibleChecksums && !conditionsHold(ex, r)) {
            return;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        ByteArrayOutputStream md5s = new ByteArrayOutputStream();
        ByteArrayOutputStream crcs = new ByteArrayOutputStream();
        Matcher pm = PART.matcher(r.bodyText());
        int count = 0;
        while (pm.find()) {
            String p = pm.group(1);
            int n = Integer.parseInt(element(p, "PartNumber"));
            Part part = u.parts().get(n);
            String eTag = element(p, "ETag");
            if (part == null || eTag == null || !eTag.replace("\"", "").replace("&quot;", "").equals(part.eTag())) {
                error(ex, 400, "InvalidPart", "part " + n);
                return;
            }
            if ("CRC32C".equals(u.algorithm())) {
                String listed = element(p, "ChecksumCRC32C");
                if (listed == null) {
                    error(ex, 400, "InvalidRequest", "The upload was created using a crc32c checksum. The complete request "
                            + "must include the checksum for each part. It was missing for part " + n + " in the request.");
                    return;
                }
                if (!listed.equals(part.crc32c())) {
                    error(ex, 400, "InvalidPart", "checksum of part " + n);
                    return;
                }
            }
            all.writeBytes(part.data());
            md5s.writeBytes(sseKms ? digest("MD5", part.eTag().getBytes(StandardCharsets.UTF_8))
                    : HexFormat.of().parseHex(part.eTag()));
            crcs.writeBytes(Base64.getDecoder().decode(part.crc32c()));
            count++;
        }
        String eTag = (sseKms ? md5Hex(("opaque" + ids.incrementAndGet()).getBytes(StandardCharsets.UTF_8))
                : md5Hex(md5s.toByteArray())) + "-" + count;
        String composite = "CRC32C".equals(u.algorithm()) ? crc32c(crcs.toByteArray()) + "-" + count : null;
        objects.put(u.path(), new StoredObject(all.toByteArray(), eTag, composite, sseKms, u.sseCustomerKeyMd5(), u.stored()));
        uploads.remove(r.query().get("uploadId"));
        if (commitThen500.test(r)) {
            error(ex, 500, "InternalError", "committed, answer lost");
            return;
        }
        String[] bk = bucketKey(u.path());
        String checksum = "CRC32C".equals(u.algorithm())
                ? "<ChecksumCRC32C>" + crc32c(crcs.toByteArray()) + "-" + count + "</ChecksumCRC32C><ChecksumType>COMPOSITE</ChecksumType>"
                : "";
        Map<String, String> answered = new LinkedHashMap<>(u.stored());
        answered.remove("x-amz-storage-class");
        send(ex, 200, answered, ("<CompleteMultipartUploadResult><Bucket>" + bk[0] + "</Bucket><Key>" + bk[1] + "</Key><ETag>\""
                + eTag + "\"</ETag>" + checksum + "</CompleteMultipartUploadResult>").getBytes(StandardCharsets.UTF_8));
    }

    private void listParts(HttpExchange ex, Request r) throws IOException {
        Upload u = uploads.get(r.query().get("uploadId"));
        if (u == null) {
            error(ex, 404, "NoSuchUpload", "no such upload");
            return;
        }
        StringBuilder sb = new StringBuilder("<ListPartsResult><IsTruncated>false</IsTruncated>");
        new TreeMap<>(u.parts()).forEach((n, p) -> {
            sb.append("<Part><PartNumber>").append(n).append("</PartNumber><ETag>\"").append(p.eTag())
                    .append("\"</ETag><Size>").append(p.data().length).append("</Size>");
            if ("CRC32C".equals(u.algorithm())) {
                sb.append("<ChecksumCRC32C>").append(p.crc32c()).append("</ChecksumCRC32C>");
            }
            sb.append("</Part>");
        });
        send(ex, 200, Map.of(), sb.append("</ListPartsResult>").toString().getBytes(StandardCharsets.UTF_8));
    }

    private void listUploads(HttpExchange ex, Request r) throws IOException {
        String bucket = r.path().replaceAll("^/|/$", "");
        String prefix = r.query().getOrDefault("prefix", "");
        StringBuilder sb = new StringBuilder("<ListMultipartUploadsResult><IsTruncated>false</IsTruncated>");
        uploads.forEach((id, u) -> {
            String[] bk = bucketKey(u.path());
            if (bk[0].equals(bucket) && bk[1].startsWith(prefix)) {
                sb.append("<Upload><Key>").append(bk[1]).append("</Key><UploadId>").append(id)
                        .append("</UploadId><Initiated>2026-01-01T00:00:00.000Z</Initiated></Upload>");
            }
        });
        send(ex, 200, Map.of(), sb.append("</ListMultipartUploadsResult>").toString().getBytes(StandardCharsets.UTF_8));
    }

    private void putObject(HttpExchange ex, Request r) throws IOException {
        if (!conditionsHold(ex, r)) {
            return;
        }
        String crc = r.header("x-amz-checksum-crc32c");
        if (flexibleChecksums && crc != null && !crc.equals(crc32c(r.body()))) {
            error(ex, 400, "BadDigest", "CRC32C mismatch");
            return;
        }
        if (!md5Ok(r)) {
            error(ex, 400, "BadDigest", "Content-MD5 mismatch");
            return;
        }
        String keyMd5 = sseCustomerKey(r, SSEC);
        // under SSE-KMS the ETag is 32 hex digits, but not the MD5 of the bytes
        StoredObject o = new StoredObject(r.body(), sseKms ? md5Hex(("kms" + ids.incrementAndGet()).getBytes(
                StandardCharsets.UTF_8)) : md5Hex(r.body()), flexibleChecksums && crc != null ? crc : null, sseKms,
                keyMd5, storedHeaders(r, keyMd5));
        objects.put(r.path(), o);
        Map<String, String> h = new LinkedHashMap<>(o.stored());
        h.remove("x-amz-storage-class");
        h.put("ETag", "\"" + o.eTag() + "\"");
        if (flexibleChecksums && crc != null) {
            h.put("x-amz-checksum-crc32c", crc);
        }
        send(ex, 200, h, new byte[0]);
    }

    private void copyObject(HttpExchange ex, Request r) throws IOException {
        String source = URLDecoder.decode(r.header("x-amz-copy-source"), StandardCharsets.UTF_8);
        String[] sk = bucketKey(source.startsWith("/") ? source : "/" + source);
        StoredObject from = objects.get("/" + sk[0] + "/" + sk[1]);
        if (from == null) {
            error(ex, 404, "NoSuchKey", "copy source");
            return;
        }
        requireSameKey(from.sseCustomerKeyMd5(), sseCustomerKey(r, COPY_SSEC), "copy source");
        String keyMd5 = sseCustomerKey(r, SSEC);
        StoredObject o = new StoredObject(from.data(), from.eTag(), null, false, keyMd5, storedHeaders(r, keyMd5));
        objects.put(r.path(), o);
        Map<String, String> h = new LinkedHashMap<>(o.stored());
        h.remove("x-amz-storage-class");
        send(ex, 200, h, ("<CopyObjectResult><LastModified>2026-01-01T00:00:00.000Z</LastModified><ETag>\"" + o.eTag()
                + "\"</ETag></CopyObjectResult>").getBytes(StandardCharsets.UTF_8));
    }

    private void listObjects(HttpExchange ex, Request r) throws IOException {
        String bucket = r.path().replaceAll("^/|/$", "");
        String prefix = r.query().getOrDefault("prefix", "");
        StringBuilder sb = new StringBuilder("<ListBucketResult><IsTruncated>false</IsTruncated>");
        new TreeMap<>(objects).forEach((path, o) -> {
            String[] bk = bucketKey(path);
            if (bk[0].equals(bucket) && bk[1].startsWith(prefix)) {
                sb.append("<Contents><Key>").append(bk[1]).append("</Key><LastModified>2026-01-01T00:00:00.000Z</LastModified>"
                        + "<ETag>&quot;").append(o.eTag()).append("&quot;</ETag><Size>").append(o.data().length)
                        .append("</Size></Contents>");
            }
        });
        send(ex, 200, Map.of(), sb.append("</ListBucketResult>").toString().getBytes(StandardCharsets.UTF_8));
    }

    /** If-None-Match: * and If-Match (quoted or not) against the object at the request's path (or the upload's). */
    private boolean conditionsHold(HttpExchange ex, Request r) throws IOException {
        String path = r.isComplete() ? uploads.get(r.query().get("uploadId")).path() : r.path();
        StoredObject o = objects.get(path);
        String none = r.header("if-none-match");
        if ("*".equals(none) && o != null) {
            error(ex, 412, "PreconditionFailed", "At least one of the pre-conditions you specified did not hold");
            return false;
        }
        String match = r.header("if-match");
        if (match != null && (o == null || !match.replace("\"", "").equals(o.eTag()))) {
            error(ex, o == null ? 404 : 412, o == null ? "NoSuchKey" : "PreconditionFailed", "If-Match");
            return false;
        }
        return true;
    }

    private static boolean md5Ok(Request r) {
        String md5 = r.header("content-md5");
        return md5 == null || md5.equals(Base64.getEncoder().encodeToString(digest("MD5", r.body())));
    }

    private static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + name + ">(.*?)</" + name + ">", Pattern.DOTALL).matcher(xml);
        return m.find() ? m.group(1) : null;
    }

    private static String[] bucketKey(String path) {
        String p = path.substring(1);
        int slash = p.indexOf('/');
        return new String[] { p.substring(0, slash), URLDecoder.decode(p.substring(slash + 1), StandardCharsets.UTF_8) };
    }

    public static String crc32c(byte[] data) {
        CRC32C c = new CRC32C();
        c.update(data);
        return Base64.getEncoder().encodeToString(ByteBuffer.allocate(4).putInt((int) c.getValue()).array());
    }

    static String md5Hex(byte[] data) {
        return HexFormat.of().formatHex(digest("MD5", data));
    }

    private static byte[] digest(String algorithm, byte[] data) {
        try {
            return MessageDigest.getInstance(algorithm).digest(data);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void send(HttpExchange ex, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        if (body.length > 0) {
            ex.getResponseHeaders().set("Content-Type", "application/xml");
        }
        ex.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            ex.getResponseBody().write(body);
        }
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        send(ex, status, Map.of(), ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>"
                + message + "</Message><RequestId>fake</RequestId></Error>").getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
