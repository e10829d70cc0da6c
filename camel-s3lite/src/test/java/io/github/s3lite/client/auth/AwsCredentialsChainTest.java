package io.github.s3lite.client.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The chain's static steps: system properties, environment and the shared files' static keys (IMDS off). */
class AwsCredentialsChainTest {

    @TempDir
    Path home;

    final Map<String, String> env = new HashMap<>(Map.of("AWS_EC2_METADATA_DISABLED", "true"));
    final Map<String, String> props = new HashMap<>();

    AwsCredentialsChain chain() {
        return new AwsCredentialsChain(env::get, props::get, new ProfileFiles(env::get, home),
                r -> new StsClient(null, r));
    }

    void writeCredentials(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, String.join("\n",
                "# comment",
                "[default]",
                "aws_access_key_id = AKIDDEFAULT",
                "aws_secret_access_key = defaultSecret/+=",
                "",
                "; another comment",
                "[dev]",
                "aws_access_key_id=AKIDDEV",
                "aws_secret_access_key=devSecret",
                "aws_session_token = devToken",
                "[broken]",
                "aws_access_key_id=AKIDBROKEN",
                ""));
    }

    @Test
    void environmentFirst() throws IOException {
        writeCredentials(home.resolve(".aws/credentials"));
        env.put("AWS_ACCESS_KEY_ID", "AKIDENV");
        env.put("AWS_SECRET_ACCESS_KEY", "envSecret");
        env.put("AWS_SESSION_TOKEN", "envToken");
        Credentials c = chain().credentials();
        assertThat(c).isEqualTo(new Credentials("AKIDENV", "envSecret", "envToken"));
    }

    @Test
    void systemPropertiesComeBeforeTheEnvironment() {
        env.put("AWS_ACCESS_KEY_ID", "AKIDENV");
        env.put("AWS_SECRET_ACCESS_KEY", "envSecret");
        props.put("aws.accessKeyId", "AKIDPROP");
        props.put("aws.secretAccessKey", "propSecret");
        props.put("aws.sessionToken", "propToken");
        assertThat(chain().credentials()).isEqualTo(new Credentials("AKIDPROP", "propSecret", "propToken"));
    }

    @Test
    void environmentWithoutToken() {
        env.put("AWS_ACCESS_KEY_ID", "AKIDENV");
        env.put("AWS_SECRET_ACCESS_KEY", "envSecret");
        assertThat(chain().credentials().sessionToken()).isNull();
    }

    @Test
    void defaultProfileFromHomeFile() throws IOException {
        writeCredentials(home.resolve(".aws/credentials"));
        assertThat(chain().credentials()).isEqualTo(new Credentials("AKIDDEFAULT", "defaultSecret/+="));
    }

    @Test
    void profileSelectedByAwsProfile() throws IOException {
        writeCredentials(home.resolve(".aws/credentials"));
        env.put("AWS_PROFILE", "dev");
        assertThat(chain().credentials()).isEqualTo(new Credentials("AKIDDEV", "devSecret", "devToken"));
    }

    @Test
    void sharedCredentialsFileVariable() throws IOException {
        Path other = home.resolve("elsewhere/creds.ini");
        writeCredentials(other);
        env.put("AWS_SHARED_CREDENTIALS_FILE", other.toString());
        env.put("AWS_PROFILE", "dev");
        assertThat(chain().credentials().accessKeyId()).isEqualTo("AKIDDEV");
        env.put("AWS_SHARED_CREDENTIALS_FILE", "~/elsewhere/creds.ini");
        assertThat(chain().credentials().accessKeyId()).isEqualTo("AKIDDEV");
    }

    @Test
    void onlyOneEnvVariableFallsBackToFile() throws IOException {
        writeCredentials(home.resolve(".aws/credentials"));
        env.put("AWS_ACCESS_KEY_ID", "AKIDENV");
        assertThat(chain().credentials().accessKeyId()).isEqualTo("AKIDDEFAULT");
    }

    @Test
    void nothingFoundGivesClearMessage() {
        assertThatThrownBy(() -> chain().credentials()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("AWS_ACCESS_KEY_ID").hasMessageContaining("AWS_SECRET_ACCESS_KEY")
                .hasMessageContaining("credentials").hasMessageContaining("does not exist");
    }

    @Test
    void missingProfileGivesClearMessage() throws IOException {
        writeCredentials(home.resolve(".aws/credentials"));
        env.put("AWS_PROFILE", "prod");
        assertThatThrownBy(() -> chain().credentials()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[prod]").hasMessageContaining("not found")
                .hasMessageNotContaining("defaultSecret").hasMessageNotContaining("devSecret");
    }

    @Test
    void incompleteProfileGivesClearMessage() throws IOException {
        writeCredentials(home.resolve(".aws/credentials"));
        env.put("AWS_PROFILE", "broken");
        assertThatThrownBy(() -> chain().credentials()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[broken]").hasMessageContaining("aws_secret_access_key");
    }

    @Test
    void partialEnvironmentIsMentioned() {
        env.put("AWS_SECRET_ACCESS_KEY", "envSecret");
        assertThatThrownBy(() -> chain().credentials()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only AWS_SECRET_ACCESS_KEY").hasMessageNotContaining("envSecret");
    }

    @Test
    void noHome() {
        assertThatThrownBy(() -> new AwsCredentialsChain(env::get, null).credentials())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("AWS_SHARED_CREDENTIALS_FILE");
    }

    @Test
    void theFileIsParsedOncePerChangeAndRotationIsSeen() throws IOException {
        Path file = home.resolve(".aws/credentials");
        writeCredentials(file);
        AwsCredentialsChain c = chain();
        for (int i = 0; i < 1000; i++) {
            assertThat(c.credentials().accessKeyId()).isEqualTo("AKIDDEFAULT");
        }
        assertThat(c.files().fileReads()).isEqualTo(1);
        Files.writeString(file, "[default]\naws_access_key_id=AKIDROTATED\naws_secret_access_key=rotated\n");
        Files.setLastModifiedTime(file, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertThat(c.credentials().accessKeyId()).isEqualTo("AKIDROTATED");
        assertThat(c.files().fileReads()).isEqualTo(2);
    }
}
