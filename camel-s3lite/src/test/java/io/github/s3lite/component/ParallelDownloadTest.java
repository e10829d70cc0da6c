package io.github.s3lite.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.S3Store;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 point 3: downloads to a file in parallel ranges, against a real store (S3Proxy here, Ceph RGW in
 * {@link RgwParallelDownloadIT}) behind a fault proxy, with a low threshold ({@code downloadPartSize=1MB}). Bytes are
 * compared with SHA-256; the proxy's log shows which ranges were asked for.
 */
class ParallelDownloadTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    static final long SIZE = 6 * MIB + 17; // 7 ranges of 1 MiB, the last one 17 bytes
    static final String RANGED = "&downloadPartSize=1MB";
    static final String RANGED3 = RANGED + "&downloadConcurrency=3";
    static FaultProxy proxy;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start(TestInfo info) throws Exception {
        proxy = new FaultProxy(S3Store.forTestClass(info.getTestClass().orElseThrow()).endpoint());
    }

    @AfterAll
    static void stop() throws Exception {
        proxy.close();
    }

    @Override
    protected String s3Endpoint() {
        return proxy.endpoint().toString();
    }

    private Path upload(String key, long size, int seed) throws Exception {
        Path f = tmp.resolve("src-" + seed + ".bin");
        S3LiteMultipartTest.writeRandom(f, size, seed);
        client.putObject(bucket, key, RequestBody.of(f, 0, size), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
        return f;
    }

    private Exchange download(String key, Path target, String options, String ifMatch) {
        return template.request("s3lite:" + bucket + "?operation=getObject" + options, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
            if (ifMatch != null) {
                e.getMessage().setHeader(S3LiteConstants.IF_MATCH, ifMatch);
            }
        });
    }

    /** The Range header of a request the proxy saw, or null. */
    static String range(FaultProxy.Seen s) {
        for (String line : s.head().split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("range:")) {
                return line.substring(6).trim();
            }
        }
        return null;
    }

    private static List<String> rangedGets() {
        return proxy.seen().stream().filter(s -> s.method().equals("GET")).map(ParallelDownloadTest::range).toList();
    }

    private static String rangeOf(int index) {
        long start = index * MIB;
        return "bytes=" + start + "-" + (Math.min(SIZE, start + MIB) - 1);
    }

    private void assertOnlyTheTargetIsLeft(Path target) throws Exception {
        assertThat(target).exists();
        try (var s = Files.list(target.getParent())) {
            assertThat(s).as("no temp file or private folder left").containsExactly(target);
        }
    }

    @Test
    void aLargeObjectArrivesWholeFromParallelRangesEachPinnedToTheETag() throws Exception {
        Path src = upload("whole.bin", SIZE, 31);
        Path target = tmp.resolve("out/whole.bin");
        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        Exchange ex = download("whole.bin", target, RANGED3, null);
        assertThat(ex.getException()).isNull();
        assertThat(S3LiteMultipartTest.fileSha(target)).isEqualTo(S3LiteMultipartTest.fileSha(src));
        assertThat(ex.getMessage().getHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM, Long.class)).isZero();
        assertThat(rangedGets()).containsExactlyInAnyOrder(rangeOf(0), rangeOf(1), rangeOf(2), rangeOf(3), rangeOf(4),
                rangeOf(5), rangeOf(6));
        assertThat(proxy.seen()).filteredOn(s -> s.method().equals("GET")).allMatch(s -> s.hasHeader("If-Match"));
        assertOnlyTheTargetIsLeft(target);
        // below the threshold: one GET without Range
        Path small = upload("small.bin", MIB, 32);
        proxy.clear();
        Exchange one = download("small.bin", tmp.resolve("out/small.bin"), RANGED3, null);
        assertThat(one.getException()).isNull();
        assertThat(S3LiteMultipartTest.fileSha(tmp.resolve("out/small.bin"))).isEqualTo(S3LiteMultipartTest.fileSha(small));
        assertThat(rangedGets()).containsExactly((String) null);
    }

    @Test
    void aRangeCutMidwayIsAskedAgainFromItsFirstMissingByteOnly() throws Exception {
        Path src = upload("cut.bin", SIZE, 33);
        Path target = tmp.resolve("out/cut.bin");
        proxy.clear();
        AtomicBoolean cut = new AtomicBoolean();
        proxy.rule(s -> s.method().equals("GET") && rangeOf(2).equals(range(s)) && cut.compareAndSet(false, true)
                ? new FaultProxy.CloseResponseAfter(300_000) : FaultProxy.PASS);
        Exchange ex = download("cut.bin", target, RANGED3, null);
        assertThat(ex.getException()).isNull();
        assertThat(S3LiteMultipartTest.fileSha(target)).isEqualTo(S3LiteMultipartTest.fileSha(src));
        List<String> gets = rangedGets();
        assertThat(gets).hasSize(8);
        String again = gets.stream().filter(r -> r.endsWith("-" + (3 * MIB - 1)) && !r.equals(rangeOf(2))).findFirst()
                .orElseThrow(() -> new AssertionError("no second GET of range 2: " + gets));
        long from = Long.parseLong(again.substring(6, again.indexOf('-')));
        assertThat(from).as("continues range 2 after the bytes it had").isGreaterThan(2 * MIB).isLessThan(2 * MIB + 300_000);
        for (int i = 0; i < 7; i++) {
            assertThat(gets).as("range %d asked once", i).containsOnlyOnce(rangeOf(i));
        }
        assertOnlyTheTargetIsLeft(target);
    }

    @Test
    void aFailedRangeKeepsTheCompletedOnesForTheNextAttempt() throws Exception {
        Path src = upload("again.bin", SIZE, 34);
        Path target = tmp.resolve("out/again.bin");
        proxy.clear();
        // range 5 is cut every time: the download fails after three tries of it
        proxy.rule(s -> s.method().equals("GET") && range(s) != null && range(s).endsWith("-" + (6 * MIB - 1))
                ? new FaultProxy.CloseResponseAfter(100) : FaultProxy.PASS);
        Exchange first = download("again.bin", target, RANGED3, null);
        assertThat(first.getException()).isInstanceOf(S3TransientException.class).hasMessageContaining("failed 3 times");
        assertThat(target).doesNotExist();
        proxy.rule(s -> FaultProxy.PASS);
        proxy.clear();
        Exchange second = download("again.bin", target, RANGED3, null);
        assertThat(second.getException()).isNull();
        assertThat(S3LiteMultipartTest.fileSha(target)).isEqualTo(S3LiteMultipartTest.fileSha(src));
        long resumed = second.getMessage().getHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM, Long.class);
        List<String> gets = rangedGets();
        assertThat(gets).contains(rangeOf(5));
        // what the first attempt completed is not asked again
        assertThat(resumed).isEqualTo(SIZE - gets.size() * MIB + (gets.contains(rangeOf(6)) ? MIB - 17 : 0));
        assertThat(resumed).isPositive();
        assertOnlyTheTargetIsLeft(target);
    }

    @Test
    void anObjectOverwrittenMidDownloadFailsWith412AndLeavesNoFile() throws Exception {
        upload("changing.bin", SIZE, 35);
        String eTag = client.headObject(bucket, "changing.bin", io.github.s3lite.client.GetOptions.NONE).eTag();
        Path next = tmp.resolve("next.bin");
        S3LiteMultipartTest.writeRandom(next, SIZE, 36);
        Path target = tmp.resolve("out/changing.bin");
        proxy.clear();
        AtomicBoolean overwritten = new AtomicBoolean();
        proxy.rule(s -> {
            if (s.method().equals("GET") && rangeOf(4).equals(range(s)) && overwritten.compareAndSet(false, true)) {
                try {
                    client.putObject(bucket, "changing.bin", RequestBody.of(next, 0, SIZE), ObjectWriteOptions.DEFAULTS,
                            ChecksumAlgorithm.NONE);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }
            return FaultProxy.PASS;
        });
        Exchange pinned = download("changing.bin", target, RANGED + "&downloadConcurrency=2", eTag);
        assertThat(overwritten).isTrue();
        assertThat(pinned.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(target).doesNotExist();
        try (var s = Files.list(target.getParent())) {
            assertThat(s).as("the temp files are discarded").isEmpty();
        }
        // unpinned, a change during the download starts it over with the new version: never a mix of the two
        upload("changing.bin", SIZE, 35);
        overwritten.set(false);
        Exchange unpinned = download("changing.bin", target, RANGED + "&downloadConcurrency=2", null);
        assertThat(overwritten).isTrue();
        assertThat(unpinned.getException()).isNull();
        assertThat(S3LiteMultipartTest.fileSha(target)).isEqualTo(S3LiteMultipartTest.fileSha(next));
        assertOnlyTheTargetIsLeft(target);
    }

    @Test
    void theConsumerDownloadsIntoItsDirectoryInRanges() throws Exception {
        Path src = upload("in/c.bin", SIZE, 37);
        Path dir = tmp.resolve("consumed");
        proxy.clear();
        context.addRoutes(new org.apache.camel.builder.RouteBuilder() {
            @Override
            public void configure() {
                from("s3lite:" + bucket + "?prefix=in/&destinationDirectory=" + dir + RANGED3 + "&delay=100")
                        .routeId("ranged-consumer").to("mock:got");
            }
        });
        org.apache.camel.component.mock.MockEndpoint got = getMockEndpoint("mock:got");
        got.expectedMessageCount(1);
        got.assertIsSatisfied(30_000);
        context.getRouteController().stopRoute("ranged-consumer");
        assertThat(S3LiteMultipartTest.fileSha(dir.resolve("in/c.bin"))).isEqualTo(S3LiteMultipartTest.fileSha(src));
        assertThat(rangedGets()).contains(rangeOf(0), rangeOf(6));
    }
}
