package io.github.s3lite.client.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import io.github.s3lite.test.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The rules of the shared config and credentials files ({@link ProfileFiles}, {@link ProfileCredentialsProvider}):
 * sections of both files, assumed roles by source_profile (chained, cycles) and credential_source against the fake
 * STS (which checks every AssumeRole signature), web identity, credential_process.
 */
class ProfileCredentialsTest {
    static final String BASE_KEY = "AKIDPROFILEBASE";
    static final String BASE_SECRET = "profile-base-secret-never-logged";

    @TempDir
    Path home;
    final FakeCredentialServer fake = new FakeCredentialServer();
    final Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true"));

    ProfileCredentialsTest() throws Exception {
        fake.baseKeys.put(BASE_KEY, BASE_SECRET);
    }

    @AfterEach
    void close() {
        fake.close();
    }

    private void config(String... lines) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/config"), String.join("\n", lines) + "\n");
    }

    private void credentials(String... lines) throws Exception {
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), String.join("\n", lines) + "\n");
    }

    private ProfileCredentialsProvider profile(String name) {
        return new ProfileCredentialsProvider(new ProfileFiles(env::get, home), name, env::get,
                region -> new StsClient(fake.uri("/sts"), region), Duration.ofSeconds(20));
    }

    @Test
    void sectionsOfBothFilesFollowTheCliRules() throws Exception {
        config("[default]", "region = eu-central-1",
                "[profile dev]", "region = eu-west-1", "aws_access_key_id = AKIDFROMCONFIG", "s3 =",
                "  max_concurrent_requests = 20",
                "[ignored]", "aws_access_key_id = AKIDIGNORED", "aws_secret_access_key = x");
        credentials("[dev]", "aws_access_key_id = AKIDDEV", "aws_secret_access_key = devSecret",
                "[profile ignored2]", "aws_access_key_id = AKIDIGNORED2", "aws_secret_access_key = y");
        ProfileFiles files = new ProfileFiles(env::get, home);
        ProfileFiles.Snapshot s = files.snapshot();
        assertThat(s.profiles().keySet()).containsExactlyInAnyOrder("default", "dev");
        assertThat(s.profile("dev")).containsEntry("region", "eu-west-1")
                .containsEntry("aws_access_key_id", "AKIDDEV") // the credentials file wins key by key
                .containsEntry("s3.max_concurrent_requests", "20");
        assertThat(profile("dev").credentials()).isEqualTo(new Credentials("AKIDDEV", "devSecret"));
        assertThat(ProfileCredentialsProvider.region(files, "dev")).isEqualTo("eu-west-1");
        assertThat(ProfileCredentialsProvider.region(files, null)).isEqualTo("eu-central-1");
        env.put("AWS_PROFILE", "dev");
        assertThat(ProfileCredentialsProvider.region(files, null)).isEqualTo("eu-west-1");

        Path elsewhere = home.resolve("elsewhere.ini");
        Files.writeString(elsewhere, "[profile other]\nregion = ap-south-1\n");
        env.put("AWS_CONFIG_FILE", elsewhere.toString());
        assertThat(ProfileCredentialsProvider.region(new ProfileFiles(env::get, home), "other")).isEqualTo("ap-south-1");
        Map<String, String> props = Map.of("aws.configFile", home.resolve(".aws/config").toString(), "aws.profile", "default");
        ProfileFiles byProperty = new ProfileFiles(env::get, props::get, home);
        assertThat(byProperty.defaultProfileName()).isEqualTo("default");
        assertThat(ProfileCredentialsProvider.region(byProperty, null)).as("system properties first").isEqualTo("eu-central-1");
    }

    @Test
    void awsRegionComesBeforeTheProfilesRegionAsInTheSdks() throws Exception {
        config("[default]", "region = eu-central-1", "[profile dev]", "region = eu-west-1");
        Map<String, String> env = new HashMap<>();
        ProfileFiles files = new ProfileFiles(env::get, home);
        assertThat(ProfileCredentialsProvider.defaultRegion(files, "dev")).isEqualTo("eu-west-1");
        env.put("AWS_REGION", "ap-northeast-1"); // what EKS with IRSA, ECS and Lambda set
        assertThat(ProfileCredentialsProvider.defaultRegion(files, "dev")).isEqualTo("ap-northeast-1");
        assertThat(ProfileCredentialsProvider.defaultRegion(files, null)).isEqualTo("ap-northeast-1");
        Map<String, String> props = Map.of("aws.region", "sa-east-1");
        assertThat(ProfileCredentialsProvider.defaultRegion(new ProfileFiles(env::get, props::get, home), "dev"))
                .as("the system property first").isEqualTo("sa-east-1");
        env.clear();
        assertThat(ProfileCredentialsProvider.defaultRegion(new ProfileFiles(env::get, Path.of("/nonexistent")), null))
                .as("nothing set anywhere").isNull();
    }

    @Test
    void roleBySourceProfileIsAssumedWithItsOptions() throws Exception {
        fake.stsRegion = "eu-west-1";
        config("[profile uploader]", "role_arn = arn:aws:iam::123456789012:role/uploader", "source_profile = base",
                "external_id = EXT-profile-42", "role_session_name = camel-profile", "duration_seconds = 1200",
                "region = eu-west-1");
        credentials("[base]", "aws_access_key_id = " + BASE_KEY, "aws_secret_access_key = " + BASE_SECRET);
        ProfileCredentialsProvider p = profile("uploader");
        Credentials c = p.credentials();
        assertThat(c).isEqualTo(new Credentials(fake.issuedKey, fake.issuedSecret, fake.sessionToken(1)));
        assertThat(fake.stsCalls).containsExactly(
                "AssumeRole arn:aws:iam::123456789012:role/uploader 1200 EXT-profile-42 camel-profile");
        assertThat(p.credentials()).isSameAs(c); // cached until the prefetch window
        assertThat(p.expiration()).isAfter(Instant.now());
        assertThat(p.toString()).doesNotContain("EXT-profile").doesNotContain(BASE_SECRET);
    }

    @Test
    void chainedRolesAreAssumedInTurnAndCyclesAreNamed() throws Exception {
        fake.baseKeys.put(fake.issuedKey, fake.issuedSecret); // the first role's keys sign the second AssumeRole
        config("[profile second]", "role_arn = arn:aws:iam::2:role/second", "source_profile = first",
                "[profile first]", "role_arn = arn:aws:iam::1:role/first", "source_profile = base",
                "[profile self]", "role_arn = arn:aws:iam::3:role/self", "source_profile = self",
                "aws_access_key_id = " + BASE_KEY, "aws_secret_access_key = " + BASE_SECRET,
                "[profile a]", "role_arn = arn:aws:iam::1:role/a", "source_profile = b",
                "[profile b]", "role_arn = arn:aws:iam::1:role/b", "source_profile = a");
        credentials("[base]", "aws_access_key_id = " + BASE_KEY, "aws_secret_access_key = " + BASE_SECRET);
        assertThat(profile("second").credentials().sessionToken()).isEqualTo(fake.sessionToken(2));
        assertThat(fake.stsCalls).hasSize(2).first().asString().startsWith("AssumeRole arn:aws:iam::1:role/first");
        assertThat(fake.stsCalls.get(1)).startsWith("AssumeRole arn:aws:iam::2:role/second");
        assertThat(profile("self").credentials().sessionToken()).as("a profile naming itself uses its own keys")
                .isEqualTo(fake.sessionToken(3));
        assertThatThrownBy(() -> profile("a").credentials()).hasMessageContaining("AWS profile cycle: a -> b -> a")
                .hasMessageContaining("source_profile");
    }

    @Test
    void credentialSourcesAndWebIdentity() throws Exception {
        Path token = home.resolve("oidc-token");
        Files.writeString(token, "oidc-profile-token");
        fake.expectedWebToken = "oidc-profile-token";
        Path containerToken = home.resolve("pod-token");
        Files.writeString(containerToken, "pod-token-1");
        fake.containerTokenFile = containerToken;
        config("[profile env]", "role_arn = arn:aws:iam::1:role/env", "credential_source = Environment",
                "[profile ecs]", "role_arn = arn:aws:iam::1:role/ecs", "credential_source = EcsContainer",
                "[profile ec2]", "role_arn = arn:aws:iam::1:role/ec2", "credential_source = Ec2InstanceMetadata",
                "[profile web]", "role_arn = arn:aws:iam::1:role/web", "web_identity_token_file = " + token,
                "role_session_name = web-session",
                "[profile wrong]", "role_arn = arn:aws:iam::1:role/wrong", "credential_source = Lambda",
                "[profile both]", "role_arn = arn:aws:iam::1:role/both", "credential_source = Environment",
                "source_profile = env",
                "[profile nosource]", "role_arn = arn:aws:iam::1:role/none");
        env.put("AWS_ACCESS_KEY_ID", BASE_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", BASE_SECRET);
        assertThat(profile("env").credentials().accessKeyId()).isEqualTo(fake.issuedKey);

        // the container's and instance's keys must be ones STS accepts for AssumeRole
        fake.baseKeys.put(fake.issuedKey, fake.issuedSecret);
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.uri("/container/creds").toString());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", containerToken.toString());
        assertThat(profile("ecs").credentials().accessKeyId()).isEqualTo(fake.issuedKey);
        assertThat(fake.containerAuthorizations).containsExactly("pod-token-1");

        env.remove("AWS_EC2_METADATA_DISABLED");
        env.put("AWS_EC2_METADATA_SERVICE_ENDPOINT", fake.uri("/").toString());
        assertThat(profile("ec2").credentials().accessKeyId()).isEqualTo(fake.issuedKey);
        assertThat(fake.imdsCalls).contains("PUT /latest/api/token");

        assertThat(profile("web").credentials().accessKeyId()).isEqualTo(fake.issuedKey);
        assertThat(fake.stsCalls).extracting(s -> s.split(" ")[0] + " " + s.split(" ")[1]).containsExactly(
                "AssumeRole arn:aws:iam::1:role/env", "AssumeRole arn:aws:iam::1:role/ecs",
                "AssumeRole arn:aws:iam::1:role/ec2", "AssumeRoleWithWebIdentity arn:aws:iam::1:role/web");
        assertThat(fake.stsCalls.get(3)).endsWith("web-session");

        assertThatThrownBy(() -> profile("wrong").credentials()).hasMessageContaining("credential_source = Lambda")
                .hasMessageContaining("Ec2InstanceMetadata");
        assertThatThrownBy(() -> profile("both").credentials()).hasMessageContaining("both source_profile and credential_source");
        assertThatThrownBy(() -> profile("nosource").credentials()).hasMessageContaining("[nosource]")
                .hasMessageContaining("neither source_profile");
        assertThatThrownBy(() -> profile("missing").credentials()).hasMessageContaining("profile [missing] not found")
                .hasMessageContaining("env, ecs, ec2");
    }

    @Test
    void invalidDurationIsNamed() throws Exception {
        config("[profile d]", "role_arn = arn:aws:iam::1:role/d", "credential_source = Environment",
                "duration_seconds = 1h", "[profile short]", "role_arn = arn:aws:iam::1:role/d",
                "credential_source = Environment", "duration_seconds = 60");
        assertThatThrownBy(() -> profile("d").credentials()).hasMessageContaining("duration_seconds = 1h")
                .hasMessageContaining("900 to 43200");
        assertThatThrownBy(() -> profile("short").credentials()).hasMessageContaining("15 minutes");
    }

    private Path script(String name, String body) throws Exception {
        Path f = home.resolve(name);
        Files.writeString(f, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwx------"));
        return f;
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void credentialProcessIsRunAgainBeforeItsCredentialsExpire() throws Exception {
        Path count = home.resolve("runs");
        // each run: one more line in "runs"; credentials valid 6 s, refreshed from 3 s before they end
        Path p = script("creds.sh", "echo run >> '" + count + "'\n"
                                    + "n=$(wc -l < '" + count + "' | tr -d ' ')\n"
                                    + "exp=$(date -u -d '+6 seconds' +%Y-%m-%dT%H:%M:%SZ 2>/dev/null || date -u -v+6S +%Y-%m-%dT%H:%M:%SZ)\n"
                                    + "printf '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROCESS\", \"SecretAccessKey\": "
                                    + "\"process-secret-never-logged\", \"SessionToken\": \"process-token-%s\", "
                                    + "\"Expiration\": \"%s\"}' \"$n\" \"$exp\"");
        config("[profile proc]", "credential_process = " + p + " --flag 'with space'");
        ProfileCredentialsProvider provider = profile("proc");
        Credentials first = provider.credentials();
        assertThat(first).isEqualTo(new Credentials("AKIDPROCESS", "process-secret-never-logged", "process-token-1"));
        assertThat(provider.expiration()).isAfter(Instant.now());
        assertThat(provider.credentials()).isSameAs(first);
        Await.until("a second run of the process", () -> "process-token-2".equals(provider.credentials().sessionToken()));
        assertThat(provider.toString()).doesNotContain("process-secret").doesNotContain("process-token");
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void credentialProcessFailuresNeverShowItsOutput() throws Exception {
        String secret = "LEAKED-SECRET-" + System.nanoTime();
        Path failing = script("fail.sh", "echo '{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \"" + secret
                                         + "\"}'\nexit 3");
        Path noVersion = script("nover.sh", "echo '{\"AccessKeyId\": \"A\", \"SecretAccessKey\": \"" + secret + "\"}'");
        Path garbage = script("garbage.sh", "echo 'not json " + secret + "'");
        Path slow = script("slow.sh", "sleep 30");
        config("[profile fail]", "credential_process = " + failing, "[profile nover]", "credential_process = " + noVersion,
                "[profile garbage]", "credential_process = " + garbage, "[profile slow]", "credential_process = " + slow);
        assertThatThrownBy(() -> profile("fail").credentials()).hasMessageContaining("[fail]")
                .hasMessageContaining("exited with status 3").hasMessageNotContaining(secret);
        assertThatThrownBy(() -> profile("nover").credentials()).hasMessageContaining("Version")
                .hasMessageNotContaining(secret);
        assertThatThrownBy(() -> profile("garbage").credentials()).hasMessageContaining("not a JSON object")
                .hasMessageNotContaining(secret);
        ProfileCredentialsProvider slowOne = new ProfileCredentialsProvider(new ProfileFiles(env::get, home), "slow",
                env::get, r -> new StsClient(fake.uri("/sts"), r), Duration.ofMillis(500));
        long start = System.nanoTime();
        assertThatThrownBy(slowOne::credentials).hasMessageContaining("did not finish within PT0.5S and was killed");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
    }
}
