package io.github.s3lite.client;

import java.time.Instant;

/**
 * A part the server holds for an upload (ListParts) or one just uploaded. {@code checksum} is the base64 value of
 * the part's flexible checksum ({@code checksumAlgorithm} CRC32C, CRC32 or SHA256) when the part carried one that
 * the store keeps, else null; CompleteMultipartUpload lists it for the part (AWS requires it when the upload was
 * created with {@code x-amz-checksum-algorithm}).
 */
public record PartInfo(int partNumber, String eTag, long size, Instant lastModified, ChecksumAlgorithm checksumAlgorithm,
        String checksum) {

    public PartInfo {
        if ((checksumAlgorithm == null) != (checksum == null)) {
            throw new IllegalArgumentException("A part checksum needs both its algorithm and its value");
        }
        if (checksumAlgorithm != null && !checksumAlgorithm.flexible()) {
            throw new IllegalArgumentException(checksumAlgorithm + " is not a flexible checksum of a part");
        }
    }

    /** A part without a flexible checksum. */
    public PartInfo(int partNumber, String eTag, long size, Instant lastModified) {
        this(partNumber, eTag, size, lastModified, null, null);
    }

    public PartInfo withChecksum(ChecksumAlgorithm algorithm, String value) {
        return new PartInfo(partNumber, eTag, size, lastModified, algorithm, value);
    }
}
