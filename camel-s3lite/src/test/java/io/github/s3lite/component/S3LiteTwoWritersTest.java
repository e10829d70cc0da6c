package io.github.s3lite.component;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.Exchange;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two writers of one key (issue 11 point 6) and what abortStaleUploads leaves in the checkpoint repository (issue 13
 * point 7).
 */
class S3LiteTwoWritersTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    @RegisterExtension
    static final FaultProxyExtension proxy = new FaultProxyExtension();
    @TempDir
    static Path dir;

    @Override
    protected String s3Endpoint() {
        return proxy.endpoint().toString();
    }

    private Exchange upload(String uri, Path body, String key) {
        return template.request(uri, e -> {
            e.getMessage().setBody(body.toFile());
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
        });
    }

    private String objectSha(String key) throws Exception {
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            return TestFiles.sha256(r.body());
        }
    }

    @Test
    void aSecondWriterLeavesTheFirstWritersLiveUploadAlone() throws Exception {
        Path a = dir.resolve("a.bin");
        Path b = dir.resolve("b.bin");
        TestFiles.writeRandom(a, 15 * MIB, 21);
        TestFiles.writeRandom(b, 11 * MIB, 22);
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() ? new FaultProxy.Slow(700, 0) : FaultProxy.PASS);
        String uri = "s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=1";
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Exchange> first = pool.submit(() -> upload(uri, a, "two/writers.bin"));
            Await.until("writer A's upload to start", () -> !client.listMultipartUploads(bucket, "two/").isEmpty());
            assertThat(client.listMultipartUploads(bucket, "two/")).as("writer A's upload is live").hasSize(1);
            Exchange second = upload(uri, b, "two/writers.bin");
            Exchange firstDone = first.get(120, TimeUnit.SECONDS);
            assertThat(second.getException()).isNull();
            assertThat(firstDone.getException()).as("writer A").isNull();
            assertThat(objectSha("two/writers.bin")).isIn(TestFiles.sha256(a), TestFiles.sha256(b));
            assertThat(client.listMultipartUploads(bucket, "two/")).isEmpty();
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abortStaleUploadsRemovesTheKeysItMadeUseless() throws Exception {
        Path f = dir.resolve("stale.bin");
        TestFiles.writeRandom(f, 12 * MIB, 23);
        MemoryIdempotentRepository repo = (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository();
        context.getRegistry().bind("staleRepo", repo);
        proxy.clear();
        proxy.rule(s -> s.isUploadPart() && s.target().contains("partNumber=3&")
                ? new FaultProxy.Respond(503, "SlowDown") : FaultProxy.PASS);
        String uri = "s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=1"
                + "&checkpointRepository=#staleRepo";
        Exchange failed = upload(uri, f, "stale/one.bin");
        assertThat(failed.getException()).isNotNull();
        List<MultipartUploadInfo> pending = client.listMultipartUploads(bucket, "stale/");
        assertThat(pending).hasSize(1);
        assertThat(repo.getCache().keySet()).anyMatch(k -> k.startsWith("s3lite:part:"))
                .anyMatch(k -> k.startsWith("s3lite:mpu:"));

        proxy.rule(s -> FaultProxy.PASS);
        Thread.sleep(2100);
        Exchange cleanup = template.request(uri + "&operation=abortStaleUploads&staleUploadAge=1s",
                e -> e.getMessage().setHeader(S3LiteConstants.PREFIX, "stale/"));
        assertThat(cleanup.getException()).isNull();
        assertThat(cleanup.getMessage().getHeader(S3LiteConstants.ABORTED_COUNT, Integer.class)).isEqualTo(1);
        assertThat(repo.getCache().keySet()).noneMatch(k -> k.startsWith("s3lite:part:"))
                .noneMatch(k -> k.startsWith("s3lite:mpu:"));
    }
}
