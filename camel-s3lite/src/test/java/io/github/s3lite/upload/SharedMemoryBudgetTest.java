package io.github.s3lite.upload;

import java.io.ByteArrayInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.EmbeddedS3;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 point 7: the stream part buffers of all uploads share one budget. Before, each upload allowed itself a
 * quarter of the heap, so four concurrent stream uploads could take all of it. Here six concurrent unknown-length
 * stream uploads (5 MiB parts, uploadConcurrency 4) share a 16 MiB budget: the leased bytes never exceed it, every
 * object arrives intact (SHA-256), and everything is given back.
 */
class SharedMemoryBudgetTest {

    static final int MIB = 1024 * 1024;

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void concurrentStreamUploadsStayWithinOneSharedBudget() throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("budget");
        MemoryBudget budget = new MemoryBudget(16L * MIB);
        ExecutorService parts = Executors.newFixedThreadPool(16);
        ExecutorService uploads = Executors.newFixedThreadPool(6);
        try (S3LiteClient client = s3.newClient()) {
            MultipartUploader uploader = new MultipartUploader(client, parts, CheckpointStore.NONE,
                    new MultipartUploader.Settings(5L * MIB, 4, 1L << 40, ChecksumAlgorithm.AUTO), UploadProgress.NONE,
                    budget);
            List<Future<?>> done = new ArrayList<>();
            List<byte[]> data = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                byte[] b = new byte[23 * MIB + i];
                new Random(i).nextBytes(b);
                data.add(b);
                int n = i;
                done.add(uploads.submit(() -> uploader.upload(bucket, "budget/" + n, new UploadSource.StreamSource(
                        new ByteArrayInputStream(b), -1, "stream:" + n), ObjectWriteOptions.DEFAULTS)));
            }
            for (Future<?> f : done) {
                f.get(5, TimeUnit.MINUTES);
            }
            for (int i = 0; i < 6; i++) {
                try (var r = client.getObject(bucket, "budget/" + i, GetOptions.NONE)) {
                    assertThat(sha(r.body().readAllBytes())).isEqualTo(sha(data.get(i)));
                }
            }
            assertThat(budget.peak()).isLessThanOrEqualTo(16L * MIB).isGreaterThanOrEqualTo(5L * MIB);
            assertThat(budget.leased()).as("every buffer given back").isZero();
        } finally {
            parts.shutdownNow();
            uploads.shutdownNow();
        }
    }

    @Test
    void aPartLargerThanTheBudgetFailsBeforeAnyRequest() {
        MemoryBudget budget = new MemoryBudget(8L * MIB);
        assertThatThrownBy(() -> PartBufferPool.forStream(budget, 10L * MIB, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partSize")
                .hasMessageContaining("8388608");
        assertThat(PartBufferPool.streamConcurrency(budget, 5L * MIB, 4)).isEqualTo(1);
    }
}
