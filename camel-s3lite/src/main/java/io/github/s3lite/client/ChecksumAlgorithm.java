package io.github.s3lite.client;

/**
 * How each uploaded body (single PUT or part) is protected end to end. The server recomputes the value and rejects
 * a mismatch ({@code BadDigest}); the client also compares what the server reports back.
 */
public enum ChecksumAlgorithm {
    /**
     * The default: CRC32C where the store supports flexible checksums, else Content-MD5. The first checksummed
     * request of a client carries both; if the store echoes {@code x-amz-checksum-crc32c} the client uses CRC32C
     * from then on, if it ignores it (or refuses it with a 400/501, after which that body is sent once more with
     * MD5 only) the client uses Content-MD5.
     */
    AUTO(null),
    /** No checksum header (payload still protected by TLS when https is used). */
    NONE(null),
    /** {@code Content-MD5}: accepted by every S3-compatible store. The conservative default. */
    MD5("Content-MD5"),
    /** {@code x-amz-checksum-crc32c}: several times cheaper than MD5 on the client CPU; needs a store with flexible checksums. */
    CRC32C("x-amz-checksum-crc32c"),
    /** {@code x-amz-checksum-crc32}. */
    CRC32("x-amz-checksum-crc32"),
    /** {@code x-amz-checksum-sha256}. */
    SHA256("x-amz-checksum-sha256");

    private final String header;

    ChecksumAlgorithm(String header) {
        this.header = header;
    }

    /** The request header carrying the checksum, null for {@link #NONE} and {@link #AUTO}. */
    public String header() {
        return header;
    }

    /** True for the {@code x-amz-checksum-*} algorithms (CRC32C, CRC32, SHA256), which multipart uploads declare. */
    public boolean flexible() {
        return header != null && header.startsWith("x-amz-checksum-");
    }

    /**
     * The name S3 uses for a flexible algorithm: the value of {@code x-amz-checksum-algorithm} on
     * CreateMultipartUpload ({@code CRC32C}), and after {@code Checksum} the element of a part in ListParts and
     * CompleteMultipartUpload ({@code ChecksumCRC32C}).
     */
    public String wireName() {
        if (!flexible()) {
            throw new IllegalStateException(this + " is not a flexible checksum");
        }
        return name();
    }
}
