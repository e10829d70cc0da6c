package io.github.s3lite.test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3LiteClient;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's "Checkpoints in Camel's FileIdempotentRepository" subsection: its fenced blocks, and the check
 * a test of its Java DSL block makes.
 */
public final class ReadmeCheckpointStore {

    public static final String HEADING = "\n### Checkpoints in Camel's `FileIdempotentRepository`\n";
    /** The file the README's snippets name; the tests replace it by a temporary one. */
    public static final String README_PATH = "/var/lib/app/checkpoints.dat";

    private ReadmeCheckpointStore() {
    }

    /** The fenced blocks of language {@code lang} in the subsection, in order, read from README.md (at {@code ../}). */
    public static List<String> blocks(String lang) throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        int start = readme.indexOf(HEADING);
        assertThat(start).as(HEADING).isNotNegative();
        int end = readme.indexOf("\n## ", start + HEADING.length()); // the next heading (### or ##)
        int sub = readme.indexOf("\n### ", start + HEADING.length());
        end = sub >= 0 && (end < 0 || sub < end) ? sub : end;
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        List<String> blocks = new ArrayList<>();
        String fence = "```" + lang + "\n";
        for (int i = section.indexOf(fence); i >= 0; i = section.indexOf(fence, i)) {
            int close = section.indexOf("```", i + fence.length());
            blocks.add(section.substring(i + fence.length(), close));
            i = close + 3;
        }
        return blocks;
    }

    /** The lines of {@code source} between {@code // README <name>:begin} and {@code :end}, whitespace collapsed. */
    public static String region(Path source, String name) throws IOException {
        String text = Files.readString(source, StandardCharsets.UTF_8);
        int begin = text.indexOf("// README " + name + ":begin");
        int end = text.indexOf("// README " + name + ":end");
        assertThat(begin).as(name + " region in " + source).isNotNegative();
        return normalized(text.substring(text.indexOf('\n', begin) + 1, end));
    }

    /** Hands the file to the route under test. */
    public interface Send {
        void file(Path file) throws Exception;
    }

    /** Moves the file into the outbox a {@code file:} route watches. */
    public static Send into(Path outbox) {
        return f -> Files.move(f, outbox.resolve(f.getFileName()));
    }

    public static String normalized(String code) {
        return code.replaceAll("\\s+", " ").trim();
    }

    /**
     * The repository is Camel's FileIdempotentRepository on {@code store} with the README's limits (its cacheSize is
     * readable only when set as a bean property, {@code cacheSizeProperty}); a 17 MiB file {@code report.bin} handed
     * to {@code send} (a route to {@code s3lite:bucket} with it as checkpointRepository) is stored in 3 parts, SHA-256 equal, and the upload's {@code s3lite:done:} key is in the file.
     */
    public static void uploadWritesItsCheckpoint(IdempotentRepository repository, boolean cacheSizeProperty, S3Store s3,
            String bucket, Send send, Path store, Path scratch) throws Exception {
        assertThat(repository).isInstanceOf(FileIdempotentRepository.class);
        FileIdempotentRepository file = (FileIdempotentRepository) repository;
        assertThat(file.getFileStore()).isEqualTo(store.toFile());
        if (cacheSizeProperty) { // set by the factory method, the cache's size is not kept in the property
            assertThat(file.getMaxCacheSize()).as("cacheSize").isEqualTo(1_000_000);
        }
        assertThat(file.getMaxFileStoreSize()).isEqualTo(256L * 1024 * 1024);

        TestFiles.RandomFile data = TestFiles.random(scratch, "report.bin", 17L << 20, 16);
        send.file(data.path());
        try (S3LiteClient client = s3.newClient()) {
            ObjectInfo[] stored = {null};
            Await.until("report.bin uploaded and its done checkpoint in " + store, Duration.ofMinutes(2), () -> {
                stored[0] = client.headObject(bucket, "report.bin", null);
                return stored[0] != null && Files.exists(store)
                        && Files.readAllLines(store).stream().anyMatch(l -> l.startsWith("s3lite:done:"));
            });
            assertThat(stored[0].eTag()).as("multipart ETag of 3 parts").matches("\"?[0-9a-f]+-3\"?");
            try (GetObjectResponse got = client.getObject(bucket, "report.bin", null); InputStream in = got.body()) {
                assertThat(TestFiles.sha256(in)).isEqualTo(data.sha256());
            }
        }
    }
}
