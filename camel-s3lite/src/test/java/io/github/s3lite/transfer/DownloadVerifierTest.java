package io.github.s3lite.transfer;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Random;

import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3Exception;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DownloadVerifierTest {

    private static ObjectInfo info(String eTag, Map<String, String> checksums) {
        return new ObjectInfo("k", 9, null, eTag, null, null, null, null, null, null, Map.of(), checksums);
    }

    @Test
    void crc64NvmeGivesTheCatalogueCheckValue() {
        Crc64Nvme c = new Crc64Nvme();
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        c.update(check, 0, check.length);
        assertThat(c.getValue()).isEqualTo(0xae8b14860a799888L);
        // slicing-by-8 and the byte-wise tail agree on every split
        byte[] data = new byte[1000];
        new Random(1).nextBytes(data);
        Crc64Nvme whole = new Crc64Nvme();
        whole.update(data, 0, data.length);
        for (int split = 0; split <= 20; split++) {
            Crc64Nvme parts = new Crc64Nvme();
            parts.update(data, 0, split);
            for (int i = split; i < data.length; i++) {
                parts.update(data[i]);
            }
            assertThat(parts.getValue()).isEqualTo(whole.getValue());
        }
    }

    @Test
    void aReportedFullObjectCrc64NvmeIsVerified() {
        byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
        String good = Base64.getEncoder().encodeToString(ByteBuffer.allocate(8).putLong(0xae8b14860a799888L).array());
        DownloadVerifier v = DownloadVerifier.plan("b", "k", info("\"x\"", Map.of("crc64nvme", good, "type", "FULL_OBJECT")),
                DownloadChecksumValidation.WHEN_AVAILABLE, null);
        assertThat(v.algorithm()).isEqualTo("CRC64NVME");
        v.update(check, 0, check.length);
        assertThat(v.mismatch()).isNull();
        DownloadVerifier bad = v.copy();
        bad.update(check, 0, 8);
        assertThat(bad.mismatch()).contains("CRC64NVME");
    }

    @Test
    void compositeChecksumsAndMultipartETagsAreNotTakenForFullObjectOnes() {
        Map<String, String> composite = Map.of("crc32c", "AAAAAA==-3", "type", "COMPOSITE");
        assertThat(DownloadVerifier.plan("b", "k", info("\"0123456789abcdef0123456789abcdef-3\"", composite),
                DownloadChecksumValidation.WHEN_AVAILABLE, null).active()).isFalse();
        assertThatThrownBy(() -> DownloadVerifier.plan("b", "k", info("\"0123456789abcdef0123456789abcdef-3\"", composite),
                DownloadChecksumValidation.ALWAYS, null)).isInstanceOf(S3Exception.class).hasMessageContaining("WHEN_AVAILABLE or NEVER");
        assertThat(DownloadVerifier.plan("b", "k", info("\"0123456789abcdef0123456789abcdef\"", Map.of()),
                DownloadChecksumValidation.WHEN_AVAILABLE, null).active()).as("the ETag is taken for an MD5 only with ALWAYS")
                .isFalse();
        assertThat(DownloadVerifier.plan("b", "k", info("\"0123456789abcdef0123456789abcdef\"", Map.of()),
                DownloadChecksumValidation.ALWAYS, null).algorithm()).isEqualTo("MD5 (ETag)");
        assertThat(DownloadVerifier.plan("b", "k", info("\"x\"", Map.of("crc32c", "AAAAAA==")),
                DownloadChecksumValidation.NEVER, null).active()).isFalse();
    }

    private static String b64(long v, int bytes) {
        byte[] all = ByteBuffer.allocate(8).putLong(v).array();
        return Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(all, 8 - bytes, 8));
    }

    @Test
    void rangeCrcsCombineIntoTheCrcOfTheWholeObject() {
        byte[] data = new byte[70_001];
        new Random(5).nextBytes(data);
        for (String algorithm : new String[] {"crc32", "crc32c", "crc64nvme"}) {
            java.util.zip.Checksum whole = algorithm.equals("crc32") ? new java.util.zip.CRC32()
                    : algorithm.equals("crc32c") ? new java.util.zip.CRC32C() : new Crc64Nvme();
            whole.update(data, 0, data.length);
            int bytes = algorithm.equals("crc64nvme") ? 8 : 4;
            DownloadVerifier v = DownloadVerifier.plan("b", "k", info("\"e\"", Map.of(algorithm, b64(whole.getValue(), bytes))),
                    DownloadChecksumValidation.WHEN_AVAILABLE, null);
            assertThat(v.algorithm()).isEqualTo(algorithm.toUpperCase(java.util.Locale.ROOT));
            Random r = new Random(algorithm.hashCode());
            for (int round = 0; round < 20; round++) {
                // random cut points, also empty ranges and a range of one byte
                int n = 1 + r.nextInt(6);
                int[] cuts = new int[n + 1];
                cuts[n] = data.length;
                for (int i = 1; i < n; i++) {
                    cuts[i] = round == 0 ? Math.min(i, data.length) : r.nextInt(data.length + 1);
                }
                java.util.Arrays.sort(cuts);
                long[] values = new long[n];
                long[] lengths = new long[n];
                for (int i = 0; i < n; i++) {
                    java.util.zip.Checksum c = v.rangeChecksum();
                    c.update(data, cuts[i], cuts[i + 1] - cuts[i]);
                    values[i] = c.getValue();
                    lengths[i] = cuts[i + 1] - cuts[i];
                }
                assertThat(v.mismatchOfRanges(values, lengths)).as("%s cut at %s", algorithm,
                        java.util.Arrays.toString(cuts)).isNull();
                values[n - 1] ^= 1;
                assertThat(v.mismatchOfRanges(values, lengths)).contains(v.algorithm() + " of the bytes received");
            }
        }
        // a digest does not combine: checked in order with update
        DownloadVerifier sha = DownloadVerifier.plan("b", "k", info("\"e\"", Map.of("sha256", "x")),
                DownloadChecksumValidation.WHEN_AVAILABLE, null);
        assertThat(sha.rangeChecksum()).isNull();
    }

    /** S3's composite value over {@code parts} of {@code data}: the digest of the parts' digests, then "-N". */
    private static String composite(String algorithm, byte[] data, long[] parts) throws Exception {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        int off = 0;
        for (long size : parts) {
            byte[] d;
            if (algorithm.equals("sha256")) {
                d = java.security.MessageDigest.getInstance("SHA-256").digest(java.util.Arrays.copyOfRange(data, off, off + (int) size));
            } else {
                java.util.zip.CRC32C c = new java.util.zip.CRC32C();
                c.update(data, off, (int) size);
                d = ByteBuffer.allocate(4).putInt((int) c.getValue()).array();
            }
            all.write(d);
            off += (int) size;
        }
        byte[] outer = algorithm.equals("sha256") ? java.security.MessageDigest.getInstance("SHA-256").digest(all.toByteArray())
                : ByteBuffer.allocate(4).putInt((int) crc32c(all.toByteArray())).array();
        return Base64.getEncoder().encodeToString(outer) + "-" + parts.length;
    }

    private static long crc32c(byte[] b) {
        java.util.zip.CRC32C c = new java.util.zip.CRC32C();
        c.update(b, 0, b.length);
        return c.getValue();
    }

    @Test
    void compositeChecksumsAreVerifiedAcrossPartBoundariesFedInAnyChunks() throws Exception {
        Random r = new Random(5);
        for (String algorithm : new String[] { "crc32c", "sha256" }) {
            for (int round = 0; round < 20; round++) {
                int n = 1 + r.nextInt(6);
                long[] parts = new long[n];
                int total = 0;
                for (int i = 0; i < n; i++) {
                    parts[i] = 1 + r.nextInt(5000);
                    total += (int) parts[i];
                }
                byte[] data = new byte[total];
                r.nextBytes(data);
                Map<String, String> sums = Map.of(algorithm, composite(algorithm, data, parts), "type", "COMPOSITE");
                ObjectInfo info = new ObjectInfo("k", total, null, "\"e-" + n + "\"", null, null, null, null, null, null,
                        Map.of(), sums);
                java.util.List<Long> sizes = java.util.Arrays.stream(parts).boxed().toList();
                DownloadVerifier v = DownloadVerifier.plan("b", "k", info, DownloadChecksumValidation.ALWAYS, () -> sizes);
                assertThat(v.algorithm()).isEqualTo(algorithm.toUpperCase(java.util.Locale.ROOT) + " (composite of " + n + " parts)");
                for (int off = 0; off < total;) {
                    int len = Math.min(total - off, 1 + r.nextInt(7000));
                    v.update(data, off, len);
                    off += len;
                }
                assertThat(v.mismatch()).as("round %d, parts %s", round, java.util.Arrays.toString(parts)).isNull();
                // a byte flipped, or the part sizes shifted by one byte, is a mismatch
                DownloadVerifier flipped = v.copy();
                byte[] bad = data.clone();
                bad[r.nextInt(total)] ^= 1;
                flipped.update(bad, 0, total);
                assertThat(flipped.mismatch()).contains("of the bytes received");
                if (n > 1) {
                    // the part sizes wrong by one byte (moved from the first part to the second)
                    java.util.List<Long> shifted = new java.util.ArrayList<>(sizes);
                    if (shifted.get(0) > 1) {
                        shifted.set(0, shifted.get(0) - 1);
                        shifted.set(1, shifted.get(1) + 1);
                        DownloadVerifier wrong = DownloadVerifier.plan("b", "k", info, DownloadChecksumValidation.ALWAYS,
                                () -> shifted);
                        wrong.update(data, 0, total);
                        assertThat(wrong.mismatch()).isNotNull();
                    }
                }
            }
        }
        // sizes that do not add up to the object, or another part count: not verified (nothing to check against)
        Map<String, String> sums = Map.of("crc32c", "AAAAAA==-2", "type", "COMPOSITE");
        ObjectInfo info = new ObjectInfo("k", 10, null, "\"e-2\"", null, null, null, null, null, null, Map.of(), sums);
        assertThat(DownloadVerifier.plan("b", "k", info, DownloadChecksumValidation.WHEN_AVAILABLE,
                () -> java.util.List.of(4L, 5L)).active()).isFalse();
        assertThat(DownloadVerifier.plan("b", "k", info, DownloadChecksumValidation.WHEN_AVAILABLE,
                () -> java.util.List.of(10L)).active()).isFalse();
    }
}
