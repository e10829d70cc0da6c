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
                DownloadChecksumValidation.WHEN_AVAILABLE);
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
                DownloadChecksumValidation.WHEN_AVAILABLE).active()).isFalse();
        assertThatThrownBy(() -> DownloadVerifier.plan("b", "k", info("\"0123456789abcdef0123456789abcdef-3\"", composite),
                DownloadChecksumValidation.ALWAYS)).isInstanceOf(S3Exception.class).hasMessageContaining("WHEN_AVAILABLE or NEVER");
        assertThat(DownloadVerifier.plan("b", "k", info("\"0123456789abcdef0123456789abcdef\"", Map.of()),
                DownloadChecksumValidation.WHEN_AVAILABLE).active()).as("the ETag is taken for an MD5 only with ALWAYS")
                .isFalse();
        assertThat(DownloadVerifier.plan("b", "k", info("\"0123456789abcdef0123456789abcdef\"", Map.of()),
                DownloadChecksumValidation.ALWAYS).algorithm()).isEqualTo("MD5 (ETag)");
        assertThat(DownloadVerifier.plan("b", "k", info("\"x\"", Map.of("crc32c", "AAAAAA==")),
                DownloadChecksumValidation.NEVER).active()).isFalse();
    }
}
