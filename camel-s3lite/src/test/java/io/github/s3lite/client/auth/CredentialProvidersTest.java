package io.github.s3lite.client.auth;

import io.github.s3lite.test.Await;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The STS, container and IMDS providers against {@link FakeCredentialServer} on 127.0.0.1. */
class CredentialProvidersTest {
    static final String BASE_KEY = "AKIDBASEEXAMPLE";
    static final String BASE_SECRET = "base-secret-never-logged";

    @TempDir
    Path tmp;
    final FakeCredentialServer fake = new FakeCredentialServer();
    final Map<String, String> env = new HashMap<>();

    CredentialProvidersTest() throws Exception {
        fake.baseKeys.put(BASE_KEY, BASE_SECRET);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    void assumeRoleIsSignedForStsAndGivesTheIssuedKeys() {
        StsClient sts = new StsClient(fake.uri("/sts"), "us-east-1");
        AssumeRoleCredentialsProvider p = new AssumeRoleCredentialsProvider(
                CredentialsProvider.of(new Credentials(BASE_KEY, BASE_SECRET, "base-session-token")), sts,
                new StsClient.RoleRequest("arn:aws:iam::123456789012:role/uploader", "s3lite-test", "ext-id-1",
                        Duration.ofMinutes(15)));
        Credentials c = p.credentials();
        assertThat(c.accessKeyId()).isEqualTo(fake.issuedKey);
        assertThat(c.secretAccessKey()).isEqualTo(fake.issuedSecret);
        assertThat(c.sessionToken()).isEqualTo(fake.sessionToken(1));
        assertThat(fake.stsCalls).containsExactly("AssumeRole arn:aws:iam::123456789012:role/uploader 900 ext-id-1 s3lite-test");
        assertThat(p.credentials()).isSameAs(c); // cached: 90 s credentials are not refreshed at once
        assertThat(fake.stsCalls).hasSize(1);
        assertThat(p.toString()).doesNotContain("ext-id-1").doesNotContain(BASE_SECRET);
    }

    @Test
    void aWrongSignatureRegionOrKeyIsRefusedWithoutQuotingSecrets() {
        StsClient wrongRegion = new StsClient(fake.uri("/sts"), "eu-west-1");
        StsClient.RoleRequest role = new StsClient.RoleRequest("arn:aws:iam::1:role/r", null, null, null);
        assertThatThrownBy(() -> wrongRegion.assumeRole(new Credentials(BASE_KEY, BASE_SECRET), role))
                .hasMessageContaining("403 SignatureDoesNotMatch").hasMessageContaining("eu-west-1/sts")
                .hasMessageNotContaining(BASE_SECRET);
        StsClient sts = new StsClient(fake.uri("/sts"), "us-east-1");
        assertThatThrownBy(() -> sts.assumeRole(new Credentials(BASE_KEY, "not-the-secret"), role))
                .hasMessageContaining("signature mismatch").hasMessageNotContaining("not-the-secret");
        assertThatThrownBy(() -> new StsClient.RoleRequest("arn:aws:iam::1:role/r", null, null, Duration.ofMinutes(5)))
                .hasMessageContaining("roleSessionDuration").hasMessageContaining("15 minutes");
    }

    @Test
    void webIdentityRereadsTheTokenFileAtEveryRefresh() throws Exception {
        Path token = tmp.resolve("token");
        Files.writeString(token, "oidc-token-1\n");
        fake.expectedWebToken = "oidc-token-1";
        fake.lifetime = Duration.ofSeconds(6); // refreshed about 3 s before it ends
        env.put("AWS_ROLE_ARN", "arn:aws:iam::123456789012:role/irsa");
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", token.toString());
        env.put("AWS_ROLE_SESSION_NAME", "pod-1");
        WebIdentityCredentialsProvider p = WebIdentityCredentialsProvider.fromEnvironment(env::get,
                new StsClient(fake.uri("/sts"), "us-east-1"));
        assertThat(p.credentials().sessionToken()).isEqualTo(fake.sessionToken(1));
        Files.writeString(token, "oidc-token-2\n"); // the kubelet rotates the token
        fake.expectedWebToken = "oidc-token-2";
        Await.until("a refresh with the new token", () -> fake.sessionToken(2).equals(p.credentials().sessionToken()));
        assertThat(fake.stsCalls).allMatch(s -> s.startsWith("AssumeRoleWithWebIdentity arn:aws:iam::123456789012:role/irsa")
                                                && s.endsWith("pod-1"));
        assertThat(p.toString()).doesNotContain("oidc-token");
    }

    @Test
    void containerCredentialsSendTheTokenFileContentAndFollowItsRotation() throws Exception {
        Path token = tmp.resolve("eks-pod-identity-token");
        Files.writeString(token, "pod-identity-token-A");
        fake.containerTokenFile = token;
        fake.lifetime = Duration.ofSeconds(6);
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.uri("/container/creds").toString());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", token.toString());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN", "ignored-when-a-file-is-set");
        ContainerCredentialsProvider p = ContainerCredentialsProvider.fromEnvironment(env::get);
        Credentials first = p.credentials();
        assertThat(first.accessKeyId()).isEqualTo(fake.issuedKey);
        assertThat(first.sessionToken()).isEqualTo(fake.sessionToken(1));
        Files.writeString(token, "pod-identity-token-B");
        Await.until("a refresh with the rotated token", () -> fake.sessionToken(2).equals(p.credentials().sessionToken()));
        assertThat(fake.containerAuthorizations).containsExactly("pod-identity-token-A", "pod-identity-token-B");

