package io.github.s3lite.upload;

import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.Checksums;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;

/**
 * The flexible checksum of every part of one upload, which CompleteMultipartUpload must list when the parts carry
 * one (AWS refuses the completion otherwise, S3Proxy too). A part sent in this attempt has the value it was sent
 * with; a resumed part has the one ListParts reports (AWS lists them) or, where the store does not list them
 * (S3Proxy), the value recomputed from the local bytes of that part: the stream buffer just read, or the file
 * region. The checkpoint ({@code part} key and source identity) vouches that those are the bytes the part holds.
 */
final class PartChecksums {
    private final S3LiteClient client;
    private final ChecksumAlgorithm requested;

    PartChecksums(S3LiteClient client, ChecksumAlgorithm requested) {
        this.client = client;
        this.requested = requested;
    }

    /**
     * The flexible algorithm the parts carry: the requested one, or for AUTO CRC32C unless the store showed it does
     * not verify flexible checksums; null for MD5 and NONE.
     */
    ChecksumAlgorithm algorithm() {
        if (requested == ChecksumAlgorithm.AUTO) {
            return Boolean.FALSE.equals(client.flexibleChecksums()) ? null : ChecksumAlgorithm.CRC32C;
        }
        return requested.flexible() ? requested : null;
    }

    /** The checksum of these bytes with {@link #algorithm()}, or null when the parts carry none. */
    String of(byte[] data, int length) {
        ChecksumAlgorithm a = algorithm();
        return a == null ? null : Checksums.compute(a, new RequestBody.Bytes(data, 0, length));
    }

    /**
     * The parts to complete, sorted by number, each with its checksum: those missing one get it from the local
     * bytes (file regions are read; stream parts got theirs when they were reused). Without a flexible algorithm
     * the parts are returned as they are.
     */
    List<PartInfo> complete(List<PartInfo> parts, UploadSource source, PartPlan plan) {
        ChecksumAlgorithm a = algorithm();
        List<PartInfo> out = new ArrayList<>(parts.size());
        for (PartInfo p : parts) {
            if (a != null && p.checksum() == null && source instanceof UploadSource.FileSource f && plan != null) {
                p = p.withChecksum(a, Checksums.compute(a,
                        RequestBody.of(f.path(), plan.offset(p.partNumber()), plan.length(p.partNumber()))));
            }
            out.add(p);
        }
        out.sort((x, y) -> Integer.compare(x.partNumber(), y.partNumber()));
        return out;
    }
}
