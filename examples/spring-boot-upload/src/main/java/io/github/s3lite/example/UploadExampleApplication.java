package io.github.s3lite.example;

import java.io.File;
import java.time.Duration;

import io.github.s3lite.repository.JournalIdempotentRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Watches {@code example.inbox} (Java DSL route) and {@code example.inbox-yaml} (YAML DSL route) and uploads every
 * file to {@code s3lite:{{example.bucket}}}, verifies it with a HeadObject, then moves it to {@code example.done}.
 * Configured in application.yml only; without {@code camel.component.s3lite.endpoint} an embedded S3Proxy is used.
 */
@SpringBootApplication
public class UploadExampleApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(UploadExampleApplication.class, args);
        UploadTracker tracker = context.getBean(UploadTracker.class);
        if (tracker.exitAfterUploads() > 0) {
            // example.exit-after-uploads=N: stop by itself once N files were uploaded and verified
            boolean done = tracker.awaitUploads(context.getEnvironment()
                    .getProperty("example.exit-timeout", Duration.class, Duration.ofMinutes(5)));
            int code = SpringApplication.exit(context, () -> done ? 0 : 1);
            System.exit(code);
        }
    }

    /**
     * Multipart checkpoints survive a restart and a kill -9 (a crash-safe journal): an upload interrupted half-way resumes with the parts already stored
     * (camel.component.s3lite.checkpoint-repository: "#bean:uploadCheckpoints").
     */
    @Bean
    JournalIdempotentRepository uploadCheckpoints(@Value("${example.base-dir}") String baseDir) {
        return new JournalIdempotentRepository(new File(baseDir, "upload-checkpoints.journal").getPath());
    }
}
