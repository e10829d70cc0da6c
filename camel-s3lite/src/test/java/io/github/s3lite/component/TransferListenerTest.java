package io.github.s3lite.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.metrics.TransferDirection;
import io.github.s3lite.metrics.TransferEvent;
import io.github.s3lite.metrics.TransferEvent.Stage;
import io.github.s3lite.metrics.TransferListener;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The progress-listener SPI (issue 16 point 5) against S3Proxy: one {@link TransferListener} bound in the Camel
 * registry is autowired (no option given) and told STARTED, PROGRESS in strictly increasing bytes and COMPLETED
 * (or FAILED) for multipart and single uploads, ranged and one-GET downloads to files; bytes are compared by
 * SHA-256. A listener that throws does not stop a transfer; large downloads log their progress like uploads.
 */
class TransferListenerTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    final List<TransferEvent> events = new CopyOnWriteArrayList<>();
    volatile boolean explode;
    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("progress", (TransferListener) e -> {
            events.add(e);
            if (explode) {
                throw new IllegalStateException("listener bug");
            }
        });
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put").to("s3lite:{{bucket}}?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=3");
                from("direct:ranged").to("s3lite:{{bucket}}?operation=getObject&destinationDirectory=" + dir.resolve("ranged")
                                         + "&downloadPartSize=2097152&downloadConcurrency=3");
                from("s3lite:{{bucket}}?prefix=in/&initialDelay=0&delay=50&destinationDirectory=" + dir.resolve("consumed")
                     + "&downloadPartSize=1048576&downloadConcurrency=2").routeId("consumer").autoStartup(false).to("mock:in");
                from("direct:serial").to("s3lite:{{bucket}}?operation=getObject&destinationDirectory=" + dir.resolve("serial")
                                         + "&downloadPartSize=1073741824");
            }
        };
    }

    List<TransferEvent> of(TransferDirection d, String key) {
        return events.stream().filter(e -> e.direction() == d && e.key().equals(key)).toList();
    }

    /** STARTED first, the last is {@code end}, PROGRESS strictly increasing in bytes between them. */
    static void assertLifeCycle(List<TransferEvent> es, Stage end, long size) {
        assertThat(es).isNotEmpty();
        assertThat(es.get(0).stage()).isEqualTo(Stage.STARTED);
        assertThat(es.get(es.size() - 1).stage()).isEqualTo(end);
        assertThat(es.stream().filter(e -> e.stage() == Stage.STARTED).count()).isEqualTo(1);
        long last = -1;
        for (TransferEvent e : es.subList(1, es.size() - 1)) {
            assertThat(e.stage()).isEqualTo(Stage.PROGRESS);
            assertThat(e.bytesDone()).as("bytes of %s after %s", e, last).isGreaterThan(last);
            last = e.bytesDone();
        }
        if (end == Stage.COMPLETED) {
            TransferEvent done = es.get(es.size() - 1);
            assertThat(done.bytesDone()).isEqualTo(size);
            assertThat(done.totalBytes()).isEqualTo(size);
            assertThat(done.fraction()).isEqualTo(1.0);
        }
    }

    @Test
    void multipartUploadAndRangedDownloadAreToldInOrder() throws Exception {
        Path file = dir.resolve("big.bin");
        long size = 12 * MIB + 7;
        String sha = TestFiles.writeRandom(file, size, 11);
        template.sendBodyAndHeader("direct:put", file.toFile(), S3LiteConstants.KEY, "big.bin");

        List<TransferEvent> up = of(TransferDirection.UPLOAD, "big.bin");
        assertLifeCycle(up, Stage.COMPLETED, size);
        assertThat(up.get(0).totalBytes()).isEqualTo(size);
        assertThat(up.get(0).partsTotal()).isEqualTo(3);
        assertThat(up.get(0).bucket()).isEqualTo(bucket);
        assertThat(up.stream().filter(e -> e.stage() == Stage.PROGRESS)).hasSize(3)
                .allMatch(e -> e.partsTotal() == 3);
        assertThat(up.get(up.size() - 1).partsDone()).isEqualTo(3);

        Exchange got = template.request("direct:ranged", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "big.bin"));
        assertThat(got.getException()).isNull();
        assertThat(TestFiles.sha256(dir.resolve("ranged/big.bin"))).isEqualTo(sha);
        List<TransferEvent> down = of(TransferDirection.DOWNLOAD, "big.bin");
        assertLifeCycle(down, Stage.COMPLETED, size);
        assertThat(down.get(0).partsTotal()).isEqualTo(7); // 2 MiB ranges
        assertThat(down.get(down.size() - 1).partsDone()).isEqualTo(7);
        assertThat(down.stream().filter(e -> e.stage() == Stage.PROGRESS).count()).isGreaterThanOrEqualTo(7);
    }

    @Test
    void singlePutAndOneGetDownloadAreToldToo() throws Exception {
        byte[] data = TestFiles.randomBytes((int) (3 * MIB + 1), 12);
        template.sendBodyAndHeader("direct:put", data, S3LiteConstants.KEY, "small.bin");
        List<TransferEvent> up = of(TransferDirection.UPLOAD, "small.bin");
        assertThat(up).extracting(TransferEvent::stage).containsExactly(Stage.STARTED, Stage.COMPLETED);
        assertLifeCycle(up, Stage.COMPLETED, data.length);
        assertThat(up.get(1).partsTotal()).isZero();

        template.request("direct:serial", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "small.bin"));
        assertThat(TestFiles.sha256(dir.resolve("serial/small.bin"))).isEqualTo(TestFiles.sha256(data));
        List<TransferEvent> down = of(TransferDirection.DOWNLOAD, "small.bin");
        assertLifeCycle(down, Stage.COMPLETED, data.length);
        assertThat(down.stream().filter(e -> e.stage() == Stage.PROGRESS).count()).isGreaterThanOrEqualTo(3); // every MiB
    }

    @Test
    void aFailedDownloadIsToldFailedWithItsCause() {
        Exchange got = template.request("direct:serial", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "missing.bin"));
        assertThat(got.getException()).isNotNull();
        List<TransferEvent> down = of(TransferDirection.DOWNLOAD, "missing.bin");
        assertThat(down).extracting(TransferEvent::stage).containsExactly(Stage.STARTED, Stage.FAILED);
        assertThat(down.get(1).failure()).isSameAs(got.getException());
    }

    @Test
    void aListenerThatThrowsDoesNotStopTheTransferAndLargeDownloadsLogTheirProgress() throws Exception {
        explode = true;
        Path file = dir.resolve("log.bin");
        long size = 10 * MIB + 3;
        String sha = TestFiles.writeRandom(file, size, 13);
        S3LiteEndpointConfigTest.Captured captured = new S3LiteEndpointConfigTest.Captured();
        captured.start();
        Logger progress = (Logger) LoggerFactory.getLogger("io.github.s3lite.transfer.progress");
        Logger uploads = (Logger) LoggerFactory.getLogger("io.github.s3lite.upload.progress");
        Logger warnings = (Logger) LoggerFactory.getLogger(io.github.s3lite.metrics.TransferProgress.class);
        Level before = progress.getLevel();
        progress.setLevel(Level.INFO);
        progress.addAppender(captured);
        uploads.addAppender(captured);
        warnings.addAppender(captured);
        try {
            template.sendBodyAndHeader("direct:put", file.toFile(), S3LiteConstants.KEY, "log.bin");
            Exchange got = template.request("direct:serial", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "log.bin"));
            assertThat(got.getException()).isNull();
        } finally {
            progress.detachAppender(captured);
            uploads.detachAppender(captured);
            warnings.detachAppender(captured);
            progress.setLevel(before);
        }
        assertThat(TestFiles.sha256(dir.resolve("serial/log.bin"))).isEqualTo(sha);
        assertThat(of(TransferDirection.UPLOAD, "log.bin").get(0).stage()).isEqualTo(Stage.STARTED);
        assertLifeCycle(of(TransferDirection.DOWNLOAD, "log.bin"), Stage.COMPLETED, size);
        assertThat(captured.lines).anyMatch(l -> l.contains("Uploading log.bin: 100% (10 of 10 MiB), 3/3 parts"));
        assertThat(captured.lines).anyMatch(l -> l.contains("Downloading log.bin: 100% (10 of 10 MiB)"));
        assertThat(captured.lines.stream().filter(l -> l.contains("The transfer listener")).count())
                .as("one warning per transfer").isEqualTo(2);
    }

    @Test
    void theConsumerWithADestinationDirectoryTellsItsDownloads() throws Exception {
        byte[] data = TestFiles.randomBytes((int) (3 * MIB + 5), 14);
        client.putObject(bucket, "in/c.bin", RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
        context.getRouteController().startRoute("consumer");
        Await.until("the consumer's download completed",
                () -> of(TransferDirection.DOWNLOAD, "in/c.bin").stream().anyMatch(e -> e.stage() == Stage.COMPLETED));
        List<TransferEvent> down = of(TransferDirection.DOWNLOAD, "in/c.bin");
        assertLifeCycle(down, Stage.COMPLETED, data.length);
        assertThat(down.get(0).partsTotal()).isEqualTo(4); // 1 MiB ranges
        context.getRouteController().stopRoute("consumer");
        Path got = dir.resolve("consumed/in/c.bin");
        Await.until("the file is in place", () -> Files.exists(got));
        assertThat(TestFiles.sha256(got)).isEqualTo(TestFiles.sha256(data));
    }
}
