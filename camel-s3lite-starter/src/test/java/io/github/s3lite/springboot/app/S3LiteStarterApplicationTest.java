package io.github.s3lite.springboot.app;

import java.io.InputStream;
import java.util.Random;

import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetObjectResponse;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.springboot.BootHealth;
import io.github.s3lite.test.EmbeddedS3;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/** Boots {@link UploadApplication} with src/test/resources/application.yml, the endpoint pointing at EmbeddedS3. */
@SpringBootTest(classes = UploadApplication.class)
class S3LiteStarterApplicationTest {

    @DynamicPropertySource
    static void s3(DynamicPropertyRegistry registry) {
        EmbeddedS3 s3 = EmbeddedS3.get();
        String bucket = s3.newBucket("starter-app");
        registry.add("app.bucket", () -> bucket);
        registry.add("camel.component.s3lite.endpoint", () -> s3.endpoint().toString());
        registry.add("camel.component.s3lite.access-key", () -> EmbeddedS3.ACCESS_KEY);
        registry.add("camel.component.s3lite.secret-key", () -> EmbeddedS3.SECRET_KEY);
    }

    @Autowired
    CamelContext camelContext;
    @Autowired
    ProducerTemplate template;
    @Autowired
    ApplicationContext applicationContext;
    @org.springframework.beans.factory.annotation.Value("${app.bucket}")
    String bucket;

    @Test
    void uploadsThroughTheRouteAndReadsBack() throws Exception {
        S3LiteComponent component = camelContext.getComponent("s3lite", S3LiteComponent.class);
        assertThat(component.getConfiguration().getPartSize()).isEqualTo(5L * 1024 * 1024);
        assertThat(component.getConfiguration().getMultipartThreshold()).isEqualTo(5L * 1024 * 1024);

        byte[] data = new byte[11 * 1024 * 1024 + 123];
        new Random(42).nextBytes(data);
        var reply = template.request("direct:upload", e -> {
            e.getMessage().setHeader(S3LiteConstants.KEY, "in/random.bin");
            e.getMessage().setBody(data);
        });
        assertThat(reply.getException()).isNull();
        assertThat(reply.getMessage().getHeader(S3LiteConstants.PART_COUNT, Integer.class)).isEqualTo(3);

        try (S3LiteClient client = EmbeddedS3.get().newClient();
             GetObjectResponse r = client.getObject(bucket, "in/random.bin", null);
             InputStream in = r.body()) {
            assertThat(in.readAllBytes()).isEqualTo(data);
            assertThat(r.info().userMetadata()).containsEntry("owner", "starter-test");
        }

        assertThat(BootHealth.endpoint(applicationContext, "s3lite").status()).isEqualTo("UP");
        // the Camel health check, through camel-spring-boot's camelHealth indicator (exposure-level full)
        BootHealth.View camelHealth = BootHealth.endpoint(applicationContext, "camelHealth");
        assertThat(camelHealth.status()).isEqualTo("UP");
        assertThat(camelHealth.details()).containsEntry("s3lite", "UP");
        assertThat(camelHealth.text()).doesNotContain(EmbeddedS3.SECRET_KEY);
    }
}
