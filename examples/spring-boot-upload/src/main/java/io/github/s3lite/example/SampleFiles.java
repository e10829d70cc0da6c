package io.github.s3lite.example;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Random;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.stereotype.Component;

/**
 * On first start (no marker file yet), and on every start with {@code example.exit-after-uploads}, drops a 12 MiB CSV into the Java route's inbox (3 parts of 5 MiB: progress
 * lines show) and a small JSON file into the YAML route's inbox. Files are written under a hidden name and renamed,
 * so the file consumer never sees half a file. Off with {@code example.sample-files=false}.
 */
@Component
public class SampleFiles implements CommandLineRunner {

    private static final Logger LOG = LoggerFactory.getLogger(SampleFiles.class);
    static final String CSV_NAME = "sample-orders.csv";
    static final String JSON_NAME = "sample-order.json";

    private final boolean enabled;
    private final boolean again;
    private final Path baseDir;
    private final Path inbox;
    private final Path inboxYaml;
    private final long csvSize;

    public SampleFiles(@Value("${example.sample-files:true}") boolean enabled, @Value("${example.base-dir}") Path baseDir,
                       @Value("${example.inbox}") Path inbox, @Value("${example.inbox-yaml}") Path inboxYaml,
                       @Value("${example.sample-size:12MB}") org.springframework.util.unit.DataSize csvSize,
                       @Value("${example.exit-after-uploads:0}") int exitAfterUploads) {
        this.enabled = enabled;
        // a run that stops after the samples drops them on every start, so it can be repeated
        this.again = exitAfterUploads > 0;
        this.baseDir = baseDir;
        this.inbox = inbox;
        this.inboxYaml = inboxYaml;
        this.csvSize = csvSize.toBytes();
    }

    @Override
    public void run(String... args) throws IOException {
        Path marker = baseDir.resolve(".samples-dropped");
        if (!enabled || Files.exists(marker) && !again) {
            return;
        }
        Files.createDirectories(inbox);
        Files.createDirectories(inboxYaml);
        Path csv = drop(inbox, CSV_NAME, this::writeCsv);
        Path json = drop(inboxYaml, JSON_NAME, p -> Files.writeString(p,
                "{\"order\": 1001, \"customer\": \"ACME\", \"lines\": [{\"sku\": \"X-1\", \"qty\": 3}]}\n"));
        Files.writeString(marker, "delete this file (or the directory) to drop the sample files again\n");
        LOG.info("Dropped sample files {} ({} bytes) and {}", csv, Files.size(csv), json);
    }

    private interface Writer {
        void write(Path p) throws IOException;
    }

    private static Path drop(Path dir, String name, Writer writer) throws IOException {
        Path tmp = dir.resolve("." + name + ".tmp");
        writer.write(tmp);
        return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A CSV of exactly {@code csvSize} bytes. */
    private void writeCsv(Path p) throws IOException {
        Random random = new Random(7);
        long written = 0;
        try (BufferedWriter w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
            String header = "order_id,customer,sku,quantity,unit_price\n";
            w.write(header);
            written += header.length();
            for (int i = 1; written < csvSize; i++) {
                int cents = random.nextInt(100);
                String line = i + ",customer-" + random.nextInt(10_000) + ",SKU-" + random.nextInt(100_000) + ","
                              + (1 + random.nextInt(20)) + "," + random.nextInt(500) + (cents < 10 ? ".0" : ".") + cents
                              + "\n";
                if (written + line.length() > csvSize) {
                    line = "#".repeat((int) (csvSize - written - 1)) + "\n";
                }
                w.write(line);
                written += line.length();
            }
        }
    }
}
