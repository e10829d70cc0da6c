package io.github.s3lite.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import javax.net.ssl.SSLException;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.Hashing;
import io.github.s3lite.client.auth.QueryParam;
import io.github.s3lite.client.auth.SigV4Signer;
import io.github.s3lite.client.auth.SigningRequest;
import io.github.s3lite.client.auth.UriEncoder;
import io.github.s3lite.client.http.HttpTransport;
import io.github.s3lite.client.http.ResponseStream;
import io.github.s3lite.client.xml.S3Xml;
import io.github.s3lite.client.xml.XmlNode;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small S3 client: SigV4 over one pooled HttpClient 5. Thread-safe; close it to release its connections.
 * Every failure is an {@link S3Exception} subclass. There is no hidden retry loop: the single exception is one
 * re-sign after {@code RequestTimeTooSkewed}, with the clock offset learned from the server's {@code Date}.
 */
public final class S3Client implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(S3Client.class);
    private static final int MAX_ERROR_BODY = 64 * 1024;

    private final S3ClientConfig config;
    private final HttpTransport transport;
    private final SigV4Signer signer;
    private final URI endpoint;
    private final Clock clock;
    private volatile long clockOffsetMillis;
    private volatile Boolean flexibleChecksums;

    public S3Client(S3ClientConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With a given clock (tests of skew correction). */
    public S3Client(S3ClientConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.clock = clock;
        this.endpoint = withoutDefaultPort(config.effectiveEndpoint());
        this.signer = new SigV4Signer(config.region(), "s3");
        this.transport = new HttpTransport(new HttpTransport.Settings(config.connectTimeout(), config.socketTimeout(),
                config.maxConnections(), config.sslContext()));
    }

    public S3ClientConfig config() {
        return config;
    }

    /** Connections currently in use (a leak shows here). */
    public int leasedConnections() {
        return transport.leasedConnections();
    }

    /** Milliseconds added to the local clock when signing, learned from a {@code RequestTimeTooSkewed} answer. */
    public long clockOffsetMillis() {
        return clockOffsetMillis;
    }

    @Override
    public void close() {
        transport.close();
    }

    // ------------------------------------------------------------------ objects

    /** PutObject. The checksum (if any) is sent and compared with what the server reports. */
    public PutResult putObject(String bucket, String key, RequestBody body, ObjectWriteOptions options,
            ChecksumAlgorithm checksum) {
        S3Names.requireValidKey(key);
        if (body.length() > S3Limits.MAX_SINGLE_PUT_SIZE) {
            throw new IllegalArgumentException("A single PUT takes at most 5 GiB; " + body.length()
                    + " bytes need a multipart upload");
        }
        Map<String, String> headers = writeHeaders(options);
        return sendChecksummed("PUT " + bucket + "/" + key, checksum, body, headers,
                h -> new Call("PUT", bucket, key, List.of(), h, body, SigV4Signer.UNSIGNED_PAYLOAD),
                (r, eTag) -> new PutResult(eTag, header(r, "x-amz-version-id")));
    }

    /**
     * GetObject, streaming. The caller must close the response (or read its body to the end). A 304 to an
     * {@code If-None-Match} is returned with {@code notModified=true}; a failed {@code If-Match} throws
     * {@link S3PreconditionFailedException}.
     */
    public GetObjectResponse getObject(String bucket, String key, GetOptions options) {
        S3Names.requireValidKey(key);
        Map<String, String> headers = new LinkedHashMap<>();
        GetOptions o = options == null ? GetOptions.NONE : options;
        putIfPresent(headers, "Range", o.range());
        putIfPresent(headers, "If-Match", o.ifMatch());
        putIfPresent(headers, "If-None-Match", o.ifNoneMatch());
        ClassicHttpResponse r = execute(new Call("GET", bucket, key, List.of(), headers, null, SigV4Signer.EMPTY_SHA256), true);
        ObjectInfo info = objectInfo(key, r);
        if (r.getCode() == 304) {
            closeQuietly(r);
            return new GetObjectResponse(info, null, true);
        }
        try {
            HttpEntity entity = r.getEntity();
            InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent();
            return new GetObjectResponse(info, new ResponseStream(in, r), false);
        } catch (IOException e) {
            closeQuietly(r);
            throw ioFailure("GET", bucket, key, e);
        }
    }

    /** HeadObject; {@link S3NotFoundException} when the key does not exist. */
    public ObjectInfo headObject(String bucket, String key, GetOptions options) {
        S3Names.requireValidKey(key);
        Map<String, String> headers = new LinkedHashMap<>();
        if (options != null) {
            putIfPresent(headers, "If-Match", options.ifMatch());
            putIfPresent(headers, "If-None-Match", options.ifNoneMatch());
        }
        return executeAndRead(new Call("HEAD", bucket, key, List.of(), headers, null, SigV4Signer.EMPTY_SHA256),
                r -> objectInfo(key, r));
    }

    /** DeleteObject. Deleting a missing key succeeds (S3 semantics). */
    public void deleteObject(String bucket, String key) {
        S3Names.requireValidKey(key);
        executeAndRead(new Call("DELETE", bucket, key, List.of(), new LinkedHashMap<>(), null, SigV4Signer.EMPTY_SHA256),
                r -> null);
    }

    /** DeleteObjects, in batches of 1,000. Per-key failures are reported in the result, not thrown. */
    public DeleteObjectsResult deleteObjects(String bucket, List<String> keys) {
        List<String> deleted = new ArrayList<>();
        List<DeleteObjectsResult.Error> errors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += S3Limits.MAX_DELETE_BATCH) {
            List<String> batch = keys.subList(i, Math.min(keys.size(), i + S3Limits.MAX_DELETE_BATCH));
            batch.forEach(S3Names::requireValidKey);
            byte[] xml = S3Xml.delete(batch).getBytes(StandardCharsets.UTF_8);
            DeleteObjectsResult page = executeAndRead(xmlCall("POST", bucket, null, List.of(new QueryParam("delete", "")), xml),
                    r -> S3Xml.deleteResult(parseXml(r, "DeleteObjects", bucket, null)));
            deleted.addAll(page.deleted());
            errors.addAll(page.errors());
        }
        return new DeleteObjectsResult(List.copyOf(deleted), List.copyOf(errors));
    }

    /** One ListObjectsV2 page. {@code maxKeys} 0 means the server default (1,000). */
    public ListPage listObjects(String bucket, String prefix, String delimiter, String continuationToken, int maxKeys,
            String startAfter) {
        List<QueryParam> q = new ArrayList<>();
        q.add(new QueryParam("list-type", "2"));
        addIfPresent(q, "prefix", prefix);
        addIfPresent(q, "delimiter", delimiter);
        addIfPresent(q, "continuation-token", continuationToken);
        addIfPresent(q, "start-after", startAfter);
        if (maxKeys > 0) {
            q.add(new QueryParam("max-keys", Integer.toString(Math.min(maxKeys, S3Limits.MAX_KEYS_PER_PAGE))));
        }
        return executeAndRead(new Call("GET", bucket, null, q, new LinkedHashMap<>(), null, SigV4Signer.EMPTY_SHA256),
                r -> S3Xml.listPage(parseXml(r, "ListObjectsV2", bucket, null)));
    }

    /** Every object under a prefix, following continuation tokens, up to {@code limit} (0 = no limit). */
    public List<S3ObjectSummary> listAllObjects(String bucket, String prefix, int limit) {
        List<S3ObjectSummary> out = new ArrayList<>();
        String token = null;
        do {
            ListPage page = listObjects(bucket, prefix, null, token, 0, null);
            for (S3ObjectSummary s : page.objects()) {
                if (limit > 0 && out.size() >= limit) {
                    return out;
                }
                out.add(s);
            }
            token = page.nextContinuationToken();
        } while (token != null);
        return out;
    }

    /**
     * CopyObject. With {@code replace} non-null the destination gets its content type and metadata
     * ({@code x-amz-metadata-directive: REPLACE}); otherwise the source's are copied.
     */
    public CopyResult copyObject(String sourceBucket, String sourceKey, String bucket, String key,
            ObjectWriteOptions replace) {
        S3Names.requireValidBucket(sourceBucket);
        S3Names.requireValidKey(sourceKey);
        S3Names.requireValidKey(key);
        Map<String, String> headers = replace == null ? new LinkedHashMap<>() : writeHeaders(replace);
        headers.put("x-amz-copy-source", "/" + sourceBucket + "/" + UriEncoder.encode(sourceKey, true));
        headers.put("x-amz-metadata-directive", replace == null ? "COPY" : "REPLACE");
        return executeAndRead(new Call("PUT", bucket, key, List.of(), headers, null, SigV4Signer.EMPTY_SHA256),
                r -> S3Xml.copyResult(parseXml(r, "CopyObject", bucket, key), header(r, "x-amz-version-id")));
    }

    // ------------------------------------------------------------------ buckets

    /** HeadBucket: returns normally when the bucket exists and is reachable with these credentials. */
    public void headBucket(String bucket) {
        executeAndRead(new Call("HEAD", bucket, null, List.of(), new LinkedHashMap<>(), null, SigV4Signer.EMPTY_SHA256),
                r -> null);
    }

    /** True when HeadBucket succeeds, false on 404; other failures are thrown. */
    public boolean bucketExists(String bucket) {
        try {
            headBucket(bucket);
            return true;
        } catch (S3NotFoundException e) {
            return false;
        }
    }

    /** CreateBucket in the client's region. */
    public void createBucket(String bucket) {
        S3Names.requireValidBucket(bucket);
        if (S3ClientConfig.DEFAULT_REGION.equals(config.region())) {
            executeAndRead(new Call("PUT", bucket, null, List.of(), new LinkedHashMap<>(), null, SigV4Signer.EMPTY_SHA256),
                    r -> null);
        } else {
            byte[] xml = ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                    + S3Xml.escape(config.region()) + "</LocationConstraint></CreateBucketConfiguration>")
                    .getBytes(StandardCharsets.UTF_8);
            executeAndRead(xmlCall("PUT", bucket, null, List.of(), xml), r -> null);
        }
    }

    // ------------------------------------------------------------------ multipart

    /** CreateMultipartUpload; returns the upload id. Content type and metadata are given here, once. */
    public String createMultipartUpload(String bucket, String key, ObjectWriteOptions options) {
        S3Names.requireValidKey(key);
        Map<String, String> headers = writeHeaders(options.withoutConditions());
        return executeAndRead(new Call("POST", bucket, key, List.of(new QueryParam("uploads", "")), headers, null,
                SigV4Signer.EMPTY_SHA256), r -> {
                    String id = parseXml(r, "CreateMultipartUpload", bucket, key).text("UploadId");
                    if (id == null || id.isBlank()) {
                        throw new S3Exception("CreateMultipartUpload for " + bucket + "/" + key + " returned no UploadId");
                    }
                    return id;
                });
    }

    /** UploadPart; the checksum (if any) is sent and compared with what the server reports. */
    public PartInfo uploadPart(String bucket, String key, String uploadId, int partNumber, RequestBody body,
            ChecksumAlgorithm checksum) {
        if (partNumber < 1 || partNumber > S3Limits.MAX_PARTS) {
            throw new IllegalArgumentException("Part number " + partNumber + " is outside 1.." + S3Limits.MAX_PARTS);
        }
        List<QueryParam> q = List.of(new QueryParam("partNumber", Integer.toString(partNumber)),
                new QueryParam("uploadId", uploadId));
        String what = "UploadPart " + partNumber + " of " + bucket + "/" + key;
        return sendChecksummed(what, checksum, body, new LinkedHashMap<>(),
                h -> new Call("PUT", bucket, key, q, h, body, SigV4Signer.UNSIGNED_PAYLOAD), (r, eTag) -> {
                    if (eTag == null) {
                        throw new S3TransientException("S3 " + what + " returned no ETag", r.getCode(), null,
                                header(r, "x-amz-request-id"), null);
                    }
                    return new PartInfo(partNumber, eTag, body.length(), null);
                });
    }

    /** Whether the store verifies {@code x-amz-checksum-crc32c}: null until the first AUTO request told. */
    public Boolean flexibleChecksums() {
        return flexibleChecksums;
    }

    private interface WriteReader<T> {
        T read(ClassicHttpResponse response, String eTag) throws IOException;
    }

    /**
     * Sends a body with its checksum header(s) and checks what the server reports. {@link ChecksumAlgorithm#AUTO}
     * negotiates once per client: the first request carries Content-MD5 and x-amz-checksum-crc32c, and the answer
     * decides which one later requests carry.
     */
    private <T> T sendChecksummed(String what, ChecksumAlgorithm requested, RequestBody body, Map<String, String> base,
            java.util.function.Function<Map<String, String>, Call> callFor, WriteReader<T> reader) {
        Boolean flexible = flexibleChecksums;
        boolean probe = requested == ChecksumAlgorithm.AUTO && flexible == null;
        List<ChecksumAlgorithm> algorithms = requested != ChecksumAlgorithm.AUTO ? List.of(requested)
                : probe ? List.of(ChecksumAlgorithm.MD5, ChecksumAlgorithm.CRC32C)
                : List.of(flexible ? ChecksumAlgorithm.CRC32C : ChecksumAlgorithm.MD5);
        Map<String, String> headers = new LinkedHashMap<>(base);
        Map<ChecksumAlgorithm, String> sums = Checksums.computeAll(algorithms, body);
        sums.forEach((a, sum) -> headers.put(a.header(), sum));
        try {
            return executeAndRead(callFor.apply(headers), r -> {
                String eTag = header(r, "ETag");
                sums.forEach((a, sum) -> verifyChecksum(r, a, sum, eTag, what));
                if (probe && sums.containsKey(ChecksumAlgorithm.CRC32C)) {
                    boolean echoed = header(r, ChecksumAlgorithm.CRC32C.header()) != null;
                    flexibleChecksums = echoed;
                    LOG.debug("{} {} x-amz-checksum-crc32c: using {} from now on", endpoint.getHost(),
                            echoed ? "verifies" : "ignores", echoed ? "CRC32C" : "Content-MD5");
                }
                return reader.read(r, eTag);
            });
        } catch (S3Exception e) {
            boolean refused = (e.getStatusCode() == 400 && !"BadDigest".equals(e.getErrorCode())) || e.getStatusCode() == 501;
            if (probe && refused && body.repeatable()) {
                flexibleChecksums = false;
                LOG.info("{} refused x-amz-checksum-crc32c ({}): using Content-MD5 from now on", endpoint.getHost(),
                        e.getErrorCode());
                return sendChecksummed(what, ChecksumAlgorithm.MD5, body, base, callFor, reader);
            }
            throw e;
        }
    }

    /**
     * CompleteMultipartUpload. A {@code 200 OK} whose body is {@code <Error>} is an error (S3 may fail after
     * sending the status line). {@code ifNoneMatch "*"} makes completion fail if the key appeared meanwhile.
     */
    public PutResult completeMultipartUpload(String bucket, String key, String uploadId, List<PartInfo> parts,
            String ifNoneMatch) {
        byte[] xml = S3Xml.completeMultipartUpload(parts).getBytes(StandardCharsets.UTF_8);
        Call call = xmlCall("POST", bucket, key, List.of(new QueryParam("uploadId", uploadId)), xml);
        putIfPresent(call.headers(), "If-None-Match", ifNoneMatch);
        return executeAndRead(call, r -> {
            XmlNode root = parseXml(r, "CompleteMultipartUpload", bucket, key);
            if ("Error".equals(root.name())) {
                throw classify(200, root.text("Code"), root.text("Message"), root.text("RequestId"),
                        "CompleteMultipartUpload " + bucket + "/" + key, null);
            }
            String eTag = root.text("ETag");
            return new PutResult(eTag != null ? eTag : header(r, "ETag"), header(r, "x-amz-version-id"));
        });
    }

    /** AbortMultipartUpload. */
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        executeAndRead(new Call("DELETE", bucket, key, List.of(new QueryParam("uploadId", uploadId)), new LinkedHashMap<>(),
                null, SigV4Signer.EMPTY_SHA256), r -> null);
    }

    /** ListParts, all pages. */
    public List<PartInfo> listParts(String bucket, String key, String uploadId) {
        List<PartInfo> out = new ArrayList<>();
        Integer marker = null;
        do {
            List<QueryParam> q = new ArrayList<>();
            q.add(new QueryParam("uploadId", uploadId));
            if (marker != null) {
                q.add(new QueryParam("part-number-marker", marker.toString()));
            }
            S3Xml.PartsPage page = executeAndRead(new Call("GET", bucket, key, q, new LinkedHashMap<>(), null,
                    SigV4Signer.EMPTY_SHA256), r -> S3Xml.partsPage(parseXml(r, "ListParts", bucket, key)));
            out.addAll(page.parts());
            Integer next = page.nextPartNumberMarker();
            marker = next != null && !next.equals(marker) ? next : null;
        } while (marker != null);
        return out;
    }

    /** ListMultipartUploads under a prefix (null for all), all pages. */
    public List<MultipartUploadInfo> listMultipartUploads(String bucket, String prefix) {
        List<MultipartUploadInfo> out = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        while (true) {
            List<QueryParam> q = new ArrayList<>();
            q.add(new QueryParam("uploads", ""));
            addIfPresent(q, "prefix", prefix);
            addIfPresent(q, "key-marker", keyMarker);
            addIfPresent(q, "upload-id-marker", idMarker);
            S3Xml.UploadsPage page = executeAndRead(new Call("GET", bucket, null, q, new LinkedHashMap<>(), null,
                    SigV4Signer.EMPTY_SHA256), r -> S3Xml.uploadsPage(parseXml(r, "ListMultipartUploads", bucket, null)));
            out.addAll(page.uploads());
            if (!page.truncated() || page.nextKeyMarker() == null
                    || (page.nextKeyMarker().equals(keyMarker) && Objects.equals(page.nextUploadIdMarker(), idMarker))) {
                return out;
            }
            keyMarker = page.nextKeyMarker();
            idMarker = page.nextUploadIdMarker();
        }
    }

    // ------------------------------------------------------------------ presigned URLs

    /** A presigned GET URL valid for {@code expires} (1 s to 7 days). */
    public String presignGet(String bucket, String key, Duration expires) {
        return presign("GET", bucket, key, expires, Map.of());
    }

    /** A presigned PUT URL; when {@code contentType} is given the uploader must send exactly that Content-Type. */
    public String presignPut(String bucket, String key, Duration expires, String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        putIfPresent(headers, "Content-Type", contentType);
        return presign("PUT", bucket, key, expires, headers);
    }

    private String presign(String method, String bucket, String key, Duration expires, Map<String, String> headers) {
        S3Names.requireValidKey(key);
        if (expires == null || expires.toSeconds() < 1 || expires.toSeconds() > S3Limits.MAX_PRESIGN_SECONDS) {
            throw new IllegalArgumentException("Presigned URL lifetime must be between 1 second and 7 days, was " + expires);
        }
        Target t = target(bucket, key);
        Credentials creds = config.credentials().credentials();
        List<QueryParam> q = signer.presign(new SigningRequest(method, t.host(), t.path(), List.of(), headers,
                SigV4Signer.UNSIGNED_PAYLOAD), creds, now(), expires);
        return uri(t, q).toString();
    }

    // ------------------------------------------------------------------ request execution

    /** One request before signing. Headers are mutable until sent. */
    record Call(String method, String bucket, String key, List<QueryParam> query, Map<String, String> headers,
            RequestBody body, String payloadHash) {
        String describe() {
            return method + " " + (bucket == null ? "" : bucket) + (key == null ? "" : "/" + key);
        }
    }

    private static Call xmlCall(String method, String bucket, String key, List<QueryParam> query, byte[] xml) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/xml");
        headers.put("Content-MD5", Checksums.compute(ChecksumAlgorithm.MD5, RequestBody.of(xml)));
        return new Call(method, bucket, key, query, headers, RequestBody.of(xml), Hashing.sha256Hex(xml));
    }

    private interface ResponseReader<T> {
        T read(ClassicHttpResponse response) throws IOException;
    }

    private <T> T executeAndRead(Call call, ResponseReader<T> reader) {
        ClassicHttpResponse r = execute(call, false);
        try {
            return reader.read(r);
        } catch (IOException e) {
            throw ioFailure(call.method(), call.bucket(), call.key(), e);
        } finally {
            closeQuietly(r);
        }
    }

    /** Signs and sends; returns a successful (2xx, or 304 when {@code allow304}) open response, else throws. */
    private ClassicHttpResponse execute(Call call, boolean allow304) {
        if (call.bucket() != null) {
            S3Names.requireValidBucket(call.bucket());
        }
        boolean resigned = false;
        while (true) {
            Target t = target(call.bucket(), call.key());
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            headers.putAll(call.headers());
            headers.put("x-amz-content-sha256", call.payloadHash());
            Credentials creds = config.credentials().credentials();
            Map<String, String> sig = signer.signHeaders(new SigningRequest(call.method(), t.host(), t.path(),
                    call.query(), headers, call.payloadHash()), creds, now());
            Map<String, String> sent = new LinkedHashMap<>(headers);
            sent.putAll(sig);
            long start = System.nanoTime();
            ClassicHttpResponse r;
            try {
                r = transport.send(call.method(), uri(t, call.query()), sent, call.body());
            } catch (IOException e) {
                throw ioFailure(call.method(), call.bucket(), call.key(), e);
            }
            int code = r.getCode();
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} -> {} ({} ms)", call.describe(), code, (System.nanoTime() - start) / 1_000_000);
            }
            if (code / 100 == 2 || (allow304 && code == 304)) {
                return r;
            }
            S3Exception failure = failure(call, r);
            if (!resigned && "RequestTimeTooSkewed".equals(failure.getErrorCode())
                    && (call.body() == null || call.body().repeatable()) && learnClockOffset(r)) {
                resigned = true;
                LOG.warn("Clock skew against {}: re-signing once with an offset of {} ms", endpoint.getHost(), clockOffsetMillis);
                continue;
            }
            throw failure;
        }
    }

    private boolean learnClockOffset(ClassicHttpResponse r) {
        String date = header(r, "Date");
        if (date == null) {
            return false;
        }
        try {
            Instant server = ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            clockOffsetMillis = server.toEpochMilli() - clock.millis();
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis() + clockOffsetMillis);
    }

    private S3Exception failure(Call call, ClassicHttpResponse r) {
        try {
            int code = r.getCode();
            String requestId = header(r, "x-amz-request-id");
            String errorCode = null;
            String message = null;
            HttpEntity entity = r.getEntity();
            if (entity != null && !"HEAD".equals(call.method())) {
                byte[] body = entity.getContent().readNBytes(MAX_ERROR_BODY);
                if (body.length > 0 && body[0] == '<' || (body.length > 5 && new String(body, 0, 5, StandardCharsets.UTF_8).startsWith("<?xml"))) {
                    try {
                        XmlNode err = XmlNode.parse(new ByteArrayInputStream(body));
                        errorCode = err.text("Code");
                        message = err.text("Message");
                        if (err.text("RequestId") != null) {
                            requestId = err.text("RequestId");
                        }
                    } catch (IOException ignored) {
                        // not XML: keep the status only
                    }
                }
            }
            if (errorCode == null && code == 404) {
                errorCode = call.key() == null ? "NoSuchBucket" : "NoSuchKey";
            }
            return classify(code, errorCode, message, requestId, call.describe(), null);
        } catch (IOException e) {
            return ioFailure(call.method(), call.bucket(), call.key(), e);
        } finally {
            closeQuietly(r);
        }
    }

    /** The single place where an S3 answer becomes an exception type. */
    static S3Exception classify(int status, String errorCode, String message, String requestId, String what,
            Throwable cause) {
        String text = "S3 " + what + " failed: HTTP " + status + (errorCode != null ? " " + errorCode : "")
                + (message != null ? " - " + message : "") + (requestId != null ? " (request id " + requestId + ")" : "");
        String ec = errorCode == null ? "" : errorCode;
        switch (ec) {
            case "SlowDown", "InternalError", "RequestTimeout", "ServiceUnavailable", "Throttling", "ThrottlingException",
                    "RequestThrottled", "OperationAborted", "BadDigest", "IncompleteBody", "XAmzContentSHA256Mismatch",
                    "InvalidDigest" -> {
                return new S3TransientException(text, status, errorCode, requestId, cause);
            }
            case "NoSuchKey", "NoSuchBucket", "NoSuchUpload", "NoSuchVersion" -> {
                return new S3NotFoundException(text, status, errorCode, requestId);
            }
            case "AccessDenied", "SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidToken", "ExpiredToken",
                    "RequestTimeTooSkewed", "AccountProblem", "AllAccessDisabled" -> {
                return new S3AccessDeniedException(text, status, errorCode, requestId);
            }
            case "PreconditionFailed", "ConditionalRequestConflict" -> {
                return new S3PreconditionFailedException(text, status, errorCode, requestId);
            }
            default -> {
                // by status below
            }
        }
        if (status >= 500 || status == 429) {
            return new S3TransientException(text, status, errorCode, requestId, cause);
        }
        if (status == 404) {
            return new S3NotFoundException(text, status, errorCode, requestId);
        }
        if (status == 401 || status == 403) {
            return new S3AccessDeniedException(text, status, errorCode, requestId);
        }
        if (status == 412) {
            return new S3PreconditionFailedException(text, status, errorCode, requestId);
        }
        return new S3Exception(text, status, errorCode, requestId, cause);
    }

    private static S3Exception ioFailure(String method, String bucket, String key, IOException e) {
        String what = method + " " + (bucket == null ? "" : bucket) + (key == null ? "" : "/" + key);
        String text = "S3 " + what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof UnknownHostException) {
            return new S3Exception(text + " (check the endpoint and region)", 0, null, null, e);
        }
        if (e instanceof SSLException && !(e.getCause() instanceof SocketException)) {
            return new S3Exception(text + " (TLS failure: check the endpoint's certificate)", 0, null, null, e);
        }
        // resets, refused connections, timeouts, truncated responses: a retry can cure them
        return new S3TransientException(text, 0, null, null, e);
    }

    private static void verifyChecksum(ClassicHttpResponse r, ChecksumAlgorithm algorithm, String sent, String eTag,
            String what) {
        if (sent == null) {
            return;
        }
        if (algorithm == ChecksumAlgorithm.MD5) {
            // The server verified Content-MD5 itself; where the ETag is the plain MD5 (no SSE-KMS/SSE-C) compare it too.
            String e = eTag == null ? null : eTag.replace("\"", "");
            boolean plain = header(r, "x-amz-server-side-encryption-customer-algorithm") == null
                    && !"aws:kms".equals(header(r, "x-amz-server-side-encryption"));
            if (plain && e != null && e.length() == 32 && e.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(sent));
                if (!hex.equalsIgnoreCase(e)) {
                    throw new S3TransientException("S3 " + what + ": the server stored MD5 " + e + " but " + hex
                            + " was sent; the data was altered in transit", r.getCode(), "BadDigest",
                            header(r, "x-amz-request-id"), null);
                }
            }
        } else {
            String echoed = header(r, algorithm.header());
            if (echoed != null && !echoed.equals(sent)) {
                throw new S3TransientException("S3 " + what + ": the server reports " + algorithm.header() + " " + echoed
                        + " but " + sent + " was sent", r.getCode(), "BadDigest", header(r, "x-amz-request-id"), null);
            }
        }
    }

    // ------------------------------------------------------------------ addressing

    /** Host header value and encoded path of a request. */
    record Target(String scheme, String host, String path) {
    }

    Target target(String bucket, String key) {
        String host = endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        String base = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
        String encodedKey = key == null ? "" : UriEncoder.encode(key, true);
        if (bucket == null) {
            return new Target(endpoint.getScheme(), host, base.isEmpty() ? "/" : base + "/");
        }
        boolean virtualHost = !config.pathStyle() && !(bucket.contains(".") && "https".equalsIgnoreCase(endpoint.getScheme()));
        if (virtualHost) {
            String path = base + "/" + encodedKey;
            return new Target(endpoint.getScheme(), bucket + "." + host, path);
        }
        String path = base + "/" + bucket + (key == null ? "" : "/" + encodedKey);
        return new Target(endpoint.getScheme(), host, path);
    }

    private static URI uri(Target t, List<QueryParam> query) {
        StringBuilder sb = new StringBuilder(t.scheme()).append("://").append(t.host()).append(t.path());
        char sep = '?';
        for (QueryParam p : query) {
            sb.append(sep).append(UriEncoder.encode(p.name(), false)).append('=')
                    .append(UriEncoder.encode(p.value() == null ? "" : p.value(), false));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private static URI withoutDefaultPort(URI u) {
        int port = u.getPort();
        boolean isDefault = (port == 80 && "http".equalsIgnoreCase(u.getScheme()))
                || (port == 443 && "https".equalsIgnoreCase(u.getScheme()));
        if (!isDefault) {
            return u;
        }
        return URI.create(u.getScheme().toLowerCase(Locale.ROOT) + "://" + u.getHost()
                + (u.getRawPath() == null ? "" : u.getRawPath()));
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, String> writeHeaders(ObjectWriteOptions o) {
        Map<String, String> h = new LinkedHashMap<>();
        if (o == null) {
            return h;
        }
        putIfPresent(h, "Content-Type", o.contentType());
        putIfPresent(h, "Content-Encoding", o.contentEncoding());
        putIfPresent(h, "Cache-Control", o.cacheControl());
        putIfPresent(h, "Content-Disposition", o.contentDisposition());
        putIfPresent(h, "If-Match", o.ifMatch());
        putIfPresent(h, "If-None-Match", o.ifNoneMatch());
        o.metadata().forEach((k, v) -> h.put("x-amz-meta-" + k, v));
        return h;
    }

    private static ObjectInfo objectInfo(String key, ClassicHttpResponse r) {
        Map<String, String> meta = new LinkedHashMap<>();
        for (Header h : r.getHeaders()) {
            String n = h.getName().toLowerCase(Locale.ROOT);
            if (n.startsWith("x-amz-meta-")) {
                meta.merge(n.substring("x-amz-meta-".length()), h.getValue(), (a, b) -> a + "," + b);
            }
        }
        long length = -1;
        String cl = header(r, "Content-Length");
        if (cl != null) {
            length = Long.parseLong(cl.trim());
        } else if (r.getEntity() != null) {
            length = r.getEntity().getContentLength();
        }
        String lm = header(r, "Last-Modified");
        Instant lastModified = null;
        if (lm != null) {
            try {
                lastModified = ZonedDateTime.parse(lm, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            } catch (RuntimeException ignored) {
                // leave null
            }
        }
        return new ObjectInfo(key, length, header(r, "Content-Type"), header(r, "ETag"), lastModified,
                header(r, "x-amz-version-id"), header(r, "Content-Encoding"), header(r, "Cache-Control"),
                header(r, "Content-Disposition"), header(r, "Content-Range"), Map.copyOf(meta));
    }

    private static XmlNode parseXml(ClassicHttpResponse r, String what, String bucket, String key) throws IOException {
        HttpEntity e = r.getEntity();
        if (e == null) {
            throw new S3TransientException("S3 " + what + " " + bucket + (key == null ? "" : "/" + key)
                    + " returned no body", r.getCode(), null, header(r, "x-amz-request-id"), null);
        }
        try (InputStream in = e.getContent()) {
            return XmlNode.parse(in);
        }
    }

    static String header(ClassicHttpResponse r, String name) {
        Header h = r.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static void putIfPresent(Map<String, String> m, String k, String v) {
        if (v != null && !v.isEmpty()) {
            m.put(k, v);
        }
    }

    private static void addIfPresent(List<QueryParam> q, String k, String v) {
        if (v != null && !v.isEmpty()) {
            q.add(new QueryParam(k, v));
        }
    }

    private static void closeQuietly(ClassicHttpResponse r) {
        try {
            r.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }
}
