package io.github.s3lite.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.ReadmeMainRun;
import io.github.s3lite.test.TestFiles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.main.Main;
import org.apache.camel.spi.IdempotentRepository;
import org.apache.camel.support.processor.idempotent.FileIdempotentRepository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 2: the README's "Camel Main and YAML DSL" section, its application.properties and its YAML route
 * file read from README.md and run as written with Camel Main. Only the endpoint, the credentials and the paths are
 * overridden (override properties) to point at the embedded S3 server and temporary directories. The endpoint is a
 * {@link FaultProxy} in front of that server which answers the upload's first part with 503 SlowDown, so the YAML
 * file's routeConfiguration (onException S3TransientException with its redelivery policy) is exercised: one
 * redelivery seen by the {@code s3lite.redeliveries} meter, part 1 sent again, the object SHA-256 equal.
 */
class ReadmeCamelMainTest {

    static String block(String readme, String section, String lang) {
        return ReadmeMainRun.block(readme, section, lang);
    }

    @Test
    void propertiesAndYamlRoutesRunAsWritten(@TempDir Path dir) throws Exception {
        ReadmeMainRun run = ReadmeMainRun.prepare(Path.of("..", "README.md"), dir, "readme-main");
        Main main = new Main();
        FaultProxy proxy = new FaultProxy(run.s3.endpoint());
        AtomicBoolean failed = new AtomicBoolean();
        proxy.rule(r -> r.isUploadPart() && r.target().matches(".*[?&]partNumber=1(&.*)?") && failed.compareAndSet(false, true)
                ? new FaultProxy.Respond(503, "SlowDown") : FaultProxy.PASS);
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        main.bind("meters", meters); // the registry's only MeterRegistry: the endpoints record in it
        run.configure(main, proxy.endpoint());
        main.start();
        try {
            run.uploadAndConsume(main, 16);

            // the routeConfiguration's redelivery policy retried the upload: part 1 answered 503 once, sent again
            assertThat(failed).isTrue();
            List<FaultProxy.Seen> part1 = proxy.seen().stream()
                    .filter(r -> r.isUploadPart() && r.target().matches(".*[?&]partNumber=1(&.*)?")).toList();
            assertThat(part1).hasSize(2);
            assertThat(part1.get(0).action()).isInstanceOf(FaultProxy.Respond.class);
            assertThat(part1.get(1).action()).isEqualTo(FaultProxy.PASS);
            Counter redeliveries = meters.find("s3lite.redeliveries").tag("operation", "putObject").counter();
            assertThat(redeliveries).as("s3lite.redeliveries{operation=putObject}").isNotNull();
            assertThat(redeliveries.count()).isEqualTo(1);
        } finally {
            main.stop();
            proxy.close();
        }
    }

    /**
     * The Camel Main block of "Proxies and private CAs" binds as it says: the global camel.ssl parameters (the key
     * store paths and passwords overridden to key pairs made here) used by the component, and the proxy options.
     */
    @Test
    void theProxyAndTlsPropertiesBind(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String properties = block(readme, "Proxies and private CAs", "properties");
        Files.writeString(dir.resolve("application.properties"), properties);
        Path ca = io.github.s3lite.test.TestTls.keyPair(dir, "ca", "127.0.0.1", "ip:127.0.0.1");
        Main main = new Main();
        main.setPropertyPlaceholderLocations("file:" + dir.resolve("application.properties"));
        main.addOverrideProperty("camel.ssl.trust-store", "file:" + ca);
        main.addOverrideProperty("camel.ssl.trust-store-password", io.github.s3lite.test.TestTls.PASSWORD);
        main.addOverrideProperty("camel.ssl.key-store", "file:" + ca);
        main.addOverrideProperty("camel.ssl.keystore-password", io.github.s3lite.test.TestTls.PASSWORD);
        main.start();
        try {
            S3LiteComponent component = main.getCamelContext().getComponent("s3lite", S3LiteComponent.class);
            assertThat(component.isUseGlobalSslContextParameters()).isTrue();
            assertThat(component.retrieveGlobalSslContextParameters()).isNotNull()
                    .isSameAs(main.getCamelContext().getSSLContextParameters());
            assertThat(component.getConfiguration().getProxyHost()).isEqualTo("proxy.corp");
            assertThat(component.getConfiguration().getProxyPort()).isEqualTo(3128);
            assertThat(main.getCamelContext().getSSLContextParameters().createSSLContext(main.getCamelContext()))
                    .isNotNull();
        } finally {
            main.stop();
        }
    }

