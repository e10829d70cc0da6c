package io.github.s3lite;

import org.apache.camel.spi.Metadata;

/** The headers the s3lite component reads and writes. */
public final class S3LiteConstants {

    // ---------------------------------------------------------------- in
    /** The operation to perform; overrides the operation option. */
    @Metadata(label = "producer", description = "The operation to perform; overrides the operation option.",
              javaType = "io.github.s3lite.S3LiteOperations")
    public static final String OPERATION = "CamelS3LiteOperation";
    /** The bucket; overrides the bucket of the endpoint URI. */
    @Metadata(description = "The bucket; overrides the bucket of the endpoint URI.", javaType = "String")
    public static final String BUCKET_NAME = "CamelS3LiteBucketName";
    /**
     * The object key. When absent the producer uses the keyName option, then CamelFileName. The consumer sets it to
     * the key of the object it delivers.
     */
    @Metadata(description = "The object key. When absent the producer uses the keyName option, then CamelFileName. "
                            + "The consumer sets it to the key of the object it delivers.",
              javaType = "String")
    public static final String KEY = "CamelS3LiteKey";
    /** In: the Content-Type to store (wins over detection). Out: the object's Content-Type. */
    @Metadata(description = "In: the Content-Type to store (wins over detection). Out: the object's Content-Type.",
              javaType = "String")
    public static final String CONTENT_TYPE = "CamelS3LiteContentType";
    /**
     * In: user metadata (x-amz-meta- headers) to store; highest priority in the metadata chain. Out: the object's user
     * metadata, decoded.
     */
    @Metadata(description = "In: user metadata (x-amz-meta- headers) to store; highest priority in the metadata chain. "
                            + "Out: the object's user metadata, decoded.",
              javaType = "java.util.Map<String, String>")
    public static final String METADATA = "CamelS3LiteMetadata";
    /** A byte range for getObject, as bytes=0-99. */
    @Metadata(label = "producer", description = "A byte range for getObject, as bytes=0-99.", javaType = "String")
    public static final String RANGE = "CamelS3LiteRange";
    /**
     * getObject/headObject: only if the ETag matches (else 412 -&gt; S3PreconditionFailedException); putObject and
     * copyObject: only overwrite this ETag (quoted or not), also for multipart uploads and copies.
     */
    @Metadata(label = "producer", description = "getObject/headObject: only if the ETag matches (else 412 -> "
                                                + "S3PreconditionFailedException); putObject and copyObject: only overwrite this ETag "
                                                + "(quoted or not), also for multipart uploads and copies.",
              javaType = "String")
    public static final String IF_MATCH = "CamelS3LiteIfMatch";
    /**
     * getObject: an ETag; when it still matches the body is null and CamelS3LiteNotModified is true. putObject and
     * copyObject: an asterisk (the one-character value) refuses to overwrite an existing key, also for multipart
     * uploads and copies.
     */
    @Metadata(label = "producer", description = "getObject: an ETag; when it still matches the body is null and "
                                                + "CamelS3LiteNotModified is true. putObject and copyObject: an asterisk (the one-character value) "
                                                + "refuses to overwrite an existing key, also for multipart uploads and copies.",
              javaType = "String")
    public static final String IF_NONE_MATCH = "CamelS3LiteIfNoneMatch";
    /**
     * copyObject: copy only this version (ETag) of the source; a source that has another ETag, before or during the
     * copy, fails with S3PreconditionFailedException and nothing is written.
     */
    @Metadata(label = "producer", description = "copyObject: copy only this version (ETag) of the source; a source that has "
                                                + "another ETag, before or during the copy, fails with S3PreconditionFailedException "
                                                + "and nothing is written.",
              javaType = "String")
    public static final String COPY_SOURCE_IF_MATCH = "CamelS3LiteCopySourceIfMatch";
    /** copyObject: the destination bucket (default: the source bucket). */
    @Metadata(label = "producer", description = "copyObject: the destination bucket (default: the source bucket).",
              javaType = "String")
    public static final String DESTINATION_BUCKET = "CamelS3LiteDestinationBucket";
    /** copyObject: the destination key. */
    @Metadata(label = "producer", description = "copyObject: the destination key.", javaType = "String")
    public static final String DESTINATION_KEY = "CamelS3LiteDestinationKey";
    /** getObject: download to this file (String, File or Path), resumably; the body is then the File. */
    @Metadata(label = "producer", description = "getObject: download to this file (String, File or Path), resumably; "
                                                + "the body is then the File.",
              javaType = "Object")
    public static final String DESTINATION_FILE = "CamelS3LiteDestinationFile";
    /** listObjects/listMultipartUploads/abortStaleUploads: key prefix. */
    @Metadata(label = "producer", description = "listObjects/listMultipartUploads/abortStaleUploads: key prefix.",
              javaType = "String")
    public static final String PREFIX = "CamelS3LitePrefix";
    /** listObjects: delimiter such as '/'. */
    @Metadata(label = "producer", description = "listObjects: delimiter such as '/'.", javaType = "String")
    public static final String DELIMITER = "CamelS3LiteDelimiter";
    /** In (abortMultipartUpload): the upload to abort. Out (putObject): the multipart upload id. */
    @Metadata(description = "In (abortMultipartUpload): the upload to abort. Out (putObject): the multipart upload id.",
              javaType = "String")
    public static final String UPLOAD_ID = "CamelS3LiteUploadId";
    /**
     * listObjects: continuation token of the page to fetch; out: the token of the next page, absent on the last page.
     */
    @Metadata(label = "producer", description = "listObjects: continuation token of the page to fetch; out: the "
                                                + "token of the next page, absent on the last page.",
              javaType = "String")
    public static final String CONTINUATION_TOKEN = "CamelS3LiteContinuationToken";
    /**
     * Out (listObjects): the common prefixes ("folders") the listing grouped by the delimiter, empty without a
     * delimiter.
     */
    @Metadata(label = "producer", description = "Out (listObjects): the common prefixes (\"folders\") the listing "
                                                + "grouped by the delimiter, empty without a delimiter.",
              javaType = "java.util.List<String>")
    public static final String COMMON_PREFIXES = "CamelS3LiteCommonPrefixes";
    /** listObjects: the most keys to return (default all, following pages). */
    @Metadata(label = "producer", description = "listObjects: the most keys to return (default all, following pages).",
              javaType = "Integer")
    public static final String MAX_KEYS = "CamelS3LiteMaxKeys";
    /** deleteObjects: the keys to delete, a java.util.List&lt;String&gt; (the body is used when absent). */
    @Metadata(label = "producer", description = "deleteObjects: the keys to delete, a java.util.List<String> "
                                                + "(the body is used when absent).",
              javaType = "java.util.List<String>")
    public static final String KEYS = "CamelS3LiteKeys";

