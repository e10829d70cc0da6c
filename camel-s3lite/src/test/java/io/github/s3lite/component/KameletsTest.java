package io.github.s3lite.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.test.EmbeddedS3;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 16 point 4: the Kamelets shipped in the jar ({@code kamelets/s3lite-sink.kamelet.yaml},
 * {@code kamelets/s3lite-source.kamelet.yaml}) used from YAML DSL routes as {@code kamelet:s3lite-sink?...} and
 * {@code kamelet:s3lite-source?...}, with camel-kamelet loading them from the classpath, against S3Proxy.
 */
class KameletsTest {

    private static final EmbeddedS3 S3 = EmbeddedS3.get();

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static String storeParams() {
        return "endpoint=" + S3.endpoint() + "&pathStyleAccess=true&accessKey=" + EmbeddedS3.ACCESS_KEY
               + "&secretKey=RAW(" + EmbeddedS3.SECRET_KEY + ")";
    }

    private static void loadYaml(CamelContext context, String yaml) throws Exception {
        Resource resource = ResourceHelper.fromString("routes.yaml", yaml);
        PluginHelper.getRoutesLoader(context).loadRoutes(resource);
    }

    @Test
    void theSinkWritesTheBodyUnderTheFileHeaderOrKeyName() throws Exception {
        String bucket = S3.newBucket("kamelet-sink");
        byte[] large = new byte[(17 << 20) + 5]; // above the 16 MiB multipart threshold
        new Random(4).nextBytes(large);
        byte[] small = "hello kamelet".getBytes(StandardCharsets.UTF_8);
        try (CamelContext context = new DefaultCamelContext(); S3LiteClient client = S3.newClient()) {
            loadYaml(context, """
                    - route:
                        from:
                          uri: direct:byFile
                          steps:
                            - to: "kamelet:s3lite-sink?bucketName=%1$s&%2$s"
                    - route:
                        from:
                          uri: direct:byKeyName
                          steps:
                            - to: "kamelet:s3lite-sink?bucketName=%1$s&keyName=fixed/${header.name}.txt&%2$s"
                    """.formatted(bucket, storeParams()));
            context.start();
            context.createProducerTemplate().sendBodyAndHeader("direct:byFile", large, "file", "in/large.bin");
            context.createProducerTemplate().sendBodyAndHeader("direct:byKeyName", small, "name", "greeting");

            try (GetObjectResponse r = client.getObject(bucket, "in/large.bin", null); InputStream in = r.body()) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(large));
            }
            try (GetObjectResponse r = client.getObject(bucket, "fixed/greeting.txt", null); InputStream in = r.body()) {
                assertThat(sha256(in.readAllBytes())).isEqualTo(sha256(small));
            }
        }
    }

    @Test
    void theSourceDeliversEachObjectAndDeletesIt() throws Exception {
        String bucket = S3.newBucket("kamelet-source");
        byte[] data = new byte[3 << 20];
        new Random(5).nextBytes(data);
        List<Exchange> received = new CopyOnWriteArrayList<>();
        try (CamelContext context = new DefaultCamelContext(); S3LiteClient client = S3.newClient()) {
            client.putObject(bucket, "in/a.bin", RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
            client.putObject(bucket, "other/b.bin", RequestBody.of("not under the prefix".getBytes(StandardCharsets.UTF_8)),
                    ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
            context.getRegistry().bind("collect", (org.apache.camel.Processor) e -> {
                e.getMessage().setBody(e.getMessage().getBody(byte[].class));
                received.add(e.copy());
            });
            loadYaml(context, """
                    - route:
                        from:
                          uri: "kamelet:s3lite-source?bucketName=%s&prefix=in/&delay=200&%s"
                          steps:
                            - process:
                                ref: collect
                    """.formatted(bucket, storeParams()));
            context.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (received.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertThat(received).hasSize(1);
            Exchange e = received.get(0);
            assertThat(sha256(e.getMessage().getBody(byte[].class))).isEqualTo(sha256(data));
            assertThat(e.getMessage().getHeader(S3LiteConstants.KEY)).isEqualTo("in/a.bin");
            assertThat(e.getMessage().getHeader("s3lite.key")).isEqualTo("in/a.bin");
            assertThat(e.getMessage().getHeader("s3lite.bucket.name")).isEqualTo(bucket);
            // deleteAfterRead defaults to true in the Kamelet (as in aws-s3-source)
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            boolean gone = false;
            while (!gone && System.nanoTime() < until) {
                try {
                    client.headObject(bucket, "in/a.bin", null);
                    Thread.sleep(100);
                } catch (S3NotFoundException expected) {
                    gone = true;
                }
            }
            assertThat(gone).as("in/a.bin deleted after read").isTrue();
            assertThat(client.headObject(bucket, "other/b.bin", null)).isNotNull();
        }
    }

    @Test
    void theKameletsAreInTheJarsResources() {
        for (String name : List.of("kamelets/s3lite-sink.kamelet.yaml", "kamelets/s3lite-source.kamelet.yaml")) {
            assertThat(KameletsTest.class.getClassLoader().getResource(name)).as(name).isNotNull();
        }
        assertThatThrownBy(() -> {
            try (CamelContext context = new DefaultCamelContext()) {
                loadYaml(context, """
                        - route:
                            from:
                              uri: direct:noBucket
                              steps:
                                - to: "kamelet:s3lite-sink?endpoint=http://127.0.0.1:1"
                        """);
                context.start();
            }
        }).hasStackTraceContaining("bucketName");
    }
}
