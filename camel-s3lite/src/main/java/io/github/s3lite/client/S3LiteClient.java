package io.github.s3lite.client;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.github.s3lite.client.auth.QueryParam;
import io.github.s3lite.client.auth.SigV4Signer;
import io.github.s3lite.client.xml.XmlNode;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

import static io.github.s3lite.client.Call.addIfPresent;
import static io.github.s3lite.client.Call.putIfPresent;
import static io.github.s3lite.client.Call.writeHeaders;
import static io.github.s3lite.client.Call.xmlCall;
import static io.github.s3lite.client.Responses.closeQuietly;
import static io.github.s3lite.client.Responses.header;
import static io.github.s3lite.client.Responses.objectInfo;
import static io.github.s3lite.client.Responses.parseXml;
import static io.github.s3lite.client.S3Errors.ioFailure;

/**
 * A small S3 client: SigV4 over one pooled HttpClient 5. Thread-safe; close it to release its connections.
 * <p>
 * This class is the façade: one method per S3 operation, each building a {@link Call} and reading the answer.
 * The machinery lives in named parts of this package: {@link RequestExecutor} (signing, transport, clock offset,
 * the 2xx/304 contract), {@link S3Errors} (status and error code to exception type), {@link ChecksumNegotiation},
 * {@link Addressing} (virtual-host or path style), {@link Responses} and {@link S3Xml} (response mapping) and
 * {@link Presigner}. There is no hidden retry loop; the documented exceptions are one re-sign after a clock skew
 * (learned from the server's {@code Date}) and one re-send of an idempotent request whose pooled connection turned
 * out stale before any byte of the answer.
 * <p>
 * Named {@code S3LiteClient} so that an IDE's auto-import never takes it for the AWS SDK's {@code S3Client}.
 * Size: one short public method per S3 operation (and its overloads), each only building its {@link Call} and
 * mapping the answer; the machinery is in the parts named above.
 */
public final class S3LiteClient implements AutoCloseable {

    private final S3ClientConfig config;
    private final RequestExecutor executor;
    private final ChecksumNegotiation checksums;
    private final Presigner presigner;
    private final ObjectAccess access;
    private final boolean view;

    /**
     * A client with its own connection pool; close it when done.
     *
     * @param config endpoint, region, addressing, credentials, timeouts, pool size, TLS and proxy settings
     */
    public S3LiteClient(S3ClientConfig config) {
        this(config, Clock.systemUTC());
    }

    /** With a given clock (tests of skew correction). */
    public S3LiteClient(S3ClientConfig config, Clock clock) {
        this.config = Objects.requireNonNull(config, "config");
        this.executor = new RequestExecutor(config, clock);
        this.checksums = new ChecksumNegotiation(executor);
        this.presigner = new Presigner(config, executor);
        this.access = ObjectAccess.NONE;
        this.view = false;
    }

    private S3LiteClient(S3LiteClient base, ObjectAccess access) {
        this.config = base.config;
        this.executor = base.executor;
        this.checksums = base.checksums;
        this.presigner = base.presigner;
        this.access = access;
        this.view = true;
    }

    /**
     * A view of this client whose requests also carry {@code access} (an SSE-C key, the expected bucket owner, the
     * request payer: see {@link ObjectAccess} for which request gets which header). It shares this client's
     * connections, clock offset and checksum negotiation; closing a view does nothing (close the client it came from).
     *
     * @throws IllegalArgumentException for an SSE-C key over plain http, unless {@code access} allows it
     */
    public S3LiteClient withAccess(ObjectAccess access) {
        ObjectAccess a = access == null ? ObjectAccess.NONE : access;
        if (a.sseCustomerKey() != null && !a.sseCustomerKeyOverHttp()
                && "http".equalsIgnoreCase(config.effectiveEndpoint().getScheme())) {
            throw new IllegalArgumentException("sseCustomerKey over plain http (endpoint " + config.effectiveEndpoint()
                    + ") would send the encryption key in clear text: use an https endpoint, or set sseCustomerKeyOverHttp=true "
                    + "for a trusted network (AWS S3 itself refuses SSE-C over http)");
        }
        if (a.equals(this.access)) {
            return this; // NONE on a client is the client itself
        }
        return new S3LiteClient(this, a); // the parts are shared; a view of a view replaces the access
    }

