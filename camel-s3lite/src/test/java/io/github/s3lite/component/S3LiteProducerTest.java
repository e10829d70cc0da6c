package io.github.s3lite.component;

import java.io.File;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.DeleteObjectsResult;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3ObjectSummary;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.test.S3LiteTestSupport;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every producer operation and header, both directions, against the embedded S3Proxy. */
class S3LiteProducerTest extends S3LiteTestSupport {

    @TempDir
    Path tmp;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put").to("s3lite:{{bucket}}");
                from("direct:op").to("s3lite:{{bucket}}?operation=headObject");
                from("direct:keyName").to("s3lite:{{bucket}}?keyName=in/${header.CamelFileName}");
                from("direct:get").to("s3lite:{{bucket}}?operation=getObject")
                        .convertBodyTo(byte[].class);
            }
        };
    }

    private byte[] read(String key) throws Exception {
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            return r.body().readAllBytes();
        }
    }

    @Test
    void putObjectTakesEveryBodyType() throws Exception {
        byte[] bytes = new byte[70_000];
        new Random(1).nextBytes(bytes);
        Path file = tmp.resolve("data.bin");
        Files.write(file, bytes);

        Exchange ex = template.request("direct:put", e -> {
            e.getMessage().setBody(file.toFile());
            e.getMessage().setHeader(S3LiteConstants.KEY, "types/file");
        });
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class)).isNotBlank();
        assertThat(read("types/file")).isEqualTo(bytes);

        template.sendBodyAndHeader("direct:put", file, S3LiteConstants.KEY, "types/path");
        assertThat(read("types/path")).isEqualTo(bytes);
        template.sendBodyAndHeader("direct:put", bytes, S3LiteConstants.KEY, "types/bytes");
        assertThat(read("types/bytes")).isEqualTo(bytes);
        template.sendBodyAndHeader("direct:put", "grüße", S3LiteConstants.KEY, "types/string");
        assertThat(read("types/string")).isEqualTo("grüße".getBytes(StandardCharsets.UTF_8));
        template.sendBodyAndHeader("direct:put", new java.io.ByteArrayInputStream(bytes), S3LiteConstants.KEY, "types/stream");
        assertThat(read("types/stream")).isEqualTo(bytes);
        template.sendBodyAndHeaders("direct:put", new java.io.ByteArrayInputStream(bytes),
                Map.of(S3LiteConstants.KEY, "types/stream-length", S3LiteConstants.CONTENT_LENGTH, (long) bytes.length));
        assertThat(read("types/stream-length")).isEqualTo(bytes);
    }

    @Test
    void keyComesFromHeaderThenKeyNameThenCamelFileName() throws Exception {
        template.sendBodyAndHeaders("direct:put", "a", Map.of(S3LiteConstants.KEY, "from-header", Exchange.FILE_NAME, "ignored"));
        template.sendBodyAndHeader("direct:put", "b", Exchange.FILE_NAME, "dir/from-file-name.txt");
        template.sendBodyAndHeader("direct:keyName", "c", Exchange.FILE_NAME, "x.txt");
        assertThat(client.listAllObjects(bucket, null, 0)).extracting(S3ObjectSummary::key)
                .containsExactlyInAnyOrder("from-header", "dir/from-file-name.txt", "in/x.txt");
    }

    @Test
    void bucketHeaderOverridesTheUriBucket() throws Exception {
        String other = store().newBucket("other");
        template.sendBodyAndHeaders("direct:put", "z", Map.of(S3LiteConstants.KEY, "k", S3LiteConstants.BUCKET_NAME, other));
        assertThat(client.headObject(other, "k", null).contentLength()).isEqualTo(1);
        assertThatThrownBy(() -> client.headObject(bucket, "k", null)).isInstanceOf(S3NotFoundException.class);
    }

    @Test
    void getObjectStreamsAndReleasesTheConnection() throws Exception {
        client.putObject(bucket, "g/file.txt", io.github.s3lite.client.RequestBody.of("hello".getBytes()),
                new ObjectWriteOptions("text/plain", null, null, null, Map.of("owner", "team-a"), null, null),
                io.github.s3lite.client.ChecksumAlgorithm.MD5);
        Exchange ex = template.request("direct:get", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "g/file.txt"));
        assertThat(ex.getMessage().getBody(byte[].class)).isEqualTo("hello".getBytes());
        assertThat(ex.getMessage().getHeader(S3LiteConstants.CONTENT_TYPE, String.class)).startsWith("text/plain");
        assertThat(ex.getMessage().getHeader(S3LiteConstants.CONTENT_LENGTH, Long.class)).isEqualTo(5L);
        assertThat(ex.getMessage().getHeader(S3LiteConstants.LAST_MODIFIED, Instant.class)).isNotNull();
        assertThat(ex.getMessage().getHeader(S3LiteConstants.METADATA, Map.class)).containsEntry("owner", "team-a");
        assertThat(ex.getMessage().getHeader(S3LiteConstants.NOT_MODIFIED, Boolean.class)).isFalse();
        String eTag = ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class);

        // a route that never reads the body must not leak the pooled connection either
        for (int i = 0; i < 50; i++) {
            template.requestBodyAndHeaders("s3lite:" + bucket + "?operation=getObject", null,
                    Map.of(S3LiteConstants.KEY, "g/file.txt"));
        }
        assertThat(endpointClientLeases()).isZero();

        Exchange ranged = template.request("direct:get", e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "g/file.txt");
            e.getMessage().setHeader(S3LiteConstants.RANGE, "bytes=1-3");
        });
        assertThat(ranged.getMessage().getBody(byte[].class)).isEqualTo("ell".getBytes());

        Exchange notModified = template.request("s3lite:" + bucket + "?operation=getObject", e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "g/file.txt");
            e.getMessage().setHeader(S3LiteConstants.IF_NONE_MATCH, eTag);
        });
        assertThat(notModified.getException()).isNull();
        assertThat(notModified.getMessage().getBody()).isNull();
        assertThat(notModified.getMessage().getHeader(S3LiteConstants.NOT_MODIFIED, Boolean.class)).isTrue();

        Exchange failed = template.request("s3lite:" + bucket + "?operation=getObject", e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "g/file.txt");
            e.getMessage().setHeader(S3LiteConstants.IF_MATCH, "\"00000000000000000000000000000000\"");
        });
        assertThat(failed.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(endpointClientLeases()).isZero();
    }

    private int endpointClientLeases() {
        return context.getEndpoints().stream().filter(e -> e instanceof io.github.s3lite.S3LiteEndpoint)
                .mapToInt(e -> ((io.github.s3lite.S3LiteEndpoint) e).getClient().leasedConnections()).sum();
    }

    @Test
    void getObjectFailingRouteStillReleasesTheConnection() throws Exception {
        client.putObject(bucket, "fail", io.github.s3lite.client.RequestBody.of(new byte[200_000]), ObjectWriteOptions.DEFAULTS,
                io.github.s3lite.client.ChecksumAlgorithm.NONE);
        context.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:getFail").to("s3lite:" + bucket + "?operation=getObject")
                        .process(e -> {
                            e.getMessage().getBody(InputStream.class).read();
                            throw new IllegalStateException("boom");
                        });
            }
        });
        for (int i = 0; i < 40; i++) {
            Exchange ex = template.request("direct:getFail", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "fail"));
            assertThat(ex.getException()).hasMessage("boom");
        }
        assertThat(endpointClientLeases()).isZero();
    }

    @Test
    void headDeleteCopyListAndBatchDelete() throws Exception {
        template.sendBodyAndHeaders("direct:put", "copy me",
                Map.of(S3LiteConstants.KEY, "src/a.txt", S3LiteConstants.METADATA, Map.of("Owner", "Team-A")));
        Exchange head = template.request("direct:op", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "src/a.txt"));
        assertThat(head.getMessage().getHeader(S3LiteConstants.CONTENT_LENGTH, Long.class)).isEqualTo(7L);
        assertThat(head.getMessage().getHeader(S3LiteConstants.METADATA, Map.class)).containsEntry("owner", "Team-A");

        template.sendBodyAndHeaders("s3lite:" + bucket + "?operation=copyObject", null,
                Map.of(S3LiteConstants.KEY, "src/a.txt", S3LiteConstants.DESTINATION_KEY, "dst/a.txt"));
        assertThat(read("dst/a.txt")).isEqualTo("copy me".getBytes());
        assertThat(client.headObject(bucket, "dst/a.txt", null).userMetadata()).containsEntry("owner", "Team-A");

        String other = store().newBucket("copy-target");
        template.sendBodyAndHeaders("s3lite:" + bucket + "?operation=copyObject", null,
                Map.of(S3LiteConstants.KEY, "src/a.txt", S3LiteConstants.DESTINATION_BUCKET, other,
                        S3LiteConstants.DESTINATION_KEY, "b.txt", S3LiteConstants.CONTENT_TYPE, "text/markdown"));
        assertThat(client.headObject(other, "b.txt", null).contentType()).startsWith("text/markdown");

        @SuppressWarnings("unchecked")
        List<S3ObjectSummary> listed = template.requestBodyAndHeader("s3lite:" + bucket + "?operation=listObjects", null,
                S3LiteConstants.PREFIX, "src/", List.class);
        assertThat(listed).singleElement().satisfies(s -> {
            assertThat(s.key()).isEqualTo("src/a.txt");
            assertThat(s.size()).isEqualTo(7);
            assertThat(s.eTag()).isNotBlank();
            assertThat(s.lastModified()).isNotNull();
        });
        Exchange folders = template.request("s3lite:" + bucket + "?operation=listObjects",
                e -> e.getMessage().setHeader(S3LiteConstants.DELIMITER, "/"));
        assertThat(folders.getMessage().getHeader("CamelS3LiteCommonPrefixes", List.class)).containsExactly("dst/", "src/");

        template.sendBodyAndHeader("s3lite:" + bucket + "?operation=deleteObject", null, S3LiteConstants.KEY, "dst/a.txt");
        assertThatThrownBy(() -> client.headObject(bucket, "dst/a.txt", null)).isInstanceOf(S3NotFoundException.class);

        for (int i = 0; i < 5; i++) {
            template.sendBodyAndHeader("direct:put", "x", S3LiteConstants.KEY, "batch/" + i);
        }
        DeleteObjectsResult del = template.requestBody("s3lite:" + bucket + "?operation=deleteObjects",
                List.of("batch/0", "batch/1", "batch/2", "batch/3", "batch/4"), DeleteObjectsResult.class);
        assertThat(del.deleted()).hasSize(5);
        assertThat(client.listAllObjects(bucket, "batch/", 0)).isEmpty();
    }

    @Test
    void listObjectsPagesWithMaxKeysAndToken() {
        for (int i = 0; i < 5; i++) {
            template.sendBodyAndHeader("direct:put", "x", S3LiteConstants.KEY, "p/" + i);
        }
        Exchange first = template.request("s3lite:" + bucket + "?operation=listObjects",
                e -> e.getMessage().setHeader(S3LiteConstants.MAX_KEYS, 3));
        assertThat(first.getMessage().getBody(List.class)).hasSize(3);
        String token = first.getMessage().getHeader(S3LiteConstants.CONTINUATION_TOKEN, String.class);
        assertThat(token).isNotNull();
        Exchange second = template.request("s3lite:" + bucket + "?operation=listObjects",
                e -> e.getMessage().setHeader(S3LiteConstants.CONTINUATION_TOKEN, token));
        assertThat(second.getMessage().getBody(List.class)).hasSize(2);
        assertThat(second.getMessage().getHeader(S3LiteConstants.CONTINUATION_TOKEN)).isNull();
    }

    @Test
    void presignedLinksWorkWithAPlainHttpClient() throws Exception {
        template.sendBodyAndHeader("direct:put", "linked", S3LiteConstants.KEY, "link/a.txt");
        String get = template.requestBodyAndHeader("s3lite:" + bucket + "?operation=createDownloadLink&presignExpiry=60s",
                null, S3LiteConstants.KEY, "link/a.txt", String.class);
        assertThat(get).contains("X-Amz-Expires=60");
        HttpClient http = HttpClient.newHttpClient();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(get)).build(), HttpResponse.BodyHandlers.ofString()).body())
                .isEqualTo("linked");
        String put = template.requestBodyAndHeader("s3lite:" + bucket + "?operation=createUploadLink", null,
                S3LiteConstants.KEY, "link/up.txt", String.class);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(put)).PUT(HttpRequest.BodyPublishers.ofString("up")).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(200);
        assertThat(read("link/up.txt")).isEqualTo("up".getBytes());
    }

    @Test
    void bucketAndMultipartAdministration() throws Exception {
        Exchange ok = template.request("s3lite:" + bucket + "?operation=headBucket", e -> {
        });
        assertThat(ok.getException()).isNull();
        Exchange missing = template.request("s3lite:no-such-bucket-xyz?operation=headBucket", e -> {
        });
        assertThat(missing.getException()).isInstanceOf(S3NotFoundException.class);

        String id = client.createMultipartUpload(bucket, "mpu/x", ObjectWriteOptions.DEFAULTS);
        @SuppressWarnings("unchecked")
        List<MultipartUploadInfo> uploads = template.requestBody("s3lite:" + bucket + "?operation=listMultipartUploads", null,
                List.class);
        assertThat(uploads).extracting(MultipartUploadInfo::uploadId).containsExactly(id);
        template.sendBodyAndHeaders("s3lite:" + bucket + "?operation=abortMultipartUpload", null,
                Map.of(S3LiteConstants.KEY, "mpu/x", S3LiteConstants.UPLOAD_ID, id));
        assertThat(client.listMultipartUploads(bucket, null)).isEmpty();

        String stale = client.createMultipartUpload(bucket, "old/y", ObjectWriteOptions.DEFAULTS);
        String fresh = client.createMultipartUpload(bucket, "new/z", ObjectWriteOptions.DEFAULTS);
        Exchange none = template.request("s3lite:" + bucket + "?operation=abortStaleUploads&staleUploadAge=1h", e -> {
        });
        assertThat(none.getMessage().getHeader(S3LiteConstants.ABORTED_COUNT, Integer.class)).isZero();
        Thread.sleep(1100);
        Exchange aborted = template.request("s3lite:" + bucket + "?operation=abortStaleUploads&staleUploadAge=1s", e -> {
            e.getMessage().setHeader(S3LiteConstants.PREFIX, "old/");
        });
        assertThat(aborted.getMessage().getHeader(S3LiteConstants.ABORTED_COUNT, Integer.class)).isEqualTo(1);
        assertThat(client.listMultipartUploads(bucket, null)).extracting(MultipartUploadInfo::uploadId)
                .containsExactly(fresh).doesNotContain(stale);
    }

    @Test
    void getObjectToAFileDownloadsIntoPlace() throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(5).nextBytes(data);
        template.sendBodyAndHeader("direct:put", data, S3LiteConstants.KEY, "dl/big.bin");
        Path target = tmp.resolve("out/big.bin");
        Exchange ex = template.request("s3lite:" + bucket + "?operation=getObject", e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "dl/big.bin");
            e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, target.toString());
        });
        assertThat(ex.getMessage().getBody(File.class)).isEqualTo(target.toFile());
        assertThat(Files.readAllBytes(target)).isEqualTo(data);
        assertThat(Files.list(target.getParent())).containsExactly(target);

        Path dir = tmp.resolve("dir");
        Exchange viaDir = template.request("s3lite:" + bucket + "?operation=getObject&destinationDirectory=" + dir, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "dl/big.bin");
        });
        assertThat(Files.readAllBytes(dir.resolve("dl/big.bin"))).isEqualTo(data);
        assertThat(viaDir.getMessage().getBody(File.class)).isEqualTo(dir.resolve("dl/big.bin").toFile());
    }

    @Test
    void keysEscapingTheDestinationDirectoryAreRejected() throws Exception {
        Path dir = tmp.resolve("safe");
        Exchange ex = template.request("s3lite:" + bucket + "?operation=getObject&destinationDirectory=" + dir, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "a/../../evil.txt");
        });
        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the destination directory");
        assertThat(Files.exists(tmp.resolve("evil.txt"))).isFalse();
    }

    @Test
    void badInputFailsBeforeAnyRequestWithAMessageSayingWhatToFix() {
        // the endpoint's own bucket is checked when it starts (S3LiteConfiguration.validate()), a header's on use
        assertThatThrownBy(() -> template.sendBodyAndHeader("s3lite:Bad_Bucket", "x", S3LiteConstants.KEY, "k"))
                .rootCause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid bucket name 'Bad_Bucket'");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:put", "x", S3LiteConstants.BUCKET_NAME, "Bad_Bucket"))
                .isInstanceOf(CamelExecutionException.class).cause().isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Invalid bucket name 'Bad_Bucket'");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:put", "x", S3LiteConstants.KEY, "é".repeat(513)))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1026 UTF-8 bytes")
                .hasMessageContaining("1024");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:put", "x", S3LiteConstants.OPERATION, "explode"))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Unknown operation 'explode'")
                .hasMessageContaining("putObject");
        assertThatThrownBy(() -> template.sendBody("direct:put", "x"))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CamelS3LiteKey");
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:put", null, S3LiteConstants.KEY, "k"))
                .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("putObject needs a body");
        assertThat(client.listAllObjects(bucket, null, 0)).isEmpty();
    }
}
