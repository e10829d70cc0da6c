package io.github.s3lite.tracing;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.tracing.InjectAdapter;
import org.apache.camel.tracing.SpanAdapter;
import org.apache.camel.tracing.SpanDecorator;
import org.apache.camel.tracing.SpanKind;
import org.apache.camel.tracing.Tracer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code s3lite} span decorator (issue 16 point 5) under camel-tracing, with a recording tracer in place of
 * OpenTelemetry: camel-tracing finds the decorator through its service file, and the spans of a multipart upload,
 * a download and a failed request carry bucket, key, operation, bytes and parts, and no secret of the endpoint URI.
 */
class S3LiteSpanDecoratorTest extends S3LiteTestSupport {

    static final String SECRET = "uri-secret-" + UUID.randomUUID();

    /** A span that records its name and tags. */
    record Recorded(String name, Map<String, Object> tags) implements SpanAdapter {
        @Override
        public void setComponent(String component) {
            tags.put("component", component);
        }

        @Override
        public void setError(boolean error) {
            tags.put("error", error);
        }

        @Override
        public void setTag(String key, String value) {
            tags.put(key, value);
        }

        @Override
        public void setTag(String key, Number value) {
            tags.put(key, value);
        }

        @Override
        public void setTag(String key, Boolean value) {
            tags.put(key, value);
        }

        @Override
        public void log(Map<String, String> fields) {
            tags.put("log", fields.toString());
        }

        @Override
        public String traceId() {
            return "t";
        }

        @Override
        public String spanId() {
            return name;
        }
    }

    /** camel-tracing's Tracer with spans kept in a list. */
    static final class RecordingTracer extends Tracer {
        final List<Recorded> spans = new CopyOnWriteArrayList<>();

        @Override
        protected void initTracer() {
        }

        @Override
        protected void initContextPropagators() {
        }

        @Override
        protected SpanAdapter startSendingEventSpan(String name, SpanKind kind, SpanAdapter parent, Exchange exchange,
                InjectAdapter inject) {
            Recorded r = new Recorded(name, new ConcurrentHashMap<>());
            spans.add(r);
            return r;
        }

        @Override
        protected SpanAdapter startExchangeBeginSpan(Exchange exchange, SpanDecorator decorator, String name, SpanKind kind,
                SpanAdapter parent) {
            return startSendingEventSpan(name, kind, parent, exchange, null);
        }

        @Override
        protected void finishSpan(SpanAdapter span) {
        }

        @Override
        protected void inject(SpanAdapter span, InjectAdapter adapter) {
        }
    }

    final RecordingTracer tracer = new RecordingTracer();
    @TempDir
    Path dir;

    @Override
    protected CamelContext createCamelContext() throws Exception {
        CamelContext context = super.createCamelContext();
        tracer.init(context);
        return context;
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put").routeId("put")
                        .to("s3lite:{{bucket}}?multipartThreshold=5242880&partSize=5242880&sessionToken=RAW(" + SECRET + ")");
                from("direct:get").to("s3lite:{{bucket}}?operation=getObject").convertBodyTo(byte[].class);
            }
        };
    }

    List<Recorded> s3liteSpans() {
        return tracer.spans.stream().filter(s -> "camel-s3lite".equals(s.tags().get("component"))).toList();
    }

    @Test
    void theDecoratorIsFoundAndTagsUploadsAndDownloads() throws Exception {
        Path file = dir.resolve("t.bin");
        long size = 11L * 1024 * 1024 + 3;
        String sha = TestFiles.writeRandom(file, size, 21);
        template.sendBodyAndHeader("direct:put", file.toFile(), S3LiteConstants.KEY, "traced/t.bin");
        byte[] got = template.requestBodyAndHeader("direct:get", null, S3LiteConstants.KEY, "traced/t.bin", byte[].class);
        assertThat(TestFiles.sha256(got)).isEqualTo(sha);
        Exchange missing = template.request("direct:get", e -> e.getMessage().setHeader(S3LiteConstants.KEY, "traced/none"));
        assertThat(missing.getException()).isNotNull();

        List<Recorded> spans = s3liteSpans();
        assertThat(spans).hasSize(3);
        Recorded put = spans.get(0);
        assertThat(put.name()).isEqualTo("putObject");
        assertThat(put.tags()).containsEntry("rpc.system", "aws-api").containsEntry("rpc.service", "S3")
                .containsEntry("aws.s3.bucket", bucket).containsEntry("aws.s3.key", "traced/t.bin")
                .containsEntry("s3lite.operation", "putObject").containsEntry("s3lite.bytes", size)
                .containsEntry("s3lite.part_count", 3).containsEntry("s3lite.resumed_part_count", 0)
                .containsEntry("camel.route.id", "put").containsKey("aws.s3.upload_id");
        Recorded get = spans.get(1);
        assertThat(get.name()).isEqualTo("getObject");
        assertThat(get.tags()).containsEntry("aws.s3.key", "traced/t.bin").containsEntry("s3lite.bytes", size)
                .doesNotContainKey("error");
        Recorded failed = spans.get(2);
        assertThat(failed.tags()).containsEntry("error", true).containsEntry("aws.s3.key", "traced/none");
        assertThat(tracer.spans).allSatisfy(s -> assertThat(s.tags().toString()).doesNotContain(SECRET));
    }
}