    /** What every request of this client carries besides its parameters ({@link ObjectAccess#NONE} unless a view). */
    public ObjectAccess access() {
        return access;
    }

    /** The settings this client was built with. */
    public S3ClientConfig config() {
        return config;
    }

    /** Connections currently in use (a leak shows here). */
    public int leasedConnections() {
        return executor.leasedConnections();
    }

    /** Milliseconds added to the local clock when signing, learned from a {@code RequestTimeTooSkewed} answer. */
    public long clockOffsetMillis() {
        return executor.clockOffsetMillis();
    }

    /** Closes the connections; a view ({@link #withAccess}) leaves them to the client it came from. */
    @Override
    public void close() {
        if (!view) {
            executor.close();
        }
    }

    // ------------------------------------------------------------------ objects

    /**
     * PutObject. The checksum (if any) is sent and compared with what the server reports. With AUTO, a large body
     * (at least 16 MiB) sent before this client learned what the store verifies is preceded by a tiny aborted
     * multipart upload that learns it ({@link ChecksumProbe}), so the body is checksummed once.
     */
    public PutResult putObject(String bucket, String key, RequestBody body, ObjectWriteOptions options,
            ChecksumAlgorithm checksum) {
        S3Names.requireValidKey(key);
        if (body.length() > S3Limits.MAX_SINGLE_PUT_SIZE) {
            throw new IllegalArgumentException("A single PUT takes at most 5 GiB; " + body.length()
                    + " bytes need a multipart upload");
        }
        if (ChecksumProbe.worthIt(this, checksum, body)) {
            ChecksumProbe.run(this, bucket, key, options.withoutConditions());
        }
        Map<String, String> headers = writeHeaders(options);
        access.putObjectHeaders(headers);
        return sendChecksummed("PUT " + bucket + "/" + key, checksum, body, headers,
                h -> new Call("PUT", bucket, key, List.of(), h, body, SigV4Signer.UNSIGNED_PAYLOAD),
                (r, eTag, sent) -> new PutResult(eTag, header(r, "x-amz-version-id"), StorageInfo.of(r)), false);
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
        if (o.checksumMode()) {
            headers.put("x-amz-checksum-mode", "ENABLED");
        }
        access.putObjectHeaders(headers);
        ClassicHttpResponse r = execute(new Call("GET", bucket, key, versionQuery(o.versionId()), headers, null,
                SigV4Signer.EMPTY_SHA256), true);
        try {
            ObjectInfo info = objectInfo(key, r);
            if (r.getCode() == 304) {
                closeQuietly(r);
                return new GetObjectResponse(info, null, true);
            }
            HttpEntity entity = r.getEntity();
            InputStream in = entity == null ? InputStream.nullInputStream() : entity.getContent();
            return new GetObjectResponse(info, new ResponseStream(in, r, "GET " + bucket + "/" + key, executor.metrics()), false, r.getCode());
        } catch (IOException e) {
            closeQuietly(r);
            throw ioFailure("GET", bucket, key, e);
        } catch (RuntimeException e) {
            closeQuietly(r);
            throw e;
        }
    }

    /** HeadObject; {@link S3NotFoundException} when the key does not exist. */
    public ObjectInfo headObject(String bucket, String key, GetOptions options) {
        S3Names.requireValidKey(key);
        Map<String, String> headers = new LinkedHashMap<>();
        if (options != null) {
            putIfPresent(headers, "If-Match", options.ifMatch());
            putIfPresent(headers, "If-None-Match", options.ifNoneMatch());
            if (options.checksumMode()) {
                headers.put("x-amz-checksum-mode", "ENABLED");
            }
        }
        access.putObjectHeaders(headers);
        return executeAndRead(new Call("HEAD", bucket, key, versionQuery(options == null ? null : options.versionId()),
                headers, null, SigV4Signer.EMPTY_SHA256), r -> objectInfo(key, r));
    }

    /** DeleteObject. Deleting a missing key succeeds (S3 semantics). */
    public void deleteObject(String bucket, String key) {
        deleteObject(bucket, key, null);
    }

