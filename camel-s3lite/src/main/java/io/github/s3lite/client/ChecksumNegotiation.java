package io.github.s3lite.client;

import java.io.IOException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.hc.core5.http.ClassicHttpResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static io.github.s3lite.client.Responses.header;

/**
 * Checksum negotiation: sends a body with its checksum header(s) and checks what the server reports back.
 * {@link ChecksumAlgorithm#AUTO} negotiates once per client: the first request carries Content-MD5 and
 * x-amz-checksum-crc32c, and the answer decides which one later requests carry. (A large first single PUT is
 * preceded by {@link ChecksumProbe}, and a first multipart upload on a store that does not answer the declaration
 * sends its first part alone, so that the first request carrying both is small.)
 * <p>
 * A store whose CreateMultipartUpload answer echoes the declared {@code x-amz-checksum-algorithm: CRC32C} (AWS,
 * S3Proxy; Ceph RGW 16 does not) tracks flexible checksums: from then on, until a body's answer tells, parts carry
 * CRC32C alone, and one whose answer does not echo it is sent once more with Content-MD5 (its body is repeatable),
 * which also decides for Content-MD5. So on such a store no part pays for MD5 and none waits for another.
 */
final class ChecksumNegotiation {
    private static final Logger LOG = LoggerFactory.getLogger(S3LiteClient.class);

    /** Reads the successful answer to a checksummed write. */
    interface WriteReader<T> {
        /** {@code sent}: the checksum values the request carried, by algorithm. */
        T read(ClassicHttpResponse response, String eTag, Map<ChecksumAlgorithm, String> sent) throws IOException;
    }

    private final RequestExecutor executor;
    private volatile Boolean flexibleChecksums;
    /** A CreateMultipartUpload answer echoed the CRC32C declaration (only looked at while flexibleChecksums is null). */
    private volatile boolean declarationEchoed;

    ChecksumNegotiation(RequestExecutor executor) {
        this.executor = executor;
    }

    /** Whether the store verifies {@code x-amz-checksum-crc32c}: null until the first AUTO request told. */
    Boolean flexibleChecksums() {
        return flexibleChecksums;
    }

    /**
     * The flexible algorithm a multipart upload's parts will carry, which CreateMultipartUpload declares, or null
     * (Content-MD5 or no checksum). AUTO declares CRC32C unless the store is known to ignore flexible checksums.
     */
    ChecksumAlgorithm declared(ChecksumAlgorithm requested) {
        if (requested == ChecksumAlgorithm.AUTO) {
            return Boolean.FALSE.equals(flexibleChecksums) ? null : ChecksumAlgorithm.CRC32C;
        }
        return requested.flexible() ? requested : null;
    }

    /**
     * While an AUTO request would still carry Content-MD5 and CRC32C both (nothing learned, no echoed declaration),
     * a multipart upload's first part goes alone and decides for the others.
     */
    boolean autoSendsBoth() {
        return flexibleChecksums == null && !declarationEchoed;
    }

    /** With AUTO, notes that a CreateMultipartUpload answer echoed {@code x-amz-checksum-algorithm} {@code echoed}. */
    void learnDeclaration(ChecksumAlgorithm requested, String echoed) {
        if (requested == ChecksumAlgorithm.AUTO && flexibleChecksums == null
                && ChecksumAlgorithm.CRC32C.wireName().equalsIgnoreCase(echoed)) {
            declarationEchoed = true;
        }
    }

    /**
     * With AUTO, a store that refused a checksum declaration before any checksummed request told whether it verifies
     * them: true when that was taken as "no flexible checksums" (the caller then asks once more without it).
     */
    boolean learnRefusedDeclaration(ChecksumAlgorithm requested, S3Exception e) {
        if (requested != ChecksumAlgorithm.AUTO || flexibleChecksums != null || !refused(e)) {
            return false;
        }
        flexibleChecksums = false;
        LOG.info("{} refused x-amz-checksum-algorithm ({}): using Content-MD5 from now on",
                executor.addressing().endpointHost(), e.getErrorCode());
        return true;
    }

    /**
     * The flexible checksum a part was sent with and the store keeps, which CompleteMultipartUpload must list: the
     * requested one, or with AUTO CRC32C once the store showed it verifies it (it echoed the header); else null.
     */
    ChecksumAlgorithm kept(ChecksumAlgorithm requested, Map<ChecksumAlgorithm, String> sent) {
        ChecksumAlgorithm a = requested == ChecksumAlgorithm.AUTO
                ? (Boolean.TRUE.equals(flexibleChecksums) ? ChecksumAlgorithm.CRC32C : null)
                : requested.flexible() ? requested : null;
        return a != null && sent.containsKey(a) ? a : null;
    }

