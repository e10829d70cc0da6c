package io.github.s3lite.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.S3LiteEndpoint;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3LiteClient;
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
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code profile} option through a route, with the shared files named by the system properties
 * {@code aws.configFile} / {@code aws.sharedCredentialsFile}: a role assumed by source_profile (from the fake STS,
 * which checks the AssumeRole signature) and a credential_process both sign real PUTs that S3Proxy verifies; the
 * profile's region signs them; an unknown profile stops the endpoint before any request.
 */
class ProfileRouteTest {
    static final String BASE_KEY = "AKIDPROFILEROUTE";
    static final String BASE_SECRET = "profile-route-base-secret-never-logged";

    final EmbeddedS3 s3 = EmbeddedS3.get();
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(EmbeddedS3.get().endpoint());
    @TempDir
    Path dir;
    FakeCredentialServer sts;
    S3LiteClient client;
    String bucket;

    @BeforeEach
    void setUp() throws Exception {
        sts = new FakeCredentialServer();
        sts.baseKeys.put(BASE_KEY, BASE_SECRET);
        sts.issuedKey = EmbeddedS3.ACCESS_KEY; // the one key pair S3Proxy knows, issued as temporary credentials
        sts.issuedSecret = EmbeddedS3.SECRET_KEY;
        client = s3.newClient();
        bucket = s3.newBucket("profile");
        System.setProperty("aws.configFile", dir.resolve("config").toString());
        System.setProperty("aws.sharedCredentialsFile", dir.resolve("credentials").toString());
    }

    @AfterEach
    void tearDown() throws Exception {
        System.clearProperty("aws.configFile");
        System.clearProperty("aws.sharedCredentialsFile");
        sts.close();
        client.close();
    }

