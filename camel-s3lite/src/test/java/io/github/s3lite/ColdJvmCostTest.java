package io.github.s3lite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The main classes are compiled with {@code -XDstringConcat=inline} (camel-s3lite/pom.xml): string concatenation as
 * {@code StringBuilder} calls, not {@code invokedynamic}. Each indy concatenation site spins method-handle classes the
 * first time it runs, and in a fresh JVM that happens inside the first transfers (with the JDK's bytecode generator
 * then compiled by C2): issue 15 point 4 measured it as a large part of a first ranged download's client CPU. A
 * build that loses the compiler argument fails here with the classes that use indy concatenation.
 */
class ColdJvmCostTest {

    private static final Path CLASSES = Path.of("target/classes/io/github/s3lite");
    private static final byte[] INDY_CONCAT = "java/lang/invoke/StringConcatFactory".getBytes(StandardCharsets.US_ASCII);

    @Test
    void noMainClassConcatenatesStringsWithInvokedynamic() throws IOException {
        List<Path> classes;
        try (Stream<Path> s = Files.walk(CLASSES)) {
            classes = s.filter(p -> p.toString().endsWith(".class")).toList();
        }
        assertThat(classes).as("compiled main classes under %s", CLASSES).hasSizeGreaterThan(50);
        List<String> indy = classes.stream().filter(ColdJvmCostTest::usesIndyConcat)
                .map(p -> CLASSES.relativize(p).toString()).sorted().toList();
        assertThat(indy).as("classes compiled without -XDstringConcat=inline").isEmpty();
    }

    private static boolean usesIndyConcat(Path classFile) {
        try {
            byte[] b = Files.readAllBytes(classFile);
            outer:
            for (int i = 0; i <= b.length - INDY_CONCAT.length; i++) {
                for (int j = 0; j < INDY_CONCAT.length; j++) {
                    if (b[i + j] != INDY_CONCAT[j]) {
                        continue outer;
                    }
                }
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