    /** A store refusing a checksum header (not a checksum mismatch). */
    /** Only codes about the checksum header count (not any 400 such as RequestTimeout): see S3Errors. */
    private static boolean refused(S3Exception e) {
        return S3Errors.refusesChecksumHeader(e);
    }

    /**
     * Sends {@code body} with the checksum(s) {@code requested} calls for and reads the answer.
     * {@code rewritable}: sending the same body again to the same target is harmless (an UploadPart, not a
     * conditional PUT), so an unconfirmed CRC32C-only part may be sent again with Content-MD5.
     */
    <T> T send(String what, ChecksumAlgorithm requested, RequestBody body, Map<String, String> base,
            Function<Map<String, String>, Call> callFor, WriteReader<T> reader, boolean rewritable) {
        Boolean flexible = flexibleChecksums;
        boolean unknown = requested == ChecksumAlgorithm.AUTO && flexible == null;
        boolean tentative = unknown && declarationEchoed && rewritable && body.repeatable();
        boolean probe = unknown && !tentative;
        List<ChecksumAlgorithm> algorithms = requested != ChecksumAlgorithm.AUTO ? List.of(requested)
                : probe ? List.of(ChecksumAlgorithm.MD5, ChecksumAlgorithm.CRC32C)
                : tentative || flexible ? List.of(ChecksumAlgorithm.CRC32C) : List.of(ChecksumAlgorithm.MD5);
        Map<String, String> headers = new LinkedHashMap<>(base);
        Map<ChecksumAlgorithm, String> sums;
        try {
            sums = Checksums.computeAll(algorithms, body);
        } catch (java.io.UncheckedIOException e) {
            throw new S3Exception("S3 " + what + ": reading the body to checksum it failed: " + e.getCause().getMessage(),
                    0, null, null, e.getCause());
        }
        sums.forEach((a, sum) -> headers.put(a.header(), sum));
        String host = executor.addressing().endpointHost();
        boolean[] unverified = new boolean[1];
        T result;
        try {
            result = executor.executeAndRead(callFor.apply(headers), r -> {
                String eTag = header(r, "ETag");
                sums.forEach((a, sum) -> verifyChecksum(r, a, sum, eTag, what));
                if (unknown) {
                    boolean echoed = header(r, ChecksumAlgorithm.CRC32C.header()) != null;
                    if (echoed || probe) {
                        flexibleChecksums = echoed;
                        LOG.debug("{} {} x-amz-checksum-crc32c: using {} from now on", host,
                                echoed ? "verifies" : "ignores", echoed ? "CRC32C" : "Content-MD5");
                    } else {
                        unverified[0] = true;
                        return null;
                    }
                }
                return reader.read(r, eTag, sums);
            });
        } catch (S3Exception e) {
            if (unknown && refused(e) && body.repeatable()) {
                flexibleChecksums = false;
                LOG.info("{} refused x-amz-checksum-crc32c ({}): using Content-MD5 from now on", host, e.getErrorCode());
                return send(what, ChecksumAlgorithm.MD5, body, base, callFor, reader, rewritable);
            }
            throw e;
        }
        if (unverified[0]) {
            flexibleChecksums = false;
            LOG.info("{} declared CRC32C for multipart uploads but did not verify it on {}: sent again with Content-MD5,"
                    + " using Content-MD5 from now on", host, what);
            return send(what, ChecksumAlgorithm.MD5, body, base, callFor, reader, rewritable);
        }
        return result;
    }

    private static void verifyChecksum(ClassicHttpResponse r, ChecksumAlgorithm algorithm, String sent, String eTag,
            String what) {
        if (sent == null) {
            return;
        }
        if (algorithm == ChecksumAlgorithm.MD5) {
            // The server verified Content-MD5 itself; where the ETag is the plain MD5 (no SSE-KMS/SSE-C) compare it too.
            String e = ETags.bare(eTag);
            boolean plain = header(r, "x-amz-server-side-encryption-customer-algorithm") == null
                    && !"aws:kms".equals(header(r, "x-amz-server-side-encryption"));
            if (plain && ETags.isMd5Hex(e)) {
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
}
