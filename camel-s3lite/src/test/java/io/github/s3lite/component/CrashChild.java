package io.github.s3lite.component;

import java.io.File;
import java.nio.file.Path;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.repository.JournalIdempotentRepository;
import io.github.s3lite.test.EmbeddedS3;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;

/**
 * Runs in a forked JVM for {@link CrashResumeIT}: one upload (or download) through a Camel route with checkpoints
 * in a {@link JournalIdempotentRepository} (a repository file named {@code *.journal}) or a
 * {@link FileIdempotentRepository} (any other name), then prints {@code RESULT ...} and exits. The test kills it midway.
 * Args: mode(upload|download) endpoint bucket key file repositoryFile
 */
public final class CrashChild {
    public static void main(String[] args) throws Exception {
        String mode = args[0];
        String endpoint = args[1];
        String bucket = args[2];
        String key = args[3];
        Path file = Path.of(args[4]);
        File repoFile = new File(args[5]);
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            S3LiteComponent s3 = new S3LiteComponent();
            s3.getConfiguration().setEndpoint(endpoint);
            s3.getConfiguration().setPathStyleAccess(true);
            s3.getConfiguration().setAccessKey(EmbeddedS3.ACCESS_KEY);
            s3.getConfiguration().setSecretKey(EmbeddedS3.SECRET_KEY);
            context.addComponent("s3lite", s3);
            context.getRegistry().bind("checkpoints", repoFile.getName().endsWith(".journal")
                    ? new JournalIdempotentRepository(repoFile.getPath())
                    : FileIdempotentRepository.fileIdempotentRepository(repoFile, 100_000));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to("s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880"
                                              + "&uploadConcurrency=4&checkpointRepository=#checkpoints");
                    // one GET per object here; ranged-download: 8 MiB ranges, 4 at a time
                    from("direct:download").to("s3lite:" + bucket + "?operation=getObject&downloadConcurrency=1");
                    from("direct:ranged-download").to("s3lite:" + bucket + "?operation=getObject&downloadConcurrency=4"
                                                      + "&downloadPartSize=8MB");
                }
            });
            context.start();
            ProducerTemplate template = context.createProducerTemplate();
            Exchange ex = template.request("direct:" + mode, e -> {
                e.getMessage().setHeader(S3LiteConstants.KEY, key);
                if (mode.equals("upload")) {
                    e.getMessage().setBody(file.toFile());
                } else {
                    e.getMessage().setHeader(S3LiteConstants.DESTINATION_FILE, file.toString());
                }
            });
            if (ex.getException() != null) {
                ex.getException().printStackTrace();
                System.exit(2);
            }
            var m = ex.getMessage();
            System.out.println("RESULT parts=" + m.getHeader(S3LiteConstants.PART_COUNT) + " resumed="
                               + m.getHeader(S3LiteConstants.RESUMED_PART_COUNT) + " resumedFrom="
                               + m.getHeader(S3LiteConstants.DOWNLOAD_RESUMED_FROM) + " etag=" + m.getHeader(S3LiteConstants.E_TAG));
        }
        System.exit(0);
    }
}