    private void files(String config, String credentials) throws Exception {
        Files.writeString(dir.resolve("config"), config);
        Files.writeString(dir.resolve("credentials"), credentials);
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

    private S3LiteComponent component() {
        S3LiteComponent c = new S3LiteComponent();
        c.getConfiguration().setEndpoint(proxy.endpoint().toString());
        c.getConfiguration().setPathStyleAccess(true);
        c.getConfiguration().setStsEndpoint(sts.uri("/sts").toString());
        return c;
    }

    private String body(String key) throws Exception {
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aRoleBySourceProfileSignsTheUploadInTheProfilesRegion() throws Exception {
        sts.stsRegion = "eu-west-1";
        files("[profile uploader]\nrole_arn = arn:aws:iam::123456789012:role/uploader\nsource_profile = base\n"
              + "role_session_name = camel-profile\nexternal_id = EXT-route\nregion = eu-west-1\n",
                "[base]\naws_access_key_id = " + BASE_KEY + "\naws_secret_access_key = " + BASE_SECRET + "\n");
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addComponent("s3lite", component());
            Exchange ex = put(ctx, "s3lite:" + bucket + "?profile=uploader", "profile-role.txt");
            assertThat(ex.getException()).isNull();
        }
        assertThat(body("profile-role.txt")).isEqualTo("hello profile-role.txt");
        assertThat(sts.stsCalls).containsExactly("AssumeRole arn:aws:iam::123456789012:role/uploader - EXT-route camel-profile");
        FaultProxy.Seen put = proxy.seen().stream().filter(s -> s.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.head()).containsIgnoringCase("x-amz-security-token: " + sts.sessionToken(1))
                .contains("Credential=" + EmbeddedS3.ACCESS_KEY + "/").contains("/eu-west-1/s3/aws4_request")
                .doesNotContain(BASE_KEY);
    }

    @Test
    void awsRegionWinsOverTheProfilesRegionAsInTheSdks() throws Exception {
        files("[profile plain]\nregion = eu-west-1\n",
                "[plain]\naws_access_key_id = " + EmbeddedS3.ACCESS_KEY + "\naws_secret_access_key = " + EmbeddedS3.SECRET_KEY + "\n");
        System.setProperty("aws.region", "ap-northeast-1"); // the SDKs' system property, read like AWS_REGION
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addComponent("s3lite", component());
            Exchange ex = put(ctx, "s3lite:" + bucket + "?profile=plain", "region-env.txt");
            assertThat(ex.getException()).isNull();
        } finally {
            System.clearProperty("aws.region");
        }
        assertThat(body("region-env.txt")).isEqualTo("hello region-env.txt");
        FaultProxy.Seen put = proxy.seen().stream().filter(s -> s.method().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.head()).contains("/ap-northeast-1/s3/aws4_request").doesNotContain("/eu-west-1/");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void aCredentialProcessSignsTheUploadAndItsOutputIsNeverLogged() throws Exception {
        String token = "PROCESS-TOKEN-" + System.nanoTime();
        Path script = dir.resolve("creds.sh");
        Files.writeString(script, "#!/bin/sh\nprintf '{\"Version\": 1, \"AccessKeyId\": \"" + EmbeddedS3.ACCESS_KEY
                                  + "\", \"SecretAccessKey\": \"" + EmbeddedS3.SECRET_KEY + "\", \"SessionToken\": \""
                                  + token + "\"}'\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        files("[profile proc]\ncredential_process = " + script + "\n", "");
        S3LiteEndpointConfigTest.Captured captured = new S3LiteEndpointConfigTest.Captured();
        captured.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(captured);
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addComponent("s3lite", component());
            Exchange ex = put(ctx, "s3lite:" + bucket + "?profile=proc", "process.txt");
            assertThat(ex.getException()).isNull();
            S3LiteEndpoint endpoint = ctx.getEndpoints().stream().filter(e -> e instanceof S3LiteEndpoint)
                    .map(S3LiteEndpoint.class::cast).findFirst().orElseThrow();
            String all = endpoint + " " + endpoint.getClient().config() + " " + endpoint.getClient().config().credentials()
                         + " " + endpoint.getClient().config().credentials().credentials();
            assertThat(all).doesNotContain(token).doesNotContain(EmbeddedS3.SECRET_KEY);
        } finally {
            root.detachAppender(captured);
            root.setLevel(before);
        }
        assertThat(body("process.txt")).isEqualTo("hello process.txt");
        assertThat(proxy.seen()).filteredOn(s -> s.method().equals("PUT"))
                .allMatch(s -> s.head().toLowerCase().contains("x-amz-security-token: " + token.toLowerCase()));
        assertThat(captured.lines).isNotEmpty().noneMatch(l -> l.contains(token) || l.contains(EmbeddedS3.SECRET_KEY));
    }

    @Test
    void anUnknownProfileStopsTheEndpointBeforeAnyRequest() throws Exception {
        files("[profile dev]\nregion = eu-west-1\n", "[dev]\naws_access_key_id = A\naws_secret_access_key = B\n");
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addComponent("s3lite", component());
            assertThatThrownBy(() -> put(ctx, "s3lite:" + bucket + "?profile=prod", "never.txt"))
                    .rootCause().hasMessageContaining("profile=prod is not in the AWS config or credentials file")
                    .hasMessageContaining("[dev]").hasMessageContaining("add [profile prod]")
                    .hasMessageNotContaining("B\n");
        }
        assertThat(proxy.seen()).isEmpty();
        assertThat(sts.stsCalls).isEmpty();
        files("[profile norole]\nrole_arn = arn:aws:iam::1:role/x\n", "");
        try (DefaultCamelContext ctx = new DefaultCamelContext()) {
            ctx.addComponent("s3lite", component());
            assertThatThrownBy(() -> put(ctx, "s3lite:" + bucket + "?profile=norole", "never.txt"))
                    .rootCause().hasMessageContaining("profile=norole").hasMessageContaining("neither source_profile");
        }
        assertThat(proxy.seen()).isEmpty();
    }
}
