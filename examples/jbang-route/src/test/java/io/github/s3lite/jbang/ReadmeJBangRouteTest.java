package io.github.s3lite.jbang;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.github.s3lite.test.ReadmeMainRun;
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

    @Test
    void theReadmeRouteAndPropertiesRunUnderKameletMain(@TempDir Path dir) throws Exception {
        Path readme = Path.of("..", "..", "README.md");
        assertThat(Files.readString(readme, StandardCharsets.UTF_8))
                .contains("camel run routes/s3.yaml application.properties --dep=io.github.s3lite:camel-s3lite:");
        ReadmeMainRun run = ReadmeMainRun.prepare(readme, dir, "readme-jbang");
        KameletMain main = new KameletMain("camel.jbang");
        main.setDownload(false);
        run.configure(main, run.s3.endpoint());
        main.start();
        try {
            run.uploadAndConsume(main, 17);
        } finally {
            main.stop();
        }
    }
}
