package io.github.s3lite.component;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Downloads against a real store (S3Proxy here, Ceph RGW in {@link RgwDownloadIT}): a GET cut mid-way by a TCP
 * reset resumes from the bytes written with a 206 the store really sends; ALWAYS verifies a single-part ETag as
 * MD5 (true on S3Proxy and RGW) and refuses a multipart object before fetching it; the store accepts
 * {@code x-amz-checksum-mode} (signed) on HEAD and GET.
 */
class DownloadOnStoreTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    @RegisterExtension
    static final FaultProxyExtension proxy = new FaultProxyExtension();

    @TempDir
    Path tmp;

    @Override
    protected String s3Endpoint() {
        return proxy.endpoint().toString();
    }

    private Path source(long size, int seed) throws Exception {
        Path f = tmp.resolve("src-" + seed + ".bin");
        TestFiles.writeRandom(f, size, seed);
        return f;
    }

    private Exchange download(String key, Path target, String options) {
        return template.request("s3lite:" + bucket + "?operation=getObject" + options, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
        });
    }

    @Test
    void aCutDownloadResumesFromTheBytesWrittenAndIsExact() throws Exception {
        Path src = source(24 * MIB + 17, 21);
        client.putObject(bucket, "cut.bin", RequestBody.of(src, 0, Files.size(src)), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.NONE);
        Path target = tmp.resolve("out/cut.bin");
        proxy.clear();
        proxy.rule(s -> s.method().equals("GET") ? new FaultProxy.CloseResponseAfter(16 * MIB) : FaultProxy.PASS);
        // one GET for the whole object (ranged downloads: ParallelDownloadTest)
        Exchange first = download("cut.bin", target, "&downloadConcurrency=1");
        assertThat(first.getException()).isInstanceOf(S3TransientException.class);
        assertThat(target).doesNotExist();
        proxy.rule(s -> FaultProxy.PASS);
        Exchange second = download("cut.bin", target, "&downloadConcurrency=1");
        assertThat(second.getException()).isNull();
        assertThat(second.getMessage().getHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM, Long.class)).isPositive();
        assertThat(TestFiles.sha256(target)).isEqualTo(TestFiles.sha256(src));
        try (var s = Files.list(target.getParent())) {
            assertThat(s).containsExactly(target);
        }
    }

    @Test
    void alwaysVerifiesASinglePartObjectByItsMd5ETag() throws Exception {
        Path src = source(3 * MIB, 22);
        client.putObject(bucket, "single.bin", RequestBody.of(src, 0, Files.size(src)), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.NONE);
        Path target = tmp.resolve("single.bin");
        Exchange ex = download("single.bin", target, "&downloadChecksumValidation=ALWAYS");
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.DOWNLOAD_VERIFIED_WITH, String.class)).isEqualTo("MD5 (ETag)");
        assertThat(TestFiles.sha256(target)).isEqualTo(TestFiles.sha256(src));
        // the default asks for a checksum (signed x-amz-checksum-mode) and the store answers normally
        Exchange byDefault = download("single.bin", tmp.resolve("default.bin"), "");
        assertThat(byDefault.getException()).isNull();
        assertThat(proxy.seen()).anyMatch(s -> s.method().equals("HEAD") && s.hasHeader("x-amz-checksum-mode"));
    }

    @Test
    void alwaysRefusesAMultipartObjectWithoutAFullObjectChecksum() throws Exception {
        Path src = source(12 * MIB, 23);
        template.sendBodyAndHeader("s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880&checksumAlgorithm=MD5",
                src.toFile(), S3LiteConstants.KEY, "multi.bin");
        proxy.clear();
        Exchange ex = download("multi.bin", tmp.resolve("multi.bin"), "&downloadChecksumValidation=ALWAYS");
        assertThat(ex.getException()).isInstanceOf(S3Exception.class).hasMessageContaining("ALWAYS");
        assertThat(proxy.seen()).noneMatch(s -> s.method().equals("GET"));
        Exchange ok = download("multi.bin", tmp.resolve("multi.bin"), "");
        assertThat(ok.getException()).isNull();
        assertThat(TestFiles.sha256(tmp.resolve("multi.bin"))).isEqualTo(TestFiles.sha256(src));
    }

    @Test
    void concurrentDownloadsIntoOneDirectoryAllArriveWhole() throws Exception {
        int keys = 12;
        byte[][] data = new byte[keys][];
        for (int i = 0; i < keys; i++) {
            data[i] = new byte[200_000 + i];
            new java.util.Random(i).nextBytes(data[i]);
            client.putObject(bucket, "par/" + i, RequestBody.of(data[i]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
        }
        Path dir = tmp.resolve("shared");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(6);
        try {
            java.util.List<java.util.concurrent.Future<Exchange>> all = new java.util.ArrayList<>();
            for (int round = 0; round < 3; round++) {
                for (int i = 0; i < keys; i++) {
                    String key = "par/" + i;
                    all.add(pool.submit(() -> template.request("s3lite:" + bucket + "?operation=getObject&destinationDirectory="
                            + dir, e -> e.getMessage().setHeader(S3LiteConstants.KEY, key))));
                }
            }
            for (java.util.concurrent.Future<Exchange> f : all) {
                assertThat(f.get().getException()).isNull();
            }
        } finally {
            pool.shutdown();
        }
        for (int i = 0; i < keys; i++) {
            assertThat(Files.readAllBytes(dir.resolve("par/" + i))).isEqualTo(data[i]);
        }
    }
}
