package io.github.s3lite.component;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.client.auth.FakeCredentialServer;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * roleArn and credentialsProvider through a route: the role's key pair, issued by a fake STS that checks the SigV4
 * signature of AssumeRole, signs a real PUT that S3Proxy verifies; the base keys never reach S3.
 */
class AssumeRoleRouteTest {
    static final String BASE_KEY = "AKIDBASEFORSTS";
    static final String BASE_SECRET = "base-secret-for-sts-never-logged";

    final EmbeddedS3 s3 = EmbeddedS3.get();
    FakeCredentialServer sts;
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(EmbeddedS3.get().endpoint());
    S3LiteClient client;
    String bucket;

    @BeforeEach
    void setUp() throws Exception {
        sts = new FakeCredentialServer();
        sts.baseKeys.put(BASE_KEY, BASE_SECRET);
        sts.issuedKey = EmbeddedS3.ACCESS_KEY; // the one key pair S3Proxy knows, issued as temporary credentials
        sts.issuedSecret = EmbeddedS3.SECRET_KEY;
        client = s3.newClient();
        bucket = s3.newBucket("role");
    }

    @AfterEach
    void tearDown() throws Exception {
        sts.close();
        client.close();
    }

    private Exchange put(DefaultCamelContext ctx, String uri, String key) throws Exception {
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:" + key).to(uri);
            }
        });
        ctx.start();
        return ctx.createProducerTemplate().request("direct:" + key, e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            e.getMessage().setBody("hello " + key);
        });
    }

    private static S3LiteComponent component(String endpoint) {
        S3LiteComponent c = new S3LiteComponent();
        c.getConfiguration().setEndpoint(endpoint);
        c.getConfiguration().setPathStyleAccess(true);
        return c;
    }

    @Test
    void assumedRoleKeysSignTheUpload() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addComponent("s3lite", component(proxy.endpoint().toString()));
            Exchange ex = put(ctx, "s3lite:" + bucket + "?accessKey=" + BASE_KEY + "&secretKey=RAW(" + BASE_SECRET + ")"
                                   + "&roleArn=arn:aws:iam::123456789012:role/uploader&roleSessionName=camel"
                                   + "&roleSessionDuration=15m&stsEndpoint=" + sts.uri("/sts") + "&stsRegion=us-east-1",
                    "role.txt");
            assertThat(ex.getException()).isNull();
        }
        try (var r = client.getObject(bucket, "role.txt", GetOptions.NONE)) {
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello role.txt");
        }
        assertThat(sts.stsCalls).containsExactly("AssumeRole arn:aws:iam::123456789012:role/uploader 900 - camel");
        FaultProxy.Seen put = proxy.seen().stream().filter(s -> s.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.head()).containsIgnoringCase("x-amz-security-token: " + sts.sessionToken(1))
                .contains("Credential=" + EmbeddedS3.ACCESS_KEY + "/").doesNotContain(BASE_KEY);
    }

    @Test
    void anAutowiredCredentialsProviderBeanIsUsed() throws Exception {
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.getRegistry().bind("myCredentials", (CredentialsProvider) () ->
                    new Credentials(EmbeddedS3.ACCESS_KEY, EmbeddedS3.SECRET_KEY, "bean-session-token"));
            ctx.addComponent("s3lite", component(proxy.endpoint().toString()));
            Exchange ex = put(ctx, "s3lite:" + bucket, "bean.txt");
            assertThat(ex.getException()).isNull();
        }
        assertThat(client.headObject(bucket, "bean.txt", null).contentLength()).isEqualTo("hello bean.txt".length());
        assertThat(proxy.seen()).filteredOn(s -> s.method().equals("PUT"))
                .allMatch(s -> s.head().toLowerCase().contains("x-amz-security-token: bean-session-token"));
    }

    @Test
    void roleSecretsNeverShowInLogsMessagesOrToString() throws Exception {
        String externalId = "EXTERNAL-" + System.nanoTime();
        sts.issuedSecret = "ISSUED-SECRET-" + System.nanoTime(); // S3Proxy refuses it: the PUT fails with 403
        S3LiteEndpointConfigTest.Captured captured = new S3LiteEndpointConfigTest.Captured();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(captured);
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            S3LiteComponent c = component(proxy.endpoint().toString());
            c.getConfiguration().setRoleExternalId(externalId); // on the component: Camel does not mask it in URIs
            ctx.addComponent("s3lite", c);
            Exchange ex = put(ctx, "s3lite:" + bucket + "?accessKey=" + BASE_KEY + "&secretKey=RAW(" + BASE_SECRET + ")"
                                   + "&roleArn=arn:aws:iam::123456789012:role/uploader&stsEndpoint=" + sts.uri("/sts"),
                    "denied.txt");
            assertThat(ex.getException()).isNotNull();
            S3LiteEndpoint endpoint = ctx.getEndpoints().stream().filter(e -> e instanceof S3LiteEndpoint)
                    .map(S3LiteEndpoint.class::cast).findFirst().orElseThrow();
            String all = ex.getException() + " " + endpoint + " " + endpoint.getClient().config() + " "
                         + endpoint.getClient().config().credentials() + " "
                         + endpoint.getClient().config().credentials().credentials();
            assertThat(all).doesNotContain(externalId).doesNotContain(sts.issuedSecret).doesNotContain(sts.sessionToken(1))
                    .doesNotContain(BASE_SECRET);
            assertThat(sts.stsCalls).singleElement().asString().contains(externalId); // it did reach STS
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        assertThat(captured.lines).isNotEmpty().noneMatch(l -> l.contains(externalId) || l.contains(sts.issuedSecret)
                                                            || l.contains(sts.sessionToken(1)) || l.contains(BASE_SECRET));
    }
}
