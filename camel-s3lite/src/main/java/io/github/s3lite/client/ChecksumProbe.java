package io.github.s3lite.client;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Learns what {@link ChecksumAlgorithm#AUTO} needs to know (does the store verify {@code x-amz-checksum-crc32c}?)
 * before a large single PUT, so that its body is checksummed once, with the one algorithm that will be used,
 * instead of with Content-MD5 and CRC32C both (MD5 alone costs ~1.7 CPU s/GiB: the "first-request tax").
 * <p>
 * The probe is a tiny multipart upload of the same key, aborted at once: CreateMultipartUpload declaring CRC32C
 * (a store that refuses the declaration is one without flexible checksums), UploadPart 1 of {@value #PROBE_BYTES}
 * bytes carrying both checksums (or CRC32C alone where the first answer echoed the declaration: see
 * {@link ChecksumNegotiation}; the store's echo of the CRC32C decides, as on any first AUTO request), then
 * AbortMultipartUpload. Nothing becomes visible as an object; the upload carries no checkpoint key, so s3lite's
 * uploaders never take it for one of theirs. Three small round trips, once per client, only for a body of at
 * least {@link #MIN_BODY} bytes (below that, checksumming it twice costs less than the round trips on a WAN).
 * If the probe fails in any way nothing is learned and the PUT negotiates as before (both checksums); an abort
 * that fails leaves a {@value #PROBE_BYTES}-byte upload for {@code abortStaleUploads} (logged).
 */
final class ChecksumProbe {
    private static final Logger LOG = LoggerFactory.getLogger(S3LiteClient.class);

    /** Bodies from this size on are worth a probe. */
    static final long MIN_BODY = 16L << 20;
    static final int PROBE_BYTES = 8;

    private ChecksumProbe() {
    }

    /** Whether a single PUT of {@code body} with {@code requested} should probe first. */
    static boolean worthIt(S3LiteClient client, ChecksumAlgorithm requested, RequestBody body) {
        return requested == ChecksumAlgorithm.AUTO && client.flexibleChecksums() == null && body.length() >= MIN_BODY;
    }

    /** Runs the probe on bucket/key; afterwards {@link S3LiteClient#flexibleChecksums()} is known unless it failed. */
    static void run(S3LiteClient client, String bucket, String key, ObjectWriteOptions options) {
        String uploadId;
        try {
            uploadId = client.createMultipartUpload(bucket, key, options, ChecksumAlgorithm.AUTO);
        } catch (RuntimeException e) {
            LOG.debug("Checksum probe on {}/{} could not start ({}): negotiating on the PUT itself", bucket, key,
                    e.getMessage());
            return;
        }
        try {
            if (client.flexibleChecksums() == null) {
                client.uploadPart(bucket, key, uploadId, 1, RequestBody.of(new byte[PROBE_BYTES]), ChecksumAlgorithm.AUTO);
            }
        } catch (RuntimeException e) {
            LOG.debug("Checksum probe part on {}/{} failed ({}): negotiating on the PUT itself", bucket, key,
                    e.getMessage());
        } finally {
            try {
                client.abortMultipartUpload(bucket, key, uploadId);
            } catch (RuntimeException e) {
                LOG.warn("Could not abort the checksum probe upload {} of {}/{} ({}): abortStaleUploads removes it",
                        uploadId, bucket, key, e.getMessage());
            }
        }
    }
}
