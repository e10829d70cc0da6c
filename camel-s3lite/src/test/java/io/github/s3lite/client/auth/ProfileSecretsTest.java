package io.github.s3lite.client.auth;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every secret of the profile files and their sources (secret keys, session tokens, external ids, the
 * credential_process output, web identity and container tokens) stays out of toString(), exception messages and
 * logs, through working and failing paths. (Old code: ProfileFiles.Snapshot did not exist; CredentialsHttp.Response
 * printed its body, the credentials.)
 */
class ProfileSecretsTest {
    static final String N = String.valueOf(System.nanoTime());
    static final String FILE_SECRET = "FILE-SECRET-" + N;
    static final String FILE_TOKEN = "FILE-TOKEN-" + N;
    static final String EXTERNAL_ID = "EXTERNAL-ID-" + N;
    static final String PROCESS_SECRET = "PROCESS-SECRET-" + N;
    static final String PROCESS_TOKEN = "PROCESS-TOKEN-" + N;
    static final String WEB_TOKEN = "WEB-TOKEN-" + N;
    static final String POD_TOKEN = "POD-TOKEN-" + N;
    static final List<String> SECRETS = List.of(FILE_SECRET, FILE_TOKEN, EXTERNAL_ID, PROCESS_SECRET, PROCESS_TOKEN,
            WEB_TOKEN, POD_TOKEN, "issued-secret-never-logged", "FAKE-SESSION-TOKEN-");

    @TempDir
    Path home;
    final FakeCredentialServer fake = new FakeCredentialServer();
    final Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true"));
    final List<String> logs = new CopyOnWriteArrayList<>();

    ProfileSecretsTest() throws Exception {
    }

    @AfterEach
    void close() {
        fake.close();
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void noSecretOfTheProfilesShowsAnywhere() throws Exception {
        fake.baseKeys.put("AKIDFILE", FILE_SECRET);
        fake.expectedWebToken = WEB_TOKEN;
        Files.writeString(home.resolve("web-token"), WEB_TOKEN);
        Files.writeString(home.resolve("pod-token"), POD_TOKEN);
        fake.containerTokenFile = home.resolve("pod-token");
        Path process = home.resolve("p.sh");
        Files.writeString(process, "#!/bin/sh\necho '{\"Version\": 1, \"AccessKeyId\": \"AKIDPROC\", \"SecretAccessKey\": \""
                                   + PROCESS_SECRET + "\", \"SessionToken\": \"" + PROCESS_TOKEN + "\"}'\n");
        Path failing = home.resolve("f.sh");
        Files.writeString(failing, "#!/bin/sh\necho '" + PROCESS_SECRET + "'\necho '" + PROCESS_TOKEN + "' >&2\nexit 1\n");
        for (Path p : List.of(process, failing)) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        }
        Files.createDirectories(home.resolve(".aws"));
        Files.writeString(home.resolve(".aws/credentials"), "[base]\naws_access_key_id = AKIDFILE\naws_secret_access_key = "
                                                           + FILE_SECRET + "\naws_session_token = " + FILE_TOKEN + "\n");
        Files.writeString(home.resolve(".aws/config"), String.join("\n",
                "[profile role]", "role_arn = arn:aws:iam::1:role/r", "source_profile = base", "external_id = " + EXTERNAL_ID,
                "[profile badrole]", "role_arn = arn:aws:iam::1:role/r", "source_profile = base", "external_id = " + EXTERNAL_ID,
                "duration_seconds = 5",
                "[profile proc]", "credential_process = " + process,
                "[profile failing]", "credential_process = " + failing,
                "[profile web]", "role_arn = arn:aws:iam::1:role/w", "web_identity_token_file = " + home.resolve("web-token"),
                "[profile ecs]", "role_arn = arn:aws:iam::1:role/e", "credential_source = EcsContainer",
                "external_id = " + EXTERNAL_ID,
                "[profile half]", "aws_access_key_id = AKIDHALF", "aws_session_token = " + FILE_TOKEN, ""));
        env.put("AWS_CONTAINER_CREDENTIALS_FULL_URI", fake.uri("/container/creds").toString());
        env.put("AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE", home.resolve("pod-token").toString());
        fake.baseKeys.put(fake.issuedKey, fake.issuedSecret);

        AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                logs.add(e.getFormattedMessage() + (e.getThrowableProxy() == null ? "" : " " + e.getThrowableProxy().getMessage()));
            }
        };
        appender.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
        List<String> seen = new ArrayList<>();
        try {
            ProfileFiles files = new ProfileFiles(env::get, home);
            seen.add(files.snapshot().toString());
            for (String name : List.of("role", "badrole", "proc", "failing", "web", "ecs", "half", "absent")) {
                ProfileCredentialsProvider p = new ProfileCredentialsProvider(files, name, env::get,
                        r -> new StsClient(fake.uri("/sts"), r), Duration.ofSeconds(20));
                try {
                    Credentials c = p.credentials();
                    seen.add(c.toString());
                    assertThat(c.secretAccessKey()).as(name + " delivered").isNotBlank();
                } catch (RuntimeException e) {
                    seen.add(e.toString());
                    for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
                        seen.add(t.toString());
                    }
                }
                seen.add(p.toString());
                try {
                    seen.add(String.valueOf(p.current()));
                } catch (RuntimeException e) {
                    seen.add(e.toString());
                }
                seen.add(p.whyNot());
            }
            env.put("AWS_PROFILE", "proc");
            AwsCredentialsChain chain = new AwsCredentialsChain(env::get, home);
            seen.add(chain.credentials().toString());
            seen.add(chain.toString());
            seen.add(new CredentialsHttp.Response(200, "{\"SecretAccessKey\": \"" + PROCESS_SECRET + "\"}").toString());
            seen.add(ProcessCredentialsProvider.parse("{\"Version\": 1, \"AccessKeyId\": \"A\", \"SecretAccessKey\": \""
                                                      + PROCESS_SECRET + "\", \"SessionToken\": \"" + PROCESS_TOKEN + "\"}", "x")
                             .toString());
        } finally {
            root.detachAppender(appender);
            root.setLevel(before);
        }
        assertThat(seen).as("what the test looked at").hasSizeGreaterThan(25);
        assertThat(fake.stsCalls).anyMatch(s -> s.contains(EXTERNAL_ID)); // the external id did reach STS
        for (String secret : SECRETS) {
            assertThat(seen).as(secret).noneMatch(s -> s.contains(secret));
            assertThat(logs).as(secret).noneMatch(s -> s.contains(secret));
        }
    }
}
