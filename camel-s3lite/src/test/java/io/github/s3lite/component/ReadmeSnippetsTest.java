package io.github.s3lite.component;

import io.github.s3lite.test.Await;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.MetadataContributor;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3ObjectSummary;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.content.UserMetadata;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.S3LiteTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.file.cluster.FileLockClusterService;
import org.apache.camel.component.mock.MockEndpoint;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's route snippets, as written there (endpoint and credentials come from the component). */
class ReadmeSnippetsTest extends S3LiteTestSupport {

    @TempDir
    static Path dir;

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) throws Exception {
        // README, "Metadata and Content-Type"
        MetadataContributor tenant = (exchange, metadata) -> metadata.put("tenant", exchange.getMessage().getHeader("tenant", String.class));
        registry.bind("tenant", tenant);
        registry.bind("s3Ids", MemoryIdempotentRepository.memoryIdempotentRepository());
    }

    @Override
    protected org.apache.camel.CamelContext createCamelContext() throws Exception {
        org.apache.camel.CamelContext context = super.createCamelContext();
        // README, "Consuming from a bucket": a cluster service for the master route
        FileLockClusterService cluster = new FileLockClusterService();
        cluster.setRoot(dir.resolve("locks").toString());
        cluster.setAcquireLockDelay(100, TimeUnit.MILLISECONDS);
        cluster.setAcquireLockInterval(100, TimeUnit.MILLISECONDS);
        context.addService(cluster);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        String myBucket = "{{bucket}}";
        return new RouteBuilder() {
            @Override
            public void configure() {
                onException(S3TransientException.class)
                        .maximumRedeliveries(5)
                        .redeliveryDelay(1000)
                        .useExponentialBackOff()
                        .backOffMultiplier(2)
                        .useCollisionAvoidance();
                // "Use it"
                from("file:" + dir.resolve("outbox"))
                        .to("s3lite:" + myBucket + "?endpoint=" + EmbeddedS3.get().endpoint() + "&pathStyleAccess=true"
                            + "&accessKey=RAW(" + EmbeddedS3.ACCESS_KEY + ")&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")");
                // "Operations"
                from("direct:put").to("s3lite:" + myBucket);
                from("direct:get").to("s3lite:" + myBucket + "?operation=getObject").convertBodyTo(byte[].class);
                from("direct:download").setHeader("CamelS3LiteDestinationFile", constant(dir.resolve("in/report.pdf").toString()))
                        .to("s3lite:" + myBucket + "?operation=getObject");
                from("direct:copy").to("s3lite:" + myBucket + "?operation=copyObject");
                from("direct:list").to("s3lite:" + myBucket + "?operation=listObjects");
                from("direct:link").to("s3lite:" + myBucket + "?operation=createDownloadLink&presignExpiry=15m");
                from("timer:cleanup?period=3600000").to("s3lite:" + myBucket + "?operation=abortStaleUploads&staleUploadAge=24h");
                // "Consuming from a bucket", clustered
                from("master:s3-inbox:s3lite:" + myBucket + "?prefix=incoming/&idempotentRepository=#s3Ids&delay=200")
                        .to("mock:process");
            }
        };
    }

    @Test
    void snippetsWork() throws Exception {
        Files.createDirectories(dir.resolve("outbox"));
        Files.writeString(dir.resolve("outbox/invoice-1.txt"), "invoice");
        Await.until("the file route to upload invoice-1.txt", () -> !client.listAllObjects(bucket, "invoice-1.txt", 0).isEmpty());
        assertThat(client.headObject(bucket, "invoice-1.txt", null).contentType()).startsWith("text/plain");

        template.sendBodyAndHeaders("direct:put", "%PDF-1.4 report", Map.of(S3LiteConstants.KEY, "report.pdf", "tenant", "acme"));
        assertThat(UserMetadata.decodeFromWire(client.headObject(bucket, "report.pdf", null).userMetadata()))
                .containsEntry("tenant", "acme");
        assertThat(template.requestBodyAndHeader("direct:get", null, S3LiteConstants.KEY, "report.pdf", byte[].class))
                .isEqualTo("%PDF-1.4 report".getBytes());
        File downloaded = template.requestBodyAndHeader("direct:download", null, S3LiteConstants.KEY, "report.pdf", File.class);
        assertThat(Files.readString(downloaded.toPath())).isEqualTo("%PDF-1.4 report");
        template.sendBodyAndHeaders("direct:copy", null, Map.of(S3LiteConstants.KEY, "report.pdf",
                S3LiteConstants.DESTINATION_KEY, "archive/report.pdf"));
        @SuppressWarnings("unchecked")
        List<S3ObjectSummary> listed = template.requestBodyAndHeader("direct:list", null, S3LiteConstants.PREFIX, "archive/",
                List.class);
        assertThat(listed).extracting(S3ObjectSummary::key).containsExactly("archive/report.pdf");
        assertThat(template.requestBodyAndHeader("direct:link", null, S3LiteConstants.KEY, "report.pdf", String.class))
                .contains("X-Amz-Expires=900");

        MockEndpoint process = getMockEndpoint("mock:process");
        process.expectedMessageCount(1);
        client.putObject(bucket, "incoming/order.json", io.github.s3lite.client.RequestBody.of("{}".getBytes()),
                ObjectWriteOptions.DEFAULTS, io.github.s3lite.client.ChecksumAlgorithm.MD5);
        process.assertIsSatisfied(20_000);
        assertThat(process.getExchanges().get(0).getMessage().getHeader(S3LiteConstants.KEY)).isEqualTo("incoming/order.json");
        try (var r = client.getObject(bucket, "incoming/order.json", GetOptions.NONE)) {
            assertThat(r.body().readAllBytes()).as("deleteAfterRead is off by default").isEqualTo("{}".getBytes());
        }
    }
}