        Files.writeString(token, "wrong\nheader-injection");
        fake.lifetime = Duration.ofSeconds(90);
        ContainerCredentialsProvider injected = ContainerCredentialsProvider.fromEnvironment(env::get);
        assertThatThrownBy(injected::credentials).hasMessageContaining("line break");
    }

    @Test
    void containerUriRules() {
        assertThat(uri(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/v2/credentials/abc")))
                .isEqualTo("http://169.254.170.2/v2/credentials/abc");
        assertThat(uri(Map.of("AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "/rel",
                "AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://127.0.0.1/full"))).as("relative wins")
                .isEqualTo("http://169.254.170.2/rel");
        assertThat(uri(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://169.254.170.23/v1/credentials")))
                .isEqualTo("http://169.254.170.23/v1/credentials");
        assertThat(uri(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://[fd00:ec2::23]/v1/credentials")))
                .isEqualTo("http://[fd00:ec2::23]/v1/credentials");
        assertThat(uri(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://localhost:8080/creds")))
                .isEqualTo("http://localhost:8080/creds");
        assertThat(uri(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "http://[::1]:8080/creds")))
                .isEqualTo("http://[::1]:8080/creds");
        assertThat(uri(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "https://creds.example.com/x")))
                .isEqualTo("https://creds.example.com/x");
        for (String refused : new String[] {"http://192.168.1.10/creds", "http://169.254.169.254/creds",
            "http://10.0.0.1:80/x", "ftp://127.0.0.1/x"}) {
            assertThatThrownBy(() -> ContainerCredentialsProvider.resolveUri(Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI",
                    refused)::get)).as(refused).hasMessageContaining("refused");
        }
        assertThatThrownBy(() -> ContainerCredentialsProvider.resolveUri(
                Map.of("AWS_CONTAINER_CREDENTIALS_FULL_URI", "/credentials")::get)).hasMessageContaining("has no host");
        assertThat(ContainerCredentialsProvider.resolveUri(Map.<String, String>of()::get)).isNull();
    }

    private static String uri(Map<String, String> env) {
        return ContainerCredentialsProvider.resolveUri(env::get).toString();
    }

    @Test
    void instanceMetadataUsesIMDSv2TokensAndRenewsAnExpiredOne() throws Exception {
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.uri("/").toString());
        fake.lifetime = Duration.ofSeconds(6);
        InstanceProfileCredentialsProvider p = InstanceProfileCredentialsProvider.fromEnvironment(env::get);
        Credentials c = p.credentials();
        assertThat(c.accessKeyId()).isEqualTo(fake.issuedKey);
        assertThat(fake.imdsCalls).containsExactly("PUT /latest/api/token",
                "GET /latest/meta-data/iam/security-credentials/",
                "GET /latest/meta-data/iam/security-credentials/s3lite-role");
        fake.expireImdsTokens(); // the session token's TTL ran out on the IMDS side
        Await.until("a refresh through a new IMDS token", () -> fake.sessionToken(2).equals(p.credentials().sessionToken()));
        assertThat(fake.imdsCalls).contains("PUT /latest/api/token").filteredOn(s -> s.startsWith("PUT")).hasSize(2);
        // without a token the fake answers 401, as IMDS does with IMDSv2 required
        CredentialsHttp.Response v1 = CredentialsHttp.send("GET",
                fake.uri("/latest/meta-data/iam/security-credentials/"), Map.of(), null);
        assertThat(v1.status()).isEqualTo(401);
        assertThat(InstanceProfileCredentialsProvider.fromEnvironment(Map.of("AWS_EC2_METADATA_DISABLED", "true")::get))
                .isNull();
    }

    @Test
    void theChainFollowsTheSdkOrder() throws Exception {
        Path token = tmp.resolve("token");
        Files.writeString(token, "oidc");
        fake.expectedWebToken = "oidc";
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        AwsCredentialsChain none = new AwsCredentialsChain(env::get, tmp);
        assertThatThrownBy(none::credentials).hasMessageContaining("No AWS credentials found")
                .hasMessageContaining("instance metadata disabled");

        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.uri("/container/creds").toString());
        assertThat(new AwsCredentialsChain(env::get, tmp).credentials().sessionToken()).isEqualTo(fake.sessionToken(1));
        assertThat(fake.containerAuthorizations).hasSize(1);

        env.put("AWS_ACCESS_KEY_ID", "AKIDENV");
        env.put("AWS_SECRET_ACCESS_KEY", "env-secret");
        assertThat(new AwsCredentialsChain(env::get, tmp).credentials().accessKeyId()).isEqualTo("AKIDENV");
        assertThat(fake.containerAuthorizations).as("static keys first").hasSize(1);
    }

}
