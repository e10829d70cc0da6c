package io.github.s3lite.jbang;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.repository.JournalIdempotentRepository;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.TestFiles;
import org.apache.camel.main.KameletMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's Camel JBang command ({@code camel run routes/s3.yaml application.properties --dep=...}) as far as it
 * can run here: the same YAML route file and application.properties, read from README.md, run by
 * {@link KameletMain}, which is what camel-jbang's {@code Run} command starts. camel-s3lite is on the classpath
 * instead of resolved by {@code --dep} (downloads are off: nothing is fetched at run time), and only the endpoint,
 * the credentials and the paths are overridden to point at the embedded S3 server and temporary directories.
 */
class ReadmeJBangRouteTest {

    static String block(String readme, String section, String lang) {
        int start = readme.indexOf("\n## " + section + "\n");
        assertThat(start).as(section).isNotNegative();
        int open = readme.indexOf("```" + lang + "\n", start) + lang.length() + 4;
        return readme.substring(open, readme.indexOf("```", open));
    }

    @Test
    void theReadmeRouteAndPropertiesRunUnderKameletMain(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "..", "README.md"), StandardCharsets.UTF_8);
        String properties = block(readme, "Camel Main and YAML DSL", "properties");
        String yaml = block(readme, "Camel Main and YAML DSL", "yaml");
        assertThat(readme).contains("camel run routes/s3.yaml application.properties --dep=io.github.s3lite:camel-s3lite:");
        Files.writeString(dir.resolve("application.properties"), properties);
        Files.createDirectories(dir.resolve("routes"));
        Files.writeString(dir.resolve("routes/s3.yaml"), yaml);

        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("readme-jbang");
        Path outbox = Files.createDirectories(dir.resolve("outbox"));
        Path inbox = Files.createDirectories(dir.resolve("inbox"));
        Path journal = dir.resolve("checkpoints.journal");

        KameletMain main = new KameletMain("camel.jbang");
        main.setDownload(false);
        main.setPropertyPlaceholderLocations("file:" + dir.resolve("application.properties"));
        main.addOverrideProperty("camel.component.s3lite.endpoint", s3.endpoint().toString());
        main.addOverrideProperty("camel.component.s3lite.access-key", EmbeddedS3.ACCESS_KEY);
        main.addOverrideProperty("camel.component.s3lite.secret-key", EmbeddedS3.SECRET_KEY);
        main.addOverrideProperty("camel.beans.checkpoints", properties.lines()
                .filter(l -> l.startsWith("camel.beans.checkpoints")).findFirst().orElseThrow()
                .replaceFirst("^[^=]*=\\s*", "").replace("/var/lib/app/checkpoints.journal", journal.toString()));
        main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + dir.resolve("routes/s3.yaml"));
        main.addOverrideProperty("app.data", dir.toString());
        main.addOverrideProperty("app.outbox", outbox.toString());
        main.addOverrideProperty("app.inbox", inbox.toString());
        main.addOverrideProperty("app.bucket", bucket);

        byte[] data = new byte[20 << 20]; // above the 16 MiB part size: a multipart upload with journal checkpoints
        new Random(17).nextBytes(data);
        main.start();
        try (S3LiteClient client = s3.newClient()) {
            S3LiteComponent component = main.getCamelContext().getComponent("s3lite", S3LiteComponent.class);
            assertThat(component.getConfiguration().getPartSize()).isEqualTo(16L << 20);
            assertThat(component.getConfiguration().getCheckpointRepository()).isInstanceOf(JournalIdempotentRepository.class);
            assertThat(main.getCamelContext().getRegistry().lookupByName("seen")).isInstanceOf(JournalIdempotentRepository.class);

            Path tmp = dir.resolve("report.bin.tmp");
            Files.write(tmp, data);
            Files.move(tmp, outbox.resolve("report.bin"));

            Path received = inbox.resolve("in/report.bin");
            ObjectInfo[] moved = {null};
            Await.until("in/report.bin received and the object moved to done/in/report.bin", Duration.ofMinutes(2), () -> {
                if (Files.exists(received) && Files.size(received) == data.length) {
                    moved[0] = client.headObject(bucket, "done/in/report.bin", null);
                }
                return moved[0] != null;
            });
            assertThat(TestFiles.sha256(Files.readAllBytes(received))).isEqualTo(TestFiles.sha256(data));
            assertThat(moved[0].userMetadata()).containsEntry("source", "report.bin");
            assertThat(Files.exists(journal)).isTrue();
        } finally {
            main.stop();
        }
    }
}
