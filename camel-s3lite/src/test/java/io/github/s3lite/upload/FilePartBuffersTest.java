package io.github.s3lite.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.EmbeddedS3;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * File parts read once (issue 15 point 1): a part is read into a buffer leased from the shared {@link MemoryBudget}
 * and both its checksum and its body come from it; when the budget has no room the part is sent from disk, and the
 * upload never waits for memory. Each case checks the stored bytes by SHA-256 on S3Proxy, with every checksum mode
 * whose body takes a different path (AUTO/CRC32C, MD5).
 */
class FilePartBuffersTest {

    static final int MIB = 1024 * 1024;
    static Path dir;
    static Path file;
    static String fileSha;

    @BeforeAll
    static void data() throws Exception {
        dir = Files.createTempDirectory("s3lite-fileparts");
        file = dir.resolve("f.bin");
        byte[] b = new byte[4 * 5 * MIB + 1234];
        new Random(7).nextBytes(b);
        Files.write(file, b);
        fileSha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @AfterAll
    static void clean() throws Exception {
        Files.deleteIfExists(file);
        Files.delete(dir);
    }

    private static String upload(MemoryBudget budget, ChecksumAlgorithm checksum, String key) throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("fileparts");
        ExecutorService parts = Executors.newFixedThreadPool(4);
        try (S3LiteClient client = s3.newClient()) {
            MultipartUploader uploader = new MultipartUploader(client, parts, CheckpointStore.NONE,
                    new MultipartUploader.Settings(5L * MIB, 4, 1L << 40, checksum), UploadProgress.NONE, budget);
            long before = budget.leased();
            uploader.upload(bucket, key, UploadSource.FileSource.of(file), ObjectWriteOptions.DEFAULTS);
            assertThat(budget.leased()).as("every buffer given back").isEqualTo(before);
            try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(r.body().readAllBytes()));
            }
        } finally {
            parts.shutdownNow();
        }
    }

    @Test
    void partsAreReadOnceIntoBudgetBuffers() throws Exception {
        for (ChecksumAlgorithm c : new ChecksumAlgorithm[] { ChecksumAlgorithm.AUTO, ChecksumAlgorithm.MD5 }) {
            MemoryBudget budget = new MemoryBudget(64L * MIB);
            assertThat(upload(budget, c, "buffered-" + c)).isEqualTo(fileSha);
            assertThat(budget.peak()).as("buffers were leased, at most concurrency + 1").isGreaterThanOrEqualTo(5L * MIB)
                    .isLessThanOrEqualTo(5L * 5 * MIB);
        }
    }

    @Test
    void aSpentBudgetSendsFromDiskWithoutWaiting() throws Exception {
        MemoryBudget budget = new MemoryBudget(12L * MIB);
        budget.lease(12L * MIB); // another upload holds everything, and never gives it back during this one
        assertThat(upload(budget, ChecksumAlgorithm.AUTO, "from-disk")).isEqualTo(fileSha);
        budget.release(12L * MIB);
        // room for one buffer only: some parts from the buffer, the others from disk, in parallel
        MemoryBudget one = new MemoryBudget(6L * MIB);
        assertThat(upload(one, ChecksumAlgorithm.AUTO, "mixed")).isEqualTo(fileSha);
        assertThat(one.peak()).isEqualTo(5L * MIB);
    }
}
