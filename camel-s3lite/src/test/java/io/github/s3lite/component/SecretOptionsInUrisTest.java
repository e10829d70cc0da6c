package io.github.s3lite.component;

import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.test.TestHttpProxy;
import org.apache.camel.Endpoint;
import org.apache.camel.Exchange;
import org.apache.camel.Route;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code secret = true} option of the generated catalog, set in an endpoint URI, is absent from the endpoint's
 * URI views ({@code toString()}, {@code getEndpointUri()}, {@code getEndpointBaseUri()}, {@code getEndpointKey()}), the
 * routes' endpoints, the captured logs (DEBUG, Camel's included: route start, the error handler's exhausted
 * message with its message history; not the two Camel DEBUG lines of {@link #CAMEL_DEBUG_AS_WRITTEN}) and the failing exchange's exception with all its causes. Camel's own
 * {@code URISupport.sanitizeUri} masks only the names of {@code SensitiveUtils}, which lacks sseCustomerKey and
 * roleExternalId; the names are read from the catalog so a new secret is covered without editing this test.
 */
class SecretOptionsInUrisTest extends S3LiteTestSupport {

    private static final String PROXY_USER_ACCEPTED = "someone-else";

    /**
     * Camel's DEBUG lines that print the URI as requested, before the component sees it ("Creating endpoint uri=[...]",
     * "... converted to endpoint"), masked by Camel's list only: the component cannot change them (the README says so).
     */
    static final Set<String> CAMEL_DEBUG_AS_WRITTEN = Set.of("org.apache.camel.support.DefaultComponent",
            "org.apache.camel.impl.engine.AbstractCamelContext");

    /** A valid value for each option whose format is checked at start; others get a plain marker. */
    private static String valueFor(String option) {
        if (option.equals("sseCustomerKey")) {
            byte[] key = new byte[32];
            for (int i = 0; i < key.length; i++) {
                key[i] = (byte) (0x5a ^ (i * 7));
            }
            return Base64.getEncoder().encodeToString(key);
        }
        return "Sec" + option + "Value" + Long.toHexString(System.nanoTime() & 0xffffff);
    }

    static List<String> catalogSecrets() throws Exception {
        try (InputStream in = S3LiteEndpoint.class.getResourceAsStream("/META-INF/io/github/s3lite/s3lite.json")) {
            JsonObject catalog = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            JsonObject properties = catalog.getMap("properties");
            List<String> secrets = new ArrayList<>();
            for (var e : properties.entrySet()) {
                if (Boolean.TRUE.equals(((Map<?, ?>) e.getValue()).get("secret"))) {
                    secrets.add(e.getKey());
                }
            }
            return secrets;
        }
    }

    static final class Captured extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel() == Level.DEBUG && CAMEL_DEBUG_AS_WRITTEN.contains(e.getLoggerName())) {
                return;
            }
            lines.add(e.getFormattedMessage()
                    + (e.getThrowableProxy() != null ? "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy()) : ""));
        }
    }

    @ParameterizedTest(name = "values in RAW(): {0}")
    @ValueSource(booleans = { false, true })
    void noSecretOptionShowsInEndpointUrisRoutesLogsOrErrors(boolean raw) throws Exception {
        List<String> secrets = catalogSecrets();
        assertThat(secrets).contains("accessKey", "secretKey", "sessionToken", "sseCustomerKey", "roleExternalId",
                "proxyUsername", "proxyPassword");
        Map<String, String> values = new LinkedHashMap<>();
        secrets.forEach(s -> values.put(s, valueFor(s)));
        Captured captured = new Captured();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(captured);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        // the proxy wants other credentials: the request fails with a 407, an error that names the proxy options
        try (TestHttpProxy proxy = new TestHttpProxy(PROXY_USER_ACCEPTED, "pw", null)) {
            StringBuilder uri = new StringBuilder("s3lite:" + bucket + "?proxyHost=127.0.0.1&proxyPort=" + proxy.port()
                    + "&roleArn=arn:aws:iam::123456789012:role/uploader&stsEndpoint=" + s3Endpoint()
                    + "&sseCustomerKeyOverHttp=true");
            values.forEach((k, v) -> uri.append('&').append(k).append('=').append(raw ? "RAW(" + v + ")" : v));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:put").routeId("put-route").to(uri.toString());
                    from(uri + "&delay=3600000&initialDelay=3600000").routeId("poll-route").to("mock:polled");
                }
            });
            Exchange ex = template.request("direct:put", e -> {
                e.getMessage().setBody("x");
                e.getMessage().setHeader(S3LiteConstants.KEY, "s.txt");
            });
            assertThat(ex.getException()).isNotNull();
            assertThat(proxy.challenges()).isPositive();

            List<String> surfaces = new ArrayList<>();
            List<S3LiteEndpoint> endpoints = context.getEndpoints().stream().filter(e -> e instanceof S3LiteEndpoint)
                    .map(S3LiteEndpoint.class::cast).toList();
            assertThat(endpoints).hasSize(2)
                    .allSatisfy(e -> assertThat(e.getConfiguration().getSseCustomerKey()).isEqualTo(values.get("sseCustomerKey")));
            for (S3LiteEndpoint e : endpoints) {
                surfaces.add(e.toString());
                surfaces.add(e.getEndpointUri());
                surfaces.add(e.getEndpointBaseUri());
                surfaces.add(e.getEndpointKey());
                assertThat(e.getEndpointUri()).contains("sseCustomerKey=xxxxxx", "roleExternalId=xxxxxx");
            }
            for (Route r : context.getRoutes()) {
                surfaces.add(r.toString());
                surfaces.add(r.getEndpoint().getEndpointUri());
                surfaces.add(String.valueOf(r.getDescription()));
            }
            for (Endpoint e : context.getEndpointRegistry().values()) {
                surfaces.add(e.toString());
            }
            StringWriter trace = new StringWriter();
            ex.getException().printStackTrace(new PrintWriter(trace));
            surfaces.add(trace.toString());
            surfaces.addAll(captured.lines);

            TreeSet<String> leaked = new TreeSet<>();
            for (String s : surfaces) {
                values.forEach((k, v) -> {
                    for (String form : List.of(v, URLEncoder.encode(v, StandardCharsets.UTF_8))) {
                        if (s != null && s.contains(form)) {
                            leaked.add(k + " in: " + s.lines().filter(l -> l.contains(form)).findFirst().orElse(s));
                        }
                    }
                });
            }
            assertThat(leaked).as("secret values found").isEmpty();
            assertThat(captured.lines).as("logs captured").isNotEmpty();
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
    }
}