    // ---------------------------------------------------------------- in: encryption and write options (each wins over its option)
    /**
     * putObject/copyObject: server-side encryption, AES256, aws:kms or aws:kms:dsse (overrides serverSideEncryption).
     */
    @Metadata(label = "producer", description = "putObject/copyObject: server-side encryption, AES256, aws:kms or aws:kms:dsse "
                                                + "(overrides serverSideEncryption).", javaType = "String")
    public static final String SERVER_SIDE_ENCRYPTION = "CamelS3LiteServerSideEncryption";
    /** putObject/copyObject: the SSE-KMS key id (overrides kmsKeyId). */
    @Metadata(label = "producer", description = "putObject/copyObject: the SSE-KMS key id (overrides kmsKeyId).", javaType = "String")
    public static final String KMS_KEY_ID = "CamelS3LiteKmsKeyId";
    /** putObject/copyObject: the SSE-KMS encryption context, JSON or its base64 (overrides kmsEncryptionContext). */
    @Metadata(label = "producer", description = "putObject/copyObject: the SSE-KMS encryption context, JSON or its base64 "
                                                + "(overrides kmsEncryptionContext).", javaType = "String")
    public static final String KMS_ENCRYPTION_CONTEXT = "CamelS3LiteKmsEncryptionContext";
    /** putObject/copyObject: use an S3 Bucket Key (overrides bucketKeyEnabled). */
    @Metadata(label = "producer", description = "putObject/copyObject: use an S3 Bucket Key (overrides bucketKeyEnabled).",
              javaType = "Boolean")
    public static final String BUCKET_KEY_ENABLED = "CamelS3LiteBucketKeyEnabled";
    /**
     * Every object operation: the SSE-C key, base64 of 256 bits (overrides sseCustomerKey). A secret: do not log this
     * header.
     */
    @Metadata(label = "producer", description = "Every object operation: the SSE-C key, base64 of 256 bits (overrides "
                                                + "sseCustomerKey). A secret: do not log this header.", javaType = "String")
    public static final String SSE_CUSTOMER_KEY = "CamelS3LiteSseCustomerKey";
    /** putObject/copyObject: the storage class (overrides storageClass). */
    @Metadata(label = "producer", description = "putObject/copyObject: the storage class (overrides storageClass).", javaType = "String")
    public static final String STORAGE_CLASS = "CamelS3LiteStorageClass";
    /** putObject/copyObject: the canned ACL (overrides cannedAcl). */
    @Metadata(label = "producer", description = "putObject/copyObject: the canned ACL (overrides cannedAcl).", javaType = "String")
    public static final String CANNED_ACL = "CamelS3LiteCannedAcl";
    /**
     * putObject/copyObject: object tags, a Map&lt;String, String&gt; or text such as a=1&amp;b=2 (replaces the tagging
     * options).
     */
    @Metadata(label = "producer", description = "putObject/copyObject: object tags, a Map<String, String> or text such as "
                                                + "a=1&b=2 (replaces the tagging options).", javaType = "java.util.Map<String, String>")
    public static final String TAGGING = "CamelS3LiteTagging";
    /** putObject/copyObject: Object Lock mode, GOVERNANCE or COMPLIANCE (overrides objectLockMode). */
    @Metadata(label = "producer", description = "putObject/copyObject: Object Lock mode, GOVERNANCE or COMPLIANCE (overrides "
                                                + "objectLockMode).", javaType = "String")
    public static final String OBJECT_LOCK_MODE = "CamelS3LiteObjectLockMode";
    /**
     * putObject/copyObject: Object Lock retention end, an Instant, an ISO-8601 text or a duration from now (overrides
     * objectLockRetainUntil).
     */
    @Metadata(label = "producer", description = "putObject/copyObject: Object Lock retention end, an Instant, an ISO-8601 text or "
                                                + "a duration from now (overrides objectLockRetainUntil).", javaType = "Object")
    public static final String OBJECT_LOCK_RETAIN_UNTIL = "CamelS3LiteObjectLockRetainUntil";
    /** putObject/copyObject: Object Lock legal hold (overrides objectLockLegalHold). */
    @Metadata(label = "producer", description = "putObject/copyObject: Object Lock legal hold (overrides objectLockLegalHold).",
              javaType = "Boolean")
    public static final String OBJECT_LOCK_LEGAL_HOLD = "CamelS3LiteObjectLockLegalHold";
    /** Every request: the expected bucket owner's account id (overrides expectedBucketOwner). */
    @Metadata(label = "producer", description = "Every request: the expected bucket owner's account id (overrides "
                                                + "expectedBucketOwner).", javaType = "String")
    public static final String EXPECTED_BUCKET_OWNER = "CamelS3LiteExpectedBucketOwner";
    /** Every request: requester pays (overrides requestPayer). */
    @Metadata(label = "producer", description = "Every request: requester pays (overrides requestPayer).", javaType = "Boolean")
    public static final String REQUEST_PAYER = "CamelS3LiteRequestPayer";
    /**
     * getObject/headObject/deleteObject: this version of the object (versioned buckets; deleteObject of a version
     * deletes it for good). Not CamelS3LiteVersionId, which every read and write sets as an out header.
     */
    @Metadata(label = "producer", description = "getObject/headObject/deleteObject: this version of the object (versioned "
                                                + "buckets; deleteObject of a version deletes it for good). Not CamelS3LiteVersionId, "
                                                + "which every read and write sets as an out header.", javaType = "String")
    public static final String TARGET_VERSION_ID = "CamelS3LiteTargetVersionId";

