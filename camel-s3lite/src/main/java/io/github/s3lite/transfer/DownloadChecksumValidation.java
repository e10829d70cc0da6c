package io.github.s3lite.transfer;

/**
 * Whether a download checks the bytes it received against a checksum of the whole object.
 * <ul>
 * <li>{@link #WHEN_AVAILABLE} (default): asks the store for the object's checksum ({@code x-amz-checksum-mode:
 * ENABLED}) and verifies a full-object CRC64NVME, CRC32C, CRC32, SHA-1 or SHA-256 when the store reports one
 * (AWS S3 does for objects uploaded with a flexible checksum; S3Proxy 4.1 and Ceph RGW 16 report none, so there
 * nothing is verified). Composite checksums of multipart uploads ({@code ...-N}) are not verifiable this way and
 * are skipped.</li>
 * <li>{@link #ALWAYS}: as above; when no full-object checksum is reported, the ETag of a single-part object (32 hex
 * digits, the MD5 of the content on unencrypted and SSE-S3 objects) is verified as MD5. When neither is available
 * (a multipart ETag {@code ...-N}) the download fails before any byte is fetched. Do not use it for SSE-KMS or
 * SSE-C objects on AWS, whose ETag is not an MD5.</li>
 * <li>{@link #NEVER}: no checksum; length, range and ETag checks still apply.</li>
 * </ul>
 * A mismatch discards the downloaded bytes and fails with a transient error, so a retry downloads again from byte 0.
 */
public enum DownloadChecksumValidation {
    WHEN_AVAILABLE,
    ALWAYS,
    NEVER
}