    /**
     * DeleteObject, conditional when {@code ifMatch} is given: AWS S3 deletes only while the key holds that ETag
     * (412 otherwise; conditional deletes of general purpose buckets, 2025). Stores that do not know the header
     * (Ceph RGW 16, S3Proxy 4.1) ignore it and delete whatever the key holds: callers check with a HEAD first.
     */
    public void deleteObject(String bucket, String key, String ifMatch) {
        deleteObject(bucket, key, ifMatch, null);
    }

    /**
     * DeleteObject, conditional when {@code ifMatch} is given, of one version when {@code versionId} is given (null:
     * the current object; on a versioned bucket that adds a delete marker, while a version id deletes that version
     * for good).
     */
    public void deleteObject(String bucket, String key, String ifMatch, String versionId) {
        S3Names.requireValidKey(key);
        Map<String, String> headers = bucketHeaders();
        putIfPresent(headers, "If-Match", ifMatch);
        executeAndRead(new Call("DELETE", bucket, key, versionQuery(versionId), headers, null, SigV4Signer.EMPTY_SHA256),
                r -> null);
    }

    private static List<QueryParam> versionQuery(String versionId) {
        return versionId == null || versionId.isEmpty() ? List.of() : List.of(new QueryParam("versionId", versionId));
    }

    /** Owner and request payer, as every object and listing request carries them. */
    private Map<String, String> bucketHeaders() {
        Map<String, String> h = new LinkedHashMap<>();
        access.putBucketHeaders(h);
        return h;
    }

