package io.github.s3lite.component;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Micrometer meters (issue 16 point 5) against S3Proxy, with a {@link SimpleMeterRegistry} bound in the Camel
 * registry and no {@code meterRegistry} option (the endpoint finds the only registry): a multipart upload counts
 * its parts, bytes and requests per operation, a download its bytes (the object checked by SHA-256), a failure its
 * outcome, a redelivery is seen, and the consumer counts claims and deliveries.
 */
class MetricsTest extends S3LiteTestSupport {

    static final long MIB = 1024 * 1024;
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        context.getRegistry().bind("meters", meters);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put").to("s3lite:{{bucket}}?multipartThreshold=5242880&partSize=5242880&uploadConcurrency=2");
                from("direct:get").to("s3lite:{{bucket}}?operation=getObject").convertBodyTo(byte[].class);
                from("direct:head").errorHandler(defaultErrorHandler().maximumRedeliveries(1).redeliveryDelay(0))
                        .to("s3lite:{{bucket}}?operation=headObject");
                from("s3lite:{{bucket}}?prefix=in/&initialDelay=0&delay=50&includeBody=false").routeId("consumer")
                        .autoStartup(false).to("mock:in");
            }
        };
    }

    double count(String name, String... tags) {
        Counter c = meters.find(name).tags(tags).counter();
        return c == null ? 0 : c.count();
    }

    long timed(String operation, String outcome) {
        Timer t = meters.find("s3lite.requests").tags("operation", operation, "outcome", outcome).timer();
        return t == null ? 0 : t.count();
    }

    @Test
    void aMultipartUploadCountsPartsBytesAndRequestsAndADownloadItsBytes() throws Exception {
        Path file = dir.resolve("m.bin");
        long size = 12 * MIB + 7;
        String sha = TestFiles.writeRandom(file, size, 5);
        template.sendBodyAndHeader("direct:put", file.toFile(), S3LiteConstants.KEY, "m.bin");

        assertThat(count("s3lite.upload.parts", "result", "sent")).isEqualTo(3);
        assertThat(count("s3lite.upload.parts", "result", "resumed")).isZero();
        assertThat(count("s3lite.bytes", "direction", "upload")).isEqualTo(size);
        assertThat(timed("UploadPart", "success")).isEqualTo(3);
        assertThat(timed("CreateMultipartUpload", "success")).isEqualTo(1);
        assertThat(timed("CompleteMultipartUpload", "success")).isEqualTo(1);
        assertThat(meters.get("s3lite.uploads.active").gauge().value()).isZero();
        assertThat(meters.get("s3lite.bytes").tag("direction", "upload").counter().getId().getBaseUnit()).isEqualTo("bytes");

        Exchange got = template.request("direct:get", e -> e.getIn().setHeader(S3LiteConstants.KEY, "m.bin"));
        assertThat(TestFiles.sha256(got.getMessage().getBody(byte[].class))).isEqualTo(sha);
        assertThat(timed("GetObject", "success")).isEqualTo(1);
        assertThat(count("s3lite.bytes", "direction", "download")).isEqualTo(size);
        assertThat(meters.get("s3lite.requests").tag("operation", "UploadPart").timer().totalTime(TimeUnit.NANOSECONDS))
                .isPositive();
    }

    @Test
    void aFailureIsTaggedWithItsOutcomeAndTheRedeliveryIsSeen() {
        Exchange e = template.request("direct:head", x -> x.getIn().setHeader(S3LiteConstants.KEY, "missing.bin"));
        assertThat(e.getException()).isNotNull();
        assertThat(timed("HeadObject", "not_found")).isEqualTo(2); // the first attempt and the one redelivery
        assertThat(timed("HeadObject", "success")).isZero();
        assertThat(count("s3lite.redeliveries", "operation", "headObject")).isEqualTo(1);
    }

    @Test
    void theConsumerCountsClaimsAndDeliveries() throws Exception {
        for (String k : new String[] { "in/a.txt", "in/b.txt" }) {
            client.putObject(bucket, k, RequestBody.of(k.getBytes()), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.AUTO);
        }
        context.getRouteController().startRoute("consumer");
        Await.until("two deliveries counted", () -> count("s3lite.consumer.deliveries") >= 2);
        assertThat(count("s3lite.consumer.deliveries")).isEqualTo(2);
        assertThat(count("s3lite.consumer.claims")).isEqualTo(2);
        assertThat(timed("ListObjectsV2", "success")).isPositive();
    }
}
