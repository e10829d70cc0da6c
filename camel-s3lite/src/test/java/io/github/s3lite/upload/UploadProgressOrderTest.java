package io.github.s3lite.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.EmbeddedS3;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Upload progress is told in order (issue 16 point 5): with parts in parallel, each event has more bytes and more
 * parts than the one before. The listener holds the first event it gets back until another event arrives (at most
 * 1 s): when events can overtake each other (the old code counted the bytes, then called the listener outside any
 * order), the next part's event, with more bytes, is seen before it.
 */
class UploadProgressOrderTest {

    static final int MIB = 1024 * 1024;

    @Test
    void progressEventsAreStrictlyIncreasingUnderParallelParts() throws Exception {
        Path dir = Files.createTempDirectory("s3lite-progress");
        Path file = dir.resolve("f.bin");
        byte[] b = new byte[3 * 5 * MIB + 17];
        new Random(3).nextBytes(b);
        Files.write(file, b);
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("progress");
        List<long[]> seen = new CopyOnWriteArrayList<>();
        CountDownLatch another = new CountDownLatch(1);
        AtomicBoolean first = new AtomicBoolean();
        UploadProgress holdFirst = (key, bytesDone, total, partsDone, partsTotal) -> {
            if (first.compareAndSet(false, true)) {
                try {
                    another.await(1, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } else {
                another.countDown();
            }
            seen.add(new long[] { bytesDone, partsDone });
        };
        ExecutorService parts = Executors.newFixedThreadPool(4);
        try (S3LiteClient client = s3.newClient()) {
            MultipartUploader uploader = new MultipartUploader(client, parts, CheckpointStore.NONE,
                    new MultipartUploader.Settings(5L * MIB, 4, 1L << 40, ChecksumAlgorithm.CRC32C), holdFirst);
            uploader.upload(bucket, "ordered.bin", UploadSource.FileSource.of(file), ObjectWriteOptions.DEFAULTS);
        } finally {
            parts.shutdownNow();
            Files.delete(file);
            Files.delete(dir);
        }
        assertThat(seen).hasSize(4);
        for (int i = 1; i < seen.size(); i++) {
            assertThat(seen.get(i)[0]).as("bytes of event %d after %d", i, seen.get(i - 1)[0]).isGreaterThan(seen.get(i - 1)[0]);
            assertThat(seen.get(i)[1]).as("parts of event %d", i).isGreaterThan(seen.get(i - 1)[1]);
        }
        assertThat(seen.get(3)).containsExactly(b.length, 4);
    }
}
