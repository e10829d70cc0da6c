package io.github.s3lite.component;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 3: the README's quick start is two commands a newcomer can paste, the first installs what the
 * dependency snippet needs and runs the example in its self-stopping form, and .ci/run runs exactly the second.
 * (That the example stops by itself after the samples is what UploadExampleApplicationTest runs.)
 */
class ReadmeQuickStartTest {

    private static final Path ROOT = Path.of("..");

    static List<String> commands(String markdown, String section) {
        int start = markdown.indexOf("\n## " + section + "\n");
        assertThat(start).as("section " + section).isNotNegative();
        int open = markdown.indexOf("```bash\n", start);
        int close = markdown.indexOf("```", open + 7);
        return markdown.substring(open + 8, close).lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    @Test
    void twoCommandsAndCiRunsTheSecond() throws IOException {
        List<String> commands = commands(Files.readString(ROOT.resolve("README.md")), "Quick start");
        assertThat(commands).hasSize(2);
        assertThat(commands.get(0)).startsWith("mvn ").contains(" install").contains("-Drun")
                .contains("-pl examples/spring-boot-upload -am").doesNotContain("exit-after-uploads=0");
        List<String> ci = Files.readAllLines(ROOT.resolve(".ci/run")).stream().map(String::strip)
                .filter(l -> l.startsWith("mvn ") && !l.equals("mvn -v")).toList();
        assertThat(ci).containsExactly(commands.get(1));
        // the self-stopping form is the default of the run profile
        String pom = Files.readString(ROOT.resolve("examples/spring-boot-upload/pom.xml"));
        assertThat(pom).contains("<example.exit-after-uploads>2</example.exit-after-uploads>")
                .contains("--example.exit-after-uploads=${example.exit-after-uploads}");
    }
}
