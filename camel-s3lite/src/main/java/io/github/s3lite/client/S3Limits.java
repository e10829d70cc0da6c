package io.github.s3lite.client;

/** S3's limits, defined once. Source: Amazon S3 User Guide, "Amazon S3 multipart upload limits" and "Object key naming". */
public final class S3Limits {
    /** "Part size: 5 MiB to 5 GiB. There is no minimum size limit on the last part of your multipart upload." */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;
    public static final long MAX_PART_SIZE = 5L * 1024 * 1024 * 1024;
    /** "Maximum number of parts per upload: 10,000". */
    public static final int MAX_PARTS = 10_000;
    /** "Maximum object size: 48.8 TiB" (was 5 TiB). We default to 5 TiB, configurable. */
    public static final long MAX_OBJECT_SIZE = 5L * 1024 * 1024 * 1024 * 1024;
    /** "Maximum object size for a single PUT: 5 GiB". */
    public static final long MAX_SINGLE_PUT_SIZE = 5L * 1024 * 1024 * 1024;
    /**
     * CopyObject: "You can store individual objects of up to 5 TB in Amazon S3. You create a copy of your object up
     * to 5 GB in size in a single atomic action using this API. However, to copy an object greater than 5 GB, you
     * must use the multipart upload Upload Part - Copy (UploadPartCopy) API" (AWS S3 API reference, CopyObject).
     */
    public static final long MAX_COPY_OBJECT_SIZE = 5L * 1024 * 1024 * 1024;
    /** "The name for a key is a sequence of Unicode characters whose UTF-8 encoding is at most 1,024 bytes long." */
    public static final int MAX_KEY_BYTES = 1024;
    /** ListObjectsV2 / ListParts / DeleteObjects page limit. */
    public static final int MAX_KEYS_PER_PAGE = 1000;
    /** DeleteObjects: "up to 1,000 keys" per request. */
    public static final int MAX_DELETE_BATCH = 1000;
    /** Presigned URL lifetime: "minimum 1 second; maximum 604800 seconds (seven days)". */
    public static final long MIN_PRESIGN_SECONDS = 1;
    public static final long MAX_PRESIGN_SECONDS = 604_800;
    /**
     * Not S3's but the JVM's: a stream body is read into part buffers (Java arrays, at most 2^31 - 1 bytes), so a
     * configured part size stays below 2 GiB; 2047 MiB is the largest whole MiB that fits. Also the largest single
     * PUT of a stream body held in one buffer; stream buffers are further bounded by the stream memory budget all
     * uploads share ({@code upload.MemoryBudget}, a quarter of the heap).
     */
    public static final long MAX_IN_HEAP_PART_SIZE = 2047L * 1024 * 1024;

    /**
     * Not S3's: the smallest range of a parallel download to a file (each range is one GET, so smaller ones cost
     * more in requests than they gain in parallelism).
     */
    public static final long MIN_DOWNLOAD_PART_SIZE = 1024 * 1024;
    /** Not S3's: the most ranges one download fetches at a time (each holds a connection and a 256 KiB buffer). */
    public static final int MAX_DOWNLOAD_CONCURRENCY = 64;

    /**
     * Largest XML document the client reads from a successful answer (not an S3 limit: a bound against hostile
     * servers). A ListObjectsV2 page of 1,000 keys of 1,024 bytes, URL-encoded, stays under 4 MiB.
     */
    public static final long MAX_RESPONSE_DOCUMENT_BYTES = 16L * 1024 * 1024;

    /** Object tagging: "You can associate up to 10 tags with an object". */
    public static final int MAX_OBJECT_TAGS = 10;
    /** "A tag key can be up to 128 Unicode characters in length". */
    public static final int MAX_TAG_KEY_LENGTH = 128;
    /** "tag values can be up to 256 Unicode characters in length". */
    public static final int MAX_TAG_VALUE_LENGTH = 256;
    /** SSE-C: "a 256-bit, base64-encoded encryption key". */
    public static final int SSE_CUSTOMER_KEY_BYTES = 32;

    private S3Limits() {
    }
}