    /** DeleteObjects, in batches of 1,000. Per-key failures are reported in the result, not thrown. */
    public DeleteObjectsResult deleteObjects(String bucket, List<String> keys) {
        List<String> deleted = new ArrayList<>();
        List<DeleteObjectsResult.Error> errors = new ArrayList<>();
        for (int i = 0; i < keys.size(); i += S3Limits.MAX_DELETE_BATCH) {
            List<String> batch = keys.subList(i, Math.min(keys.size(), i + S3Limits.MAX_DELETE_BATCH));
            batch.forEach(S3Names::requireValidKey);
            byte[] xml = S3Xml.delete(batch).getBytes(StandardCharsets.UTF_8);
            Call call = xmlCall("POST", bucket, null, List.of(new QueryParam("delete", "")), xml);
            access.putBucketHeaders(call.headers());
            DeleteObjectsResult page = executeAndRead(call, r -> S3Xml.deleteResult(parseXml(r, "DeleteObjects", bucket, null)));
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
        q.add(new QueryParam("encoding-type", "url")); // a key XML 1.0 cannot carry (U+0001) must not break listings
        addIfPresent(q, "prefix", prefix);
        addIfPresent(q, "delimiter", delimiter);
        addIfPresent(q, "continuation-token", continuationToken);
        addIfPresent(q, "start-after", startAfter);
        if (maxKeys > 0) {
            q.add(new QueryParam("max-keys", Integer.toString(Math.min(maxKeys, S3Limits.MAX_KEYS_PER_PAGE))));
        }
        return executeAndRead(new Call("GET", bucket, null, q, bucketHeaders(), null, SigV4Signer.EMPTY_SHA256),
                r -> S3Xml.listPage(parseXml(r, "ListObjectsV2", bucket, null)));
    }

    /**
     * Every object under a prefix, following continuation tokens, up to {@code limit} (0 = no limit). A token
     * seen twice, or more than {@link S3ClientConfig#maxPages()} pages, is an {@link S3Exception}.
     */
    public List<S3ObjectSummary> listAllObjects(String bucket, String prefix, int limit) {
        List<S3ObjectSummary> out = new ArrayList<>();
        Paging paging = new Paging("ListObjectsV2 " + bucket, config.maxPages());
        String token = null;
        do {
            paging.page();
            ListPage page = listObjects(bucket, prefix, null, token, 0, null);
            for (S3ObjectSummary s : page.objects()) {
                if (limit > 0 && out.size() >= limit) {
                    return out;
                }
                out.add(s);
            }
            token = page.nextContinuationToken();
            paging.next(token);
        } while (token != null);
        return out;
    }

    /**
     * CopyObject. With {@code replace} non-null the destination gets its content type and metadata
     * ({@code x-amz-metadata-directive: REPLACE}); otherwise the source's are copied.
     */
    public CopyResult copyObject(String sourceBucket, String sourceKey, String bucket, String key,
            ObjectWriteOptions replace) {
        return copyObject(CopySource.of(sourceBucket, sourceKey), bucket, key, replace, null, null);
    }

    /**
     * CopyObject whose destination is stored with {@code storage} (encryption, storage class, ACL, tags replacing
     * the source's, Object Lock; null: the bucket's defaults, the source's tags).
     */
    public CopyResult copyObject(String sourceBucket, String sourceKey, String bucket, String key,
            ObjectWriteOptions replace, ObjectStorageOptions storage) {
        return copyObject(CopySource.of(sourceBucket, sourceKey), bucket, key, replace, storage, null, null);
    }

    /**
     * CopyObject of a source that may be pinned to its ETag ({@code x-amz-copy-source-if-match}: 412 when it changed),
     * with the destination conditions of a write ({@code ifMatch}, {@code ifNoneMatch "*"}; AWS evaluates them, Ceph
     * RGW 16 and S3Proxy 4.1 may not). With {@code replace} non-null the destination gets its content headers and
     * metadata ({@code x-amz-metadata-directive: REPLACE}); otherwise the source's are copied. One request: S3
     * refuses sources above {@link S3Limits#MAX_COPY_OBJECT_SIZE} (use UploadPartCopy). A 200 whose body is an
     * {@code <Error>} is that error ({@link CopyResponse}).
     */
    public CopyResult copyObject(CopySource source, String bucket, String key, ObjectWriteOptions replace, String ifMatch,
            String ifNoneMatch) {
        return copyObject(source, bucket, key, replace, replace == null ? null : replace.storage(), ifMatch, ifNoneMatch);
    }

    /**
     * As {@link #copyObject(CopySource, String, String, ObjectWriteOptions, String, String)}, the destination stored
     * with {@code storage} (encryption, storage class, ACL, tags replacing the source's with
     * {@code x-amz-tagging-directive: REPLACE}, Object Lock; null: the destination bucket's defaults and the source's
     * tags). With an SSE-C key in {@link #access()} the source is read and the destination written with it.
     */
    public CopyResult copyObject(CopySource source, String bucket, String key, ObjectWriteOptions replace,
            ObjectStorageOptions storage, String ifMatch, String ifNoneMatch) {
        S3Names.requireValidKey(key);
        Map<String, String> headers = replace == null ? new LinkedHashMap<>()
                : writeHeaders(replace.withoutConditions().withStorage(ObjectStorageOptions.NONE));
        copySourceHeaders(headers, source);
        headers.put("x-amz-metadata-directive", replace == null ? "COPY" : "REPLACE");
        putIfPresent(headers, "If-Match", Call.conditionETag(ifMatch));
        putIfPresent(headers, "If-None-Match", ifNoneMatch);
        if (storage != null) {
            storage.putCopyHeaders(headers);
        }
        access.putObjectHeaders(headers);
        return executeAndRead(new Call("PUT", bucket, key, List.of(), headers, null, SigV4Signer.EMPTY_SHA256), r -> {
            CopyResult c = S3Xml.copyResult(CopyResponse.read(r, "CopyObject", bucket, key), header(r, "x-amz-version-id"));
            return new CopyResult(c.eTag(), c.lastModified(), c.versionId(), StorageInfo.of(r));
        });
    }

    /**
     * UploadPartCopy: part {@code partNumber} of the upload is bytes {@code first..last} (inclusive) of the source
     * ({@code x-amz-copy-source-range: bytes=first-last}), pinned to the source's ETag when the source has one. The
     * part's ETag is read from the {@code CopyPartResult} (a 200 with an {@code <Error>} body is that error); the
     * part carries no flexible checksum (copy uploads declare none, see {@code upload.MultipartCopier}).
     */
    public PartInfo uploadPartCopy(CopySource source, long first, long last, String bucket, String key, String uploadId,
            int partNumber) {
        if (partNumber < 1 || partNumber > S3Limits.MAX_PARTS) {
            throw new IllegalArgumentException("Part number " + partNumber + " is outside 1.." + S3Limits.MAX_PARTS);
        }
        if (first < 0 || last < first || last - first + 1 > S3Limits.MAX_PART_SIZE) {
            throw new IllegalArgumentException("Copy range bytes=" + first + "-" + last + " is not a part of 1 byte to 5 GiB");
        }
        Map<String, String> headers = new LinkedHashMap<>();
        copySourceHeaders(headers, source);
        headers.put("x-amz-copy-source-range", "bytes=" + first + "-" + last);
        access.putObjectHeaders(headers); // the destination's SSE-C key (as on UploadPart), owner, payer
        List<QueryParam> q = List.of(new QueryParam("partNumber", Integer.toString(partNumber)),
                new QueryParam("uploadId", uploadId));
        String what = "UploadPartCopy " + partNumber + " of " + bucket + "/" + key;
        return executeAndRead(new Call("PUT", bucket, key, q, headers, null, SigV4Signer.EMPTY_SHA256), r -> {
            XmlNode root = CopyResponse.read(r, what, bucket, key);
            return new PartInfo(partNumber, root.text("ETag"), last - first + 1, S3Xml.instant(root.text("LastModified")));
        });
    }

    /**
     * The headers naming the source of a copy, in one place (CopyObject and UploadPartCopy): {@code x-amz-copy-source}
     * and the pin {@code x-amz-copy-source-if-match}, the source's SSE-C key
     * ({@code x-amz-copy-source-server-side-encryption-customer-*}) and owner ({@code x-amz-source-expected-bucket-owner}).
     */
    private void copySourceHeaders(Map<String, String> headers, CopySource source) {
        headers.put("x-amz-copy-source", source.header());
        putIfPresent(headers, "x-amz-copy-source-if-match", source.ifMatch());
        access.putCopySourceHeaders(headers);
    }

    // ------------------------------------------------------------------ buckets

    /** HeadBucket: returns normally when the bucket exists and is reachable with these credentials. */
    public void headBucket(String bucket) {
        executeAndRead(new Call("HEAD", bucket, null, List.of(), ownerHeader(), null, SigV4Signer.EMPTY_SHA256),
                r -> null);
    }

    /** HeadBucket takes the expected owner but no request payer. */
    private Map<String, String> ownerHeader() {
        Map<String, String> h = new LinkedHashMap<>();
        access.putOwner(h);
        return h;
    }

    /** HeadBucket bounded by {@code timeout} instead of the request timeout (health checks). */
    public void headBucket(String bucket, Duration timeout) {
        ClassicHttpResponse r = executor.execute(new Call("HEAD", bucket, null, List.of(), ownerHeader(), null,
                SigV4Signer.EMPTY_SHA256), false, timeout);
        closeQuietly(r);
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

    /**
     * CreateBucket in the client's region. {@code BucketAlreadyOwnedByYou} (another node of the same owner created
     * it a moment ago) is success; {@code BucketAlreadyExists} (someone else's) is thrown.
     */
    public void createBucket(String bucket) {
        S3Names.requireValidBucket(bucket);
        try {
            if (S3ClientConfig.DEFAULT_REGION.equals(config.region())) {
                executeAndRead(new Call("PUT", bucket, null, List.of(), new LinkedHashMap<>(), null, SigV4Signer.EMPTY_SHA256),
                        r -> null);
            } else {
                byte[] xml = ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                        + S3Xml.escape(config.region()) + "</LocationConstraint></CreateBucketConfiguration>")
                        .getBytes(StandardCharsets.UTF_8);
                try {
                    executeAndRead(xmlCall("PUT", bucket, null, List.of(), xml), r -> null);
                } catch (S3Exception e) {
                    if (!"InvalidLocationConstraint".equals(e.getErrorCode())
                            && !"IllegalLocationConstraintException".equals(e.getErrorCode())) {
                        throw e;
                    }
                    throw new S3Exception(e.getMessage() + ". The LocationConstraint is the client's region '"
                            + config.region() + "': set region to the store's own name for it (AWS: the endpoint's region;"
                            + " Ceph RGW: its zonegroup's api_name, 'default' unless configured; region us-east-1 sends no"
                            + " LocationConstraint)", e.getStatusCode(), e.getErrorCode(), e.getRequestId(), e);
                }
            }
        } catch (S3Exception e) {
            if (!"BucketAlreadyOwnedByYou".equals(e.getErrorCode())) {
                throw e;
            }
        }
    }

    // ------------------------------------------------------------------ multipart

    /** CreateMultipartUpload without a checksum declaration; returns the upload id. */
    public String createMultipartUpload(String bucket, String key, ObjectWriteOptions options) {
        return createMultipartUpload(bucket, key, options, ChecksumAlgorithm.NONE);
    }

    /**
     * CreateMultipartUpload; returns the upload id. Content type and metadata are given here, once; the write
     * conditions are not (they go on {@link #completeMultipartUpload}). When the parts will carry a flexible checksum
     * ({@code checksum} CRC32C, CRC32 or SHA256, or AUTO unless the store is known to ignore them, where AUTO means
     * CRC32C) the upload declares it: {@code x-amz-checksum-algorithm} and {@code x-amz-checksum-type: COMPOSITE}, as
     * AWS requires before it accepts {@code x-amz-checksum-*} on UploadPart. With AUTO, a store that refuses the
     * declaration (400/501) is taken for one without flexible checksums and asked once more without it.
     */
    public String createMultipartUpload(String bucket, String key, ObjectWriteOptions options, ChecksumAlgorithm checksum) {
        S3Names.requireValidKey(key);
        ChecksumAlgorithm declared = checksums.declared(checksum);
        Map<String, String> headers = writeHeaders(options.withoutConditions());
        access.putObjectHeaders(headers);
        if (declared != null) {
            headers.put("x-amz-checksum-algorithm", declared.wireName());
            headers.put("x-amz-checksum-type", "COMPOSITE");
        }
        try {
            return executeAndRead(new Call("POST", bucket, key, List.of(new QueryParam("uploads", "")), headers, null,
                    SigV4Signer.EMPTY_SHA256), r -> {
                        String id = parseXml(r, "CreateMultipartUpload", bucket, key).text("UploadId");
                        if (id == null || id.isBlank()) {
                            throw new S3Exception("CreateMultipartUpload for " + bucket + "/" + key + " returned no UploadId");
                        }
                        if (declared != null) {
                            checksums.learnDeclaration(checksum, header(r, "x-amz-checksum-algorithm"));
                        }
                        return id;
                    });
        } catch (S3Exception e) {
            if (declared != null && checksums.learnRefusedDeclaration(checksum, e)) {
                return createMultipartUpload(bucket, key, options, checksum);
            }
            throw e;
        }
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
        Map<String, String> headers = new LinkedHashMap<>();
        access.putObjectHeaders(headers); // SSE-C on every part (camel-aws2-s3 forgets it), owner, request payer
        return sendChecksummed(what, checksum, body, headers,
                h -> new Call("PUT", bucket, key, q, h, body, SigV4Signer.UNSIGNED_PAYLOAD), (r, eTag, sent) -> {
                    if (eTag == null) {
                        throw new S3TransientException("S3 " + what + " returned no ETag", r.getCode(), null,
                                header(r, "x-amz-request-id"), null);
                    }
                    PartInfo part = new PartInfo(partNumber, eTag, body.length(), null);
                    ChecksumAlgorithm kept = checksums.kept(checksum, sent);
                    return kept == null ? part : part.withChecksum(kept, sent.get(kept));
                }, true);
    }

    /** Whether the store verifies {@code x-amz-checksum-crc32c}: null until the first AUTO request told. */
    public Boolean flexibleChecksums() {
        return checksums.flexibleChecksums();
    }

    /**
     * Whether the next AUTO request would carry Content-MD5 and CRC32C both: nothing learned yet, and no
     * CreateMultipartUpload answer echoed the CRC32C declaration (then parts carry CRC32C alone).
     */
    public boolean autoSendsBothChecksums() {
        return checksums.autoSendsBoth();
    }

    /** CompleteMultipartUpload with only an {@code If-None-Match} condition (null for none). */
    public PutResult completeMultipartUpload(String bucket, String key, String uploadId, List<PartInfo> parts,
            String ifNoneMatch) {
        return completeMultipartUpload(bucket, key, uploadId, parts, null, ifNoneMatch);
    }

    /**
     * CompleteMultipartUpload. Only a {@code CompleteMultipartUploadResult} body is a success (see
     * {@link CompleteMultipartResponse}); its ETag is null when the store did not tell it (ask HEAD). The write's conditions go here, where AWS evaluates them as the object is created:
     * {@code ifNoneMatch "*"} fails with 412 if the key exists, {@code ifMatch} unless it holds that ETag (sent
     * unquoted, see {@link Call#conditionETag}). Each part's flexible checksum is listed with it.
     */
    public PutResult completeMultipartUpload(String bucket, String key, String uploadId, List<PartInfo> parts,
            String ifMatch, String ifNoneMatch) {
        byte[] xml = S3Xml.completeMultipartUpload(parts).getBytes(StandardCharsets.UTF_8);
        Call call = xmlCall("POST", bucket, key, List.of(new QueryParam("uploadId", uploadId)), xml);
        putIfPresent(call.headers(), "If-Match", Call.conditionETag(ifMatch));
        putIfPresent(call.headers(), "If-None-Match", ifNoneMatch);
        access.putObjectHeaders(call.headers());
        return executeAndRead(call, r -> CompleteMultipartResponse.read(r, "CompleteMultipartUpload " + bucket + "/" + key));
    }

    /** AbortMultipartUpload. */
    public void abortMultipartUpload(String bucket, String key, String uploadId) {
        executeAndRead(new Call("DELETE", bucket, key, List.of(new QueryParam("uploadId", uploadId)), bucketHeaders(),
                null, SigV4Signer.EMPTY_SHA256), r -> null);
    }

    /**
     * ListParts, all pages; {@link S3NotFoundException} {@code NoSuchUpload} when the upload id is unknown. A marker
     * seen twice, or too many pages, is an {@link S3Exception}.
     */
    public List<PartInfo> listParts(String bucket, String key, String uploadId) {
        List<PartInfo> out = new ArrayList<>();
        Paging paging = new Paging("ListParts " + bucket + "/" + key, config.maxPages());
        Integer marker = null;
        do {
            paging.page();
            List<QueryParam> q = new ArrayList<>();
            q.add(new QueryParam("uploadId", uploadId));
            if (marker != null) {
                q.add(new QueryParam("part-number-marker", marker.toString()));
            }
            S3Xml.PartsPage page;
            try {
                Map<String, String> headers = new LinkedHashMap<>();
                access.putObjectHeaders(headers); // ListParts takes the SSE-C key (needed with flexible checksums)
                page = executeAndRead(new Call("GET", bucket, key, q, headers, null,
                        SigV4Signer.EMPTY_SHA256), r -> S3Xml.partsPage(parseXml(r, "ListParts", bucket, key)));
            } catch (S3NotFoundException e) {
                // Ceph RGW 16 answers NoSuchKey for an upload id it does not know (AWS: NoSuchUpload)
                if ("NoSuchKey".equals(e.getErrorCode())) {
                    throw new S3NotFoundException(e.getMessage() + "; read as NoSuchUpload", e.getStatusCode(),
                            "NoSuchUpload", e.getRequestId());
                }
                throw e;
            }
            out.addAll(page.parts());
            marker = page.nextPartNumberMarker();
            paging.next(marker == null ? null : marker.toString());
        } while (marker != null);
        return out;
    }

    /**
     * GetObjectAttributes with {@code ObjectParts}, all pages: the sizes of a multipart object's parts in part order
     * (what checking a composite {@code ...-N} checksum needs); empty when the store lists no part (AWS lists them
     * only for objects uploaded with a flexible checksum).
     */
    public List<Long> objectPartSizes(String bucket, String key, String versionId) {
        List<Long> out = new ArrayList<>();
        Paging paging = new Paging("GetObjectAttributes " + bucket + "/" + key, config.maxPages());
        Integer marker = null;
        do {
            paging.page();
            List<QueryParam> q = new ArrayList<>(List.of(new QueryParam("attributes", "")));
            q.addAll(versionQuery(versionId));
            Map<String, String> headers = new LinkedHashMap<>();
            access.putObjectHeaders(headers); // owner, payer and the SSE-C key, as for HEAD
            headers.put("x-amz-object-attributes", "ObjectParts");
            headers.put("x-amz-max-parts", "1000");
            if (marker != null) {
                headers.put("x-amz-part-number-marker", marker.toString());
            }
            S3Xml.ObjectPartsPage page = executeAndRead(new Call("GET", bucket, key, q, headers, null,
                    SigV4Signer.EMPTY_SHA256), r -> S3Xml.objectPartsPage(parseXml(r, "GetObjectAttributes", bucket, key)));
            out.addAll(page.sizes());
            marker = page.sizes().isEmpty() ? null : page.nextPartNumberMarker();
            paging.next(marker == null ? null : marker.toString());
        } while (marker != null);
        return out;
    }

    /** ListMultipartUploads under a prefix (null for all), all pages; markers seen twice are an {@link S3Exception}. */
    public List<MultipartUploadInfo> listMultipartUploads(String bucket, String prefix) {
        List<MultipartUploadInfo> out = new ArrayList<>();
        Paging paging = new Paging("ListMultipartUploads " + bucket, config.maxPages());
        String keyMarker = null;
        String idMarker = null;
        while (true) {
            paging.page();
            List<QueryParam> q = new ArrayList<>();
            q.add(new QueryParam("uploads", ""));
            q.add(new QueryParam("encoding-type", "url"));
            addIfPresent(q, "prefix", prefix);
            addIfPresent(q, "key-marker", keyMarker);
            addIfPresent(q, "upload-id-marker", idMarker);
            S3Xml.UploadsPage page = executeAndRead(new Call("GET", bucket, null, q, bucketHeaders(), null,
                    SigV4Signer.EMPTY_SHA256), r -> S3Xml.uploadsPage(parseXml(r, "ListMultipartUploads", bucket, null)));
            out.addAll(page.uploads());
            if (!page.truncated() || page.nextKeyMarker() == null) {
                return out;
            }
            keyMarker = page.nextKeyMarker();
            idMarker = page.nextUploadIdMarker();
            paging.next(keyMarker + "\u0000" + idMarker);
        }
    }

    // ------------------------------------------------------------------ presigned URLs

    /** A presigned GET URL valid for {@code expires} (1 s to 7 days). */
    public String presignGet(String bucket, String key, Duration expires) {
        return presignedGet(bucket, key, expires).url();
    }

    /**
     * A presigned GET with the headers its user must send: with an SSE-C key in {@link #access()} they are signed
     * (the key itself is not in the URL: the user sends it too), as are the owner and request payer.
     */
    public PresignedRequest presignedGet(String bucket, String key, Duration expires) {
        Map<String, String> headers = new LinkedHashMap<>();
        access.putObjectHeaders(headers);
        return presigner.presign("GET", bucket, key, expires, headers);
    }

    /** A presigned PUT URL; when {@code contentType} is given the uploader must send exactly that Content-Type. */
    public String presignPut(String bucket, String key, Duration expires, String contentType) {
        return presignedPut(bucket, key, expires, contentType, null).url();
    }

    /**
     * A presigned PUT whose uploader must send exactly these headers: the Content-Type when given, the storage
     * options (encryption, storage class, ACL, tags, Object Lock) and this view's SSE-C, owner and payer headers, all
     * signed, so an upload without them, or with others, is refused.
     */
    public PresignedRequest presignedPut(String bucket, String key, Duration expires, String contentType,
            ObjectStorageOptions storage) {
        Map<String, String> headers = new LinkedHashMap<>();
        putIfPresent(headers, "Content-Type", contentType);
        if (storage != null) {
            storage.putHeaders(headers);
        }
        access.putObjectHeaders(headers);
        return presigner.presign("PUT", bucket, key, expires, headers);
    }

    /**
     * Reports this client's requests and body bytes, and its uploads' parts, to {@code value} (null: to nothing).
     * Views made by {@link #withAccess} share it.
     */
    public void setMetrics(io.github.s3lite.metrics.S3LiteMetrics value) {
        executor.metrics(value);
    }

    /** Where this client reports to; {@link io.github.s3lite.metrics.S3LiteMetrics#NONE} unless set. */
    public io.github.s3lite.metrics.S3LiteMetrics metrics() {
        return executor.metrics();
    }

    // ------------------------------------------------------------------ delegates to the parts

    private <T> T executeAndRead(Call call, RequestExecutor.ResponseReader<T> reader) {
        return executor.executeAndRead(call, reader);
    }

    /** Signs and sends; returns a successful (2xx, or 304 when {@code allow304}) open response, else throws. */
    private ClassicHttpResponse execute(Call call, boolean allow304) {
        return executor.execute(call, allow304);
    }

    private <T> T sendChecksummed(String what, ChecksumAlgorithm requested, RequestBody body, Map<String, String> base,
            java.util.function.Function<Map<String, String>, Call> callFor, ChecksumNegotiation.WriteReader<T> reader,
            boolean rewritable) {
        return checksums.send(what, requested, body, base, callFor, reader, rewritable);
    }
}