    // ---------------------------------------------------------------- out
    /**
     * Out (writes, reads, consumer): the server-side encryption the store reports (x-amz-server-side-encryption:
     * AES256, aws:kms, aws:kms:dsse); absent when it reports none.
     */
    @Metadata(description = "Out (writes, reads, consumer): the server-side encryption the store reports "
                            + "(x-amz-server-side-encryption: AES256, aws:kms, aws:kms:dsse); absent when it reports none.",
              javaType = "String")
    public static final String STORED_ENCRYPTION = "CamelS3LiteStoredEncryption";
    /** Out: the KMS key the store reports (x-amz-server-side-encryption-aws-kms-key-id). */
    @Metadata(description = "Out: the KMS key the store reports (x-amz-server-side-encryption-aws-kms-key-id).", javaType = "String")
    public static final String STORED_KMS_KEY_ID = "CamelS3LiteStoredKmsKeyId";
    /** Out: whether the store reports an S3 Bucket Key (x-amz-server-side-encryption-bucket-key-enabled). */
    @Metadata(description = "Out: whether the store reports an S3 Bucket Key (x-amz-server-side-encryption-bucket-key-enabled).",
              javaType = "Boolean")
    public static final String STORED_BUCKET_KEY_ENABLED = "CamelS3LiteStoredBucketKeyEnabled";
    /** Out (reads, consumer): the storage class the store reports (x-amz-storage-class; S3 sends none for STANDARD). */
    @Metadata(description = "Out (reads, consumer): the storage class the store reports (x-amz-storage-class; S3 sends none "
                            + "for STANDARD).", javaType = "String")
    public static final String STORED_STORAGE_CLASS = "CamelS3LiteStoredStorageClass";
    /** Out: the SSE-C algorithm the store confirms (x-amz-server-side-encryption-customer-algorithm). */
    @Metadata(description = "Out: the SSE-C algorithm the store confirms (x-amz-server-side-encryption-customer-algorithm).",
              javaType = "String")
    public static final String STORED_SSE_CUSTOMER_ALGORITHM = "CamelS3LiteStoredSseCustomerAlgorithm";
    /**
     * createDownloadLink/createUploadLink: the headers the link's user must send (signed; a Map&lt;String,
     * String&gt;), besides the SSE-C key when one is used.
     */
    @Metadata(label = "producer", description = "createDownloadLink/createUploadLink: the headers the link's user must send "
                                                + "(signed; a Map<String, String>), besides the SSE-C key when one is used.",
              javaType = "java.util.Map<String, String>")
    public static final String SIGNED_HEADERS = "CamelS3LiteSignedHeaders";
    /** The ETag of the object written or read. */
    @Metadata(description = "The ETag of the object written or read.", javaType = "String")
    public static final String E_TAG = "CamelS3LiteETag";
    /** The version id, on versioned buckets. */
    @Metadata(description = "The version id, on versioned buckets.", javaType = "String")
    public static final String VERSION_ID = "CamelS3LiteVersionId";
    /** The object's length in bytes (out); may be given in for stream bodies of known length. */
    @Metadata(description = "The object's length in bytes (out); may be given in for stream bodies of known length.",
              javaType = "Long")
    public static final String CONTENT_LENGTH = "CamelS3LiteContentLength";
    /** The object's last-modified time. */
    @Metadata(description = "The object's last-modified time.", javaType = "java.time.Instant")
    public static final String LAST_MODIFIED = "CamelS3LiteLastModified";
    /** True when getObject's If-None-Match matched (HTTP 304). */
    @Metadata(label = "producer", description = "True when getObject's If-None-Match matched (HTTP 304).",
              javaType = "Boolean")
    public static final String NOT_MODIFIED = "CamelS3LiteNotModified";
    /** putObject: the number of parts of a multipart upload. */
    @Metadata(label = "producer", description = "putObject: the number of parts of a multipart upload.",
              javaType = "Integer")
    public static final String PART_COUNT = "CamelS3LitePartCount";
    /** putObject: parts reused from a checkpoint instead of sent again. */
    @Metadata(label = "producer", description = "putObject: parts reused from a checkpoint instead of sent again.",
              javaType = "Integer")
    public static final String RESUMED_PART_COUNT = "CamelS3LiteResumedPartCount";
    /**
     * putObject: true when the checkpoint showed this source already uploaded to this key, so nothing was sent
     * (exactly once).
     */
    @Metadata(label = "producer", description = "putObject: true when the checkpoint showed this source already "
                                                + "uploaded to this key, so nothing was sent (exactly once).",
              javaType = "Boolean")
    public static final String ALREADY_UPLOADED = "CamelS3LiteAlreadyUploaded";
    /** Content-Encoding of the object (in: to store, e.g. gzip). */
    @Metadata(description = "Content-Encoding of the object (in: to store, e.g. gzip).", javaType = "String")
    public static final String CONTENT_ENCODING = "CamelS3LiteContentEncoding";
    /** Cache-Control of the object (in: to store). */
    @Metadata(description = "Cache-Control of the object (in: to store).", javaType = "String")
    public static final String CACHE_CONTROL = "CamelS3LiteCacheControl";
    /** Content-Disposition of the object (in: to store). */
    @Metadata(description = "Content-Disposition of the object (in: to store).", javaType = "String")
    public static final String CONTENT_DISPOSITION = "CamelS3LiteContentDisposition";
    /** getObject with a range: the Content-Range the server answered. */
    @Metadata(description = "getObject with a range: the Content-Range the server answered.", javaType = "String")
    public static final String CONTENT_RANGE = "CamelS3LiteContentRange";
    /** getObject to a file: the byte offset a resumed download continued from (0 for a fresh one). */
    @Metadata(label = "producer", description = "getObject to a file: the byte offset a resumed download continued from "
                                                + "(0 for a fresh one).",
              javaType = "Long")
    public static final String DOWNLOAD_RESUMED_FROM = "CamelS3LiteDownloadResumedFrom";
    /**
     * getObject to a file: the checksum the downloaded bytes were verified with (CRC64NVME, CRC32C, CRC32, SHA1,
     * SHA256 or MD5 (ETag)); absent when none was (see downloadChecksumValidation).
     */
    @Metadata(label = "producer", description = "getObject to a file: the checksum the downloaded bytes were verified with "
                                                + "(CRC64NVME, CRC32C, CRC32, SHA1, SHA256 or MD5 (ETag)); absent when none was "
                                                + "(see downloadChecksumValidation).",
              javaType = "String")
    public static final String DOWNLOAD_VERIFIED_WITH = "CamelS3LiteDownloadVerifiedWith";
    /** abortStaleUploads: how many uploads were aborted. */
    @Metadata(label = "producer", description = "abortStaleUploads: how many uploads were aborted.", javaType = "Integer")
    public static final String ABORTED_COUNT = "CamelS3LiteAbortedCount";

    private S3LiteConstants() {
    }
}
