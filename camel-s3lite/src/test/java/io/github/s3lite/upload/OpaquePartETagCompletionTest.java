package io.github.s3lite.upload;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.AwsRulesFake;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A lost CompleteMultipartUpload answer where the part ETags are not MD5s (AWS under SSE-KMS/SSE-C): the object's
 * ETag cannot be computed from them, so the uploader recognises its object by the composite CRC32C the object
 * reports (HEAD with {@code x-amz-checksum-mode: ENABLED}). Against {@link AwsRulesFake} in its SSE-KMS mode
 * (part ETags {@code kms-...}, opaque object ETag), which commits the first Complete and answers it 500 (a lost
 * answer; FaultProxy in front of the JDK's HttpServer fake fails on the body-less POST of CreateMultipartUpload).
 */
class OpaquePartETagCompletionTest {

    static final int MIB = 1024 * 1024;
    static AwsRulesFake aws;
    static Path dir;
    static ExecutorService pool;

    @BeforeAll
    static void start() throws Exception {
        aws = new AwsRulesFake(true);
        aws.sseKms(true);
        dir = Files.createTempDirectory("s3lite-opaque");
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() throws Exception {
        pool.shutdownNow();
        aws.close();
        try (var s = Files.list(dir)) {
            for (Path p : s.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    private static S3LiteClient client() {
        return new S3LiteClient(new S3ClientConfig(aws.endpoint(), "us-east-1", true,
                CredentialsProvider.of(new Credentials("AKIDFAKE", "fake-secret")), Duration.ofSeconds(5),
                Duration.ofSeconds(5), 8, null));
    }

    @Test
    void aLostCompleteAnswerIsRecognisedByTheCompositeChecksumWhenPartETagsAreNotMd5s() throws Exception {
        Path file = dir.resolve("kms.bin");
        byte[] data = new byte[2 * 5 * MIB + 4321];
        new Random(41).nextBytes(data);
        Files.write(file, data);
        AtomicInteger completes = new AtomicInteger();
        aws.commitCompleteThen500(q -> completes.incrementAndGet() == 1);
        RecordingStore store = new RecordingStore();
        MultipartUploader uploader = new MultipartUploader(client(), pool, store,
                new MultipartUploader.Settings(5 * MIB, 2, Long.MAX_VALUE, ChecksumAlgorithm.CRC32C), null,
                new MemoryBudget(64L * MIB));

        UploadResult r = uploader.upload("bucket", "kms/object.bin", UploadSource.FileSource.of(file),
                ObjectWriteOptions.DEFAULTS);

        assertThat(r.alreadyUploaded()).isFalse();
        assertThat(sha256(aws.object("bucket", "kms/object.bin"))).isEqualTo(sha256(data));
        assertThat(completes.get()).as("one CompleteMultipartUpload").isEqualTo(1);
        assertThat(aws.requests().stream().filter(AwsRulesFake.Request::isCreate).count()).isEqualTo(1);
        assertThat(aws.requests().stream().filter(AwsRulesFake.Request::isUploadPart).count()).isEqualTo(3);
        assertThat(aws.requests().stream().filter(q -> q.method().equals("HEAD"))
                .anyMatch(q -> "ENABLED".equals(q.header("x-amz-checksum-mode")))).as("HEAD asked for the checksum").isTrue();
        assertThat(aws.openUploads()).isZero();
        assertThat(r.eTag()).isNotBlank();
        // done was recorded with the object's real ETag: the same file again sends nothing
        aws.clear();
        UploadResult again = uploader.upload("bucket", "kms/object.bin", UploadSource.FileSource.of(file),
                ObjectWriteOptions.DEFAULTS);
        assertThat(again.alreadyUploaded()).isTrue();
        assertThat(aws.requests()).noneMatch(AwsRulesFake.Request::isUploadPart);
    }

    static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }
}
