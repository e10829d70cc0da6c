package io.github.s3lite.test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.repository.JournalIdempotentRepository;
import org.apache.camel.main.MainCommandLineSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Camel Main and YAML DSL" files (its application.properties and YAML route file, read from
 * README.md) run by a Camel Main: {@code Main} ({@code ReadmeCamelMainTest}) or {@code KameletMain}, what
 * {@code camel run} starts ({@code ReadmeJBangRouteTest}). Only the endpoint, the credentials and the paths are
 * overridden to point at the embedded S3 server (or a proxy in front of it) and temporary directories.
 */
public final class ReadmeMainRun {

    /** The section both tests run. */
    public static final String SECTION = "Camel Main and YAML DSL";

    public final Path dir;
    public final String properties;
    public final EmbeddedS3 s3 = EmbeddedS3.get();
    public final String bucket;
    public final Path inbox;
    public final Path outbox;
    public final Path journal;

    private ReadmeMainRun(Path dir, String properties, String bucket) throws Exception {
        this.dir = dir;
        this.properties = properties;
        this.bucket = bucket;
        this.outbox = Files.createDirectories(dir.resolve("outbox"));
        this.inbox = Files.createDirectories(dir.resolve("inbox"));
        this.journal = dir.resolve("checkpoints.journal");
    }

    /** The first {@code lang} block after the heading {@code ## section} (or {@code ### section}). */
    public static String block(String readme, String section, String lang) {
        int start = readme.indexOf("\n## " + section + "\n");
        if (start < 0) {
            start = readme.indexOf("\n### " + section + "\n");
        }
        assertThat(start).as(section).isNotNegative();
        int open = readme.indexOf("```" + lang + "\n", start) + lang.length() + 4;
        return readme.substring(open, readme.indexOf("```", open));
    }

    /** Writes the section's application.properties and routes/s3.yaml from {@code readme} into {@code dir}. */
    public static ReadmeMainRun prepare(Path readme, Path dir, String bucketPrefix) throws Exception {
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        String properties = block(text, SECTION, "properties");
        Files.writeString(dir.resolve("application.properties"), properties);
        Files.createDirectories(dir.resolve("routes"));
        Files.writeString(dir.resolve("routes/s3.yaml"), block(text, SECTION, "yaml"));
        return new ReadmeMainRun(dir, properties, EmbeddedS3.get().newBucket(bucketPrefix));
    }

    /** Reads the files and overrides the endpoint (the S3 server, or a proxy to it), credentials and paths. */
    public void configure(MainCommandLineSupport main, URI endpoint) {
        main.setPropertyPlaceholderLocations("file:" + dir.resolve("application.properties"));
        main.addOverrideProperty("camel.component.s3lite.endpoint", endpoint.toString());
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
    }

    /**
     * With {@code main} started: the options bound as the properties say, then a 20 MiB file (above the 16 MiB part
     * size: a multipart upload with journal checkpoints) dropped in the outbox is uploaded, consumed into the inbox
     * and moved to done/ in the bucket; the bytes are compared by SHA-256 and the metadata is evaluated (Simple).
     */
    public void uploadAndConsume(MainCommandLineSupport main, long seed) throws Exception {
        byte[] data = new byte[20 << 20];
        new Random(seed).nextBytes(data);
        try (S3LiteClient client = s3.newClient()) {
            S3LiteComponent component = main.getCamelContext().getComponent("s3lite", S3LiteComponent.class);
            assertThat(component.getConfiguration().getPartSize()).isEqualTo(16L << 20);
            assertThat(component.getConfiguration().getSocketTimeout()).isEqualTo(30_000);
            assertThat(component.getConfiguration().getCheckpointRepository()).isInstanceOf(JournalIdempotentRepository.class);
            assertThat(main.getCamelContext().getRegistry().lookupByName("seen")).isInstanceOf(JournalIdempotentRepository.class);

            Path tmp = dir.resolve("report.bin.tmp");
            Files.write(tmp, data);
            Files.move(tmp, outbox.resolve("report.bin"));

            // consumed and moved to done/in/report.bin, written to the inbox as in/report.bin
            Path received = inbox.resolve("in/report.bin");
            ObjectInfo[] moved = {null};
            Await.until("in/report.bin received and the object moved to done/in/report.bin", Duration.ofMinutes(2), () -> {
                if (Files.exists(received) && Files.size(received) == data.length) {
                    moved[0] = client.headObject(bucket, "done/in/report.bin", null); // not found: not yet
                }
                return moved[0] != null;
            });
            assertThat(TestFiles.sha256(Files.readAllBytes(received))).isEqualTo(TestFiles.sha256(data));
            // metadata.source: ${file:name} is evaluated (Simple), not stored literally
            assertThat(moved[0].userMetadata()).containsEntry("source", "report.bin");
            assertThat(Files.exists(journal)).isTrue();
        }
    }
}
