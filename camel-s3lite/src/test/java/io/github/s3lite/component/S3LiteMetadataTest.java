package io.github.s3lite.component;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import io.github.s3lite.MetadataContributor;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.content.UserMetadata;
import io.github.s3lite.test.S3LiteTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Content-Type and user metadata are the same on every upload path, in the documented priority order. */
class S3LiteMetadataTest extends S3LiteTestSupport {

    @TempDir
    Path tmp;

    @Override
    protected void bindToRegistry(org.apache.camel.spi.Registry registry) {
        registry.bind("teamContributor", new MetadataContributor() {
            @Override
            public void contribute(Exchange exchange, Map<String, String> metadata) {
                metadata.put("team", "from-bean");
                metadata.put("owner", "bean-loses");
            }
        });
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                String common = "&metadata.owner=endpoint-owner&metadata.pipeline=billing&includeExchangeMetadata=true"
                                + "&metadataEnvironment=S3LITE_TEST_JOB&applicationName=meta-test";
                from("direct:single").routeId("single-route").to("s3lite:{{bucket}}?multipartThreshold=104857600" + common);
                from("direct:multi").routeId("multi-route")
                        .to("s3lite:{{bucket}}?multipartThreshold=5242880&partSize=5242880" + common);
                from("direct:plain").to("s3lite:{{bucket}}");
                from("direct:nodetect").to("s3lite:{{bucket}}?contentTypeDetection=false");
                from("direct:fixed").to("s3lite:{{bucket}}?contentType=text/csv&cacheControl=max-age=60"
                                        + "&contentDisposition=attachment&contentEncoding=identity");
            }
        };
    }

    @Test
    void singlePutAndMultipartStoreTheSameTypeAndMetadata() throws Exception {
        System.setProperty("S3LITE_TEST_JOB", "job-42");
        Path png = tmp.resolve("picture.dat");   // the extension lies: the bytes say PNG
        byte[] head = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R' };
        byte[] data = new byte[12 * 1024 * 1024];
        new Random(3).nextBytes(data);
        System.arraycopy(head, 0, data, 0, head.length);
        Files.write(png, data);
        Map<String, String> headerMeta = new LinkedHashMap<>();
        headerMeta.put("Owner", "header-owner");
        headerMeta.put("note", "Grüße aus Köln ✓");
        headerMeta.put("CamelFileName", "must-not-leak");

        Exchange single = template.request("direct:single", e -> {
            e.getMessage().setBody(png.toFile());
            e.getMessage().setHeader(S3LiteConstants.KEY, "single/picture");
            e.getMessage().setHeader(S3LiteConstants.METADATA, headerMeta);
            e.getMessage().setHeader("CamelSomethingInternal", "x");
        });
        Exchange multi = template.request("direct:multi", e -> {
            e.getMessage().setBody(png.toFile());
            e.getMessage().setHeader(S3LiteConstants.KEY, "multi/picture");
            e.getMessage().setHeader(S3LiteConstants.METADATA, headerMeta);
        });
        assertThat(single.getException()).isNull();
        assertThat(multi.getException()).isNull();
        assertThat(multi.getMessage().getHeader(S3LiteConstants.PART_COUNT, Integer.class)).isEqualTo(3);

        ObjectInfo a = client.headObject(bucket, "single/picture", null);
        ObjectInfo b = client.headObject(bucket, "multi/picture", null);
        assertThat(a.contentType()).isEqualTo("image/png");
        assertThat(b.contentType()).isEqualTo("image/png");
        Map<String, String> ma = UserMetadata.decodeFromWire(a.userMetadata());
        Map<String, String> mb = UserMetadata.decodeFromWire(b.userMetadata());
        // priority: header > endpoint metadata.* > exchange > environment > registry beans
        assertThat(ma).containsEntry("owner", "header-owner")
                .containsEntry("note", "Grüße aus Köln ✓")
                .containsEntry("pipeline", "billing")
                .containsEntry("route-id", "single-route")
                .containsEntry("source-file", "picture.dat")
                .containsKey("source-last-modified")
                .containsKey("exchange-id")
                .containsEntry("s3lite-test-job", "job-42")
                .containsEntry("application", "meta-test")
                .containsKey("host")
                .containsEntry("team", "from-bean")
                .doesNotContainKey("camelfilename")
                .doesNotContainKey("camelsomethinginternal");
        Map<String, String> withoutPerExchange = new LinkedHashMap<>(ma);
        withoutPerExchange.keySet().removeAll(java.util.List.of("route-id", "exchange-id", "breadcrumb-id", "exchange-created"));
        Map<String, String> multiWithout = new LinkedHashMap<>(mb);
        multiWithout.keySet().removeAll(java.util.List.of("route-id", "exchange-id", "breadcrumb-id", "exchange-created"));
        assertThat(multiWithout).isEqualTo(withoutPerExchange);

        // getObject/headObject hand back the decoded values
        Exchange read = template.request("s3lite:" + bucket + "?operation=headObject",
                e -> e.getMessage().setHeader(S3LiteConstants.KEY, "multi/picture"));
        assertThat(read.getMessage().getHeader(S3LiteConstants.METADATA, Map.class)).containsEntry("note", "Grüße aus Köln ✓");
        System.clearProperty("S3LITE_TEST_JOB");
    }

    @Test
    void contentTypeOrderHeaderThenOptionThenDetectionThenOctetStream() throws Exception {
        byte[] json = "{\"a\": 1}".getBytes();
        template.sendBodyAndHeaders("direct:plain", json, Map.of(S3LiteConstants.KEY, "t/header.json",
                S3LiteConstants.CONTENT_TYPE, "application/x-custom"));
        template.sendBodyAndHeaders("direct:plain", json, Map.of(S3LiteConstants.KEY, "t/camel-header",
                Exchange.CONTENT_TYPE, "application/vnd.camel"));
        template.sendBodyAndHeader("direct:fixed", json, S3LiteConstants.KEY, "t/option.json");
        template.sendBodyAndHeader("direct:plain", json, S3LiteConstants.KEY, "t/detected");
        template.sendBodyAndHeader("direct:nodetect", json, S3LiteConstants.KEY, "t/nodetect.json");
        template.sendBodyAndHeader("direct:plain", new byte[] { 1, 2, 3, 0, 5 }, S3LiteConstants.KEY, "t/unknown");
        assertThat(client.headObject(bucket, "t/header.json", null).contentType()).isEqualTo("application/x-custom");
        assertThat(client.headObject(bucket, "t/camel-header", null).contentType()).isEqualTo("application/vnd.camel");
        ObjectInfo fixed = client.headObject(bucket, "t/option.json", null);
        assertThat(fixed.contentType()).isEqualTo("text/csv");
        assertThat(fixed.cacheControl()).isEqualTo("max-age=60");
        assertThat(fixed.contentDisposition()).isEqualTo("attachment");
        assertThat(client.headObject(bucket, "t/detected", null).contentType()).isEqualTo("application/json");
        assertThat(client.headObject(bucket, "t/nodetect.json", null).contentType()).isEqualTo("application/octet-stream");
        assertThat(client.headObject(bucket, "t/unknown", null).contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void gzipFileKeepsItsEncodingWhenAsked() throws Exception {
        Path gz = tmp.resolve("data.csv.gz");
        try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write("a,b\n1,2\n".getBytes());
        }
        template.sendBodyAndHeaders("direct:plain", gz.toFile(), Map.of(S3LiteConstants.KEY, "gz/data.csv",
                S3LiteConstants.CONTENT_TYPE, "text/csv", S3LiteConstants.CONTENT_ENCODING, "gzip"));
        template.sendBodyAndHeader("direct:plain", gz.toFile(), S3LiteConstants.KEY, "gz/data.csv.gz");
        ObjectInfo encoded = client.headObject(bucket, "gz/data.csv", null);
        assertThat(encoded.contentType()).isEqualTo("text/csv");
        assertThat(encoded.contentEncoding()).isEqualTo("gzip");
        assertThat(client.headObject(bucket, "gz/data.csv.gz", null).contentType()).isEqualTo("application/gzip");
        // stored byte for byte: the client does not decompress
        try (var r = client.getObject(bucket, "gz/data.csv", io.github.s3lite.client.GetOptions.NONE)) {
            assertThat(r.body().readAllBytes()).isEqualTo(Files.readAllBytes(gz));
        }
    }

    @Test
    void streamBodyIsPeekedWithoutLosingBytes() throws Exception {
        byte[] pdf = ("%PDF-1.7\n" + "x".repeat(20_000)).getBytes();
        java.io.InputStream once = new java.io.FilterInputStream(new java.io.ByteArrayInputStream(pdf)) {
        };
        template.sendBodyAndHeader("s3lite:" + bucket, once, S3LiteConstants.KEY, "peek/doc");
        assertThat(client.headObject(bucket, "peek/doc", null).contentType()).isEqualTo("application/pdf");
        try (var r = client.getObject(bucket, "peek/doc", io.github.s3lite.client.GetOptions.NONE)) {
            assertThat(r.body().readAllBytes()).isEqualTo(pdf);
        }
    }

    @Test
    void tooMuchMetadataFailsBeforeUploadNamingTheLimit() {
        Map<String, String> big = new LinkedHashMap<>();
        for (int i = 0; i < 30; i++) {
            big.put("key-" + i, "v".repeat(80));
        }
        Exchange ex = template.request("direct:plain", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(S3LiteConstants.KEY, "too-much");
            e.getMessage().setHeader(S3LiteConstants.METADATA, big);
        });
        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2048");
        Exchange badName = template.request("direct:plain", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(S3LiteConstants.KEY, "bad-name");
            e.getMessage().setHeader(S3LiteConstants.METADATA, Map.of("has space", "v"));
        });
        assertThat(badName.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has space");
        assertThat(client.listAllObjects(bucket, null, 0)).isEmpty();
    }
}