    static final String FILE_CHECKPOINTS = "Checkpoints in Camel's `FileIdempotentRepository`";

    /**
     * Issue 16 point 2: the properties and the YAML bean block of "Checkpoints in Camel's FileIdempotentRepository",
     * each run with Camel Main (the file path overridden): the bean is the component's checkpointRepository and a
     * 3-part upload arrives SHA-256 equal with its {@code done} checkpoint written into the file.
     */
    @Test
    void theFileIdempotentRepositoryBeansHoldTheCheckpoints(@TempDir Path dir) throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
        String properties = block(readme, FILE_CHECKPOINTS, "properties");
        String yaml = block(readme, FILE_CHECKPOINTS, "yaml");
        assertThat(properties).contains("camel.beans.checkpoints = #class:" + FileIdempotentRepository.class.getName());
        assertThat(yaml).contains("type: " + FileIdempotentRepository.class.getName());

        Path fromProperties = dir.resolve("props/checkpoints.dat");
        Files.writeString(dir.resolve("application.properties"),
                properties.replace("/var/lib/app/checkpoints.dat", fromProperties.toString()));
        runUploadWithFileCheckpoints(dir, "props", fromProperties,
                main -> main.setPropertyPlaceholderLocations("file:" + dir.resolve("application.properties")));

        Path fromYaml = dir.resolve("yaml/checkpoints.dat");
        Files.writeString(dir.resolve("beans.yaml"), yaml.replace("/var/lib/app/checkpoints.dat", fromYaml.toString()));
        runUploadWithFileCheckpoints(dir, "yaml", fromYaml, main -> {
            main.addOverrideProperty("camel.component.s3lite.checkpoint-repository", "#bean:checkpoints");
            main.addOverrideProperty("camel.main.routes-include-pattern", "file:" + dir.resolve("beans.yaml"));
        });
    }

    private static void runUploadWithFileCheckpoints(Path dir, String name, Path store,
            java.util.function.Consumer<Main> configure) throws Exception {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("readme-file-" + name);
        Files.createDirectories(store.getParent());
        Main main = new Main();
        configure.accept(main);
        main.addOverrideProperty("camel.component.s3lite.endpoint", s3.endpoint().toString());
        main.addOverrideProperty("camel.component.s3lite.path-style-access", "true");
        main.addOverrideProperty("camel.component.s3lite.access-key", EmbeddedS3.ACCESS_KEY);
        main.addOverrideProperty("camel.component.s3lite.secret-key", EmbeddedS3.SECRET_KEY);
        main.configure().addRoutesBuilder(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put").to("s3lite:" + bucket + "?multipartThreshold=5242880&partSize=5242880");
            }
        });
        Path file = dir.resolve(name + ".bin");
        String sha = TestFiles.writeRandom(file, (12L << 20) + 3, 17); // 3 parts
        main.start();
        try (S3LiteClient client = s3.newClient()) {
            S3LiteComponent component = main.getCamelContext().getComponent("s3lite", S3LiteComponent.class);
            IdempotentRepository repository = component.getConfiguration().getCheckpointRepository();
            assertThat(repository).as(name).isInstanceOf(FileIdempotentRepository.class)
                    .isSameAs(main.getCamelContext().getRegistry().lookupByName("checkpoints"));
            assertThat(((FileIdempotentRepository) repository).getFileStore()).isEqualTo(store.toFile());
            assertThat(((FileIdempotentRepository) repository).getMaxFileStoreSize()).isEqualTo(256L << 20);

            main.getCamelContext().createProducerTemplate()
                    .sendBodyAndHeader("direct:put", file.toFile(), S3LiteConstants.KEY, "big.bin");
            try (var got = client.getObject(bucket, "big.bin", GetOptions.NONE)) {
                assertThat(TestFiles.sha256(got.body())).as(name).isEqualTo(sha);
            }
            assertThat(Files.readAllLines(store)).as(name + ": the upload's done checkpoint in " + store)
                    .anyMatch(l -> l.startsWith("s3lite:done:"));
        } finally {
            main.stop();
        }
    }
}
