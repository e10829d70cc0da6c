package io.github.s3lite.component;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Parallel ranged downloads run on the endpoint's shared transfer pool (as upload and copy parts do): many downloads
 * one after the other reuse its threads instead of making a pool per download (issue 15, download threads).
 */
class DownloadThreadsTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    static final String URI = "s3lite:{{bucket}}?operation=getObject&downloadPartSize=1MB&downloadConcurrency=3";

    @TempDir
    Path tmp;

    private Exchange download(String key, Path target) {
        return template.request(URI, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
        });
    }

    @Test
    void manyRangedDownloadsReuseTheEndpointsThreads() throws Exception {
        Path src = tmp.resolve("src.bin");
        TestFiles.writeRandom(src, 4 * MIB + 5, 71); // 5 ranges, 3 at a time
        client.putObject(bucket, "threads.bin", RequestBody.of(src, 0, Files.size(src)), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.NONE);
        String sha = TestFiles.sha256(src);
        // warm-up: the endpoint, its pool, the connections and the store's threads exist after this one
        Exchange first = download("threads.bin", tmp.resolve("out/warm.bin"));
        assertThat(first.getException()).isNull();
        assertThat(TestFiles.sha256(tmp.resolve("out/warm.bin"))).isEqualTo(sha);

        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long startedBefore = mx.getTotalStartedThreadCount();
        int downloads = 12;
        for (int i = 0; i < downloads; i++) {
            Path target = tmp.resolve("out/d" + i + ".bin");
            Exchange ex = download("threads.bin", target);
            assertThat(ex.getException()).isNull();
            assertThat(TestFiles.sha256(target)).isEqualTo(sha);
        }
        long started = mx.getTotalStartedThreadCount() - startedBefore;
        // a pool per download makes 3 threads each (36); the shared pool keeps its idle threads for the next one
        assertThat(started).as("threads started by %s ranged downloads", downloads).isLessThan(downloads);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("s3lite-download-"));
        assertThat(Thread.getAllStackTraces().keySet()).anyMatch(t -> t.getName().contains("s3lite-transfer"));
    }
}
