package io.github.s3lite.component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.github.s3lite.S3LiteConfiguration;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.S3LiteOperations;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.S3LiteTestSupport;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.apache.camel.util.URISupport;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** URI to configuration, component-level defaults, and secrets kept out of URIs, logs and messages. */
class S3LiteEndpointConfigTest extends S3LiteTestSupport {

    @Test
    void uriOptionsReachTheConfiguration() {
        context.getRegistry().bind("checkpoints", MemoryIdempotentRepository.memoryIdempotentRepository());
        S3LiteEndpoint e = context.getEndpoint("s3lite:my-bucket?region=eu-central-1&endpoint=http://127.0.0.1:9000"
                                               + "&pathStyleAccess=true&operation=getObject&keyName=in/${header.CamelFileName}"
                                               + "&connectTimeout=3s&socketTimeout=2m&maxConnections=7&presignExpiry=15m"
                                               + "&multipartThreshold=33554432&partSize=10485760&uploadConcurrency=6"
                                               + "&checksumAlgorithm=CRC32C&checkpointRepository=#checkpoints"
                                               + "&metadata.owner=team-a&metadata.pipeline=billing&contentType=text/csv"
                                               + "&includeExchangeMetadata=true&autoCreateBucket=false",
                S3LiteEndpoint.class);
        S3LiteConfiguration c = e.getConfiguration();
        assertThat(c.getBucketName()).isEqualTo("my-bucket");
        assertThat(c.getRegion()).isEqualTo("eu-central-1");
        assertThat(c.getEndpoint()).isEqualTo("http://127.0.0.1:9000");
        assertThat(c.isPathStyleAccess()).isTrue();
        assertThat(c.getOperation()).isEqualTo(S3LiteOperations.getObject);
        assertThat(c.getKeyName()).isEqualTo("in/${header.CamelFileName}");
        assertThat(c.getConnectTimeout()).isEqualTo(3_000);
        assertThat(c.getSocketTimeout()).isEqualTo(120_000);
        assertThat(c.getMaxConnections()).isEqualTo(7);
        assertThat(c.getPresignExpiry()).isEqualTo(900_000);
        assertThat(c.getMultipartThreshold()).isEqualTo(32L << 20);
        assertThat(c.getPartSize()).isEqualTo(10L << 20);
        assertThat(c.getUploadConcurrency()).isEqualTo(6);
        assertThat(c.getChecksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32C);
        assertThat(c.getCheckpointRepository()).isSameAs(context.getRegistry().lookupByName("checkpoints"));
        assertThat(c.getMetadata()).containsExactlyInAnyOrderEntriesOf(Map.of("owner", "team-a", "pipeline", "billing"));
        assertThat(c.getContentType()).isEqualTo("text/csv");
        assertThat(c.isIncludeExchangeMetadata()).isTrue();
        // defaults
        S3LiteConfiguration d = context.getEndpoint("s3lite:other-bucket", S3LiteEndpoint.class).getConfiguration();
        assertThat(d.getMultipartThreshold()).isEqualTo(16L << 20);
        assertThat(d.getPartSize()).isEqualTo(8L << 20);
        assertThat(d.getUploadConcurrency()).isEqualTo(4);
        assertThat(d.getOperation()).isEqualTo(S3LiteOperations.putObject);
        assertThat(d.getPresignExpiry()).isEqualTo(3_600_000);
        assertThat(d.getChecksumAlgorithm()).isEqualTo(ChecksumAlgorithm.AUTO);
        // the component-level configuration is the template
        assertThat(d.getEndpoint()).isEqualTo(store().endpoint().toString());
        assertThat(d.isPathStyleAccess()).isTrue();
    }

    static final class Captured extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            lines.add(e.getFormattedMessage() + (e.getThrowableProxy() != null ? " " + e.getThrowableProxy().getMessage() : ""));
        }
    }

    @Test
    void secretsNeverShowInUrisLogsOrMessages() throws Exception {
        String secret = "SECRET-" + System.nanoTime();
        String token = "TOKEN-" + System.nanoTime();
        Captured captured = new Captured();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(captured);
        try {
            String uri = "s3lite:" + bucket + "?accessKey=" + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(" + secret
                         + ")&sessionToken=RAW(" + token + ")";
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:secret").routeId("secret-route").to(uri);
                }
            });
            var ex = template.request("direct:secret", e -> {
                e.getMessage().setBody("x");
                e.getMessage().setHeader(S3LiteConstants.KEY, "s.txt");
            });
            assertThat(ex.getException()).isNotNull(); // wrong secret: access denied
            S3LiteEndpoint endpoint = context.getEndpoints().stream().filter(e -> e instanceof S3LiteEndpoint)
                    .map(S3LiteEndpoint.class::cast).filter(e -> secret.equals(e.getConfiguration().getSecretKey()))
                    .findFirst().orElseThrow();
            assertThat(URISupport.sanitizeUri(endpoint.getEndpointUri())).doesNotContain(secret).doesNotContain(token);
            assertThat(endpoint.toString()).doesNotContain(secret).doesNotContain(token);
            assertThat(endpoint.getClient().config().toString()).doesNotContain(secret).doesNotContain(token);
            assertThat(endpoint.getClient().config().credentials().credentials().toString())
                    .doesNotContain(secret).doesNotContain(token);
            assertThat(ex.getException().toString()).doesNotContain(secret).doesNotContain(token);
            context.getRouteController().stopRoute("secret-route");
            context.getRouteController().startRoute("secret-route");
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        assertThat(captured.lines).isNotEmpty();
        assertThat(captured.lines).noneMatch(l -> l.contains(secret) || l.contains(token));
        assertThat(captured.lines).noneMatch(l -> l.contains(EmbeddedS3.SECRET_KEY));
        assertThat(captured.lines).noneMatch(l -> l.contains("Signature="));
    }

    @Test
    void aGivenClientIsUsedAndNotClosedByTheEndpoint() throws Exception {
        io.github.s3lite.client.S3LiteClient shared = store().newClient();
        try {
            context.getRegistry().bind("sharedClient", shared);
            S3LiteEndpoint e = context.getEndpoint("s3lite:" + bucket + "?s3Client=#sharedClient", S3LiteEndpoint.class);
            e.start();
            assertThat(e.getClient()).isSameAs(shared);
            e.stop();
            shared.headBucket(bucket); // still open
            S3LiteEndpoint own = context.getEndpoint("s3lite:" + bucket + "?region=eu-west-3", S3LiteEndpoint.class);
            own.start();
            // autowired: the single S3LiteClient bean of the registry
            assertThat(own.getClient()).isSameAs(shared);
            own.stop();
        } finally {
            shared.close();
        }
    }
}
