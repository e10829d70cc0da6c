package io.github.s3lite.client.auth;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The AWS SDKs' shared container-endpoint cases (copied from aws-sdk-php, see
 * src/test/resources/credentials/README.md) against {@link ContainerCredentialsProvider}: the URI a set of
 * variables resolves to (or its refusal) and the Authorization header of the request. The vectors' token file paths
 * stand for a file: a temporary file with the vector's content (or none, for ENOENT) takes their place.
 */
class ContainerUriVectorsTest {
    static final String RESOURCE = "/credentials/aws-sdk-php/tests/Credentials/fixtures/ecs/uri-token-resolution.json";

    @TempDir
    Path tmp;

    static Stream<Arguments> vectors() throws Exception {
        List<Arguments> out = new ArrayList<>();
        try (InputStream in = ContainerUriVectorsTest.class.getResourceAsStream(RESOURCE)) {
            for (JsonNode v : new ObjectMapper().readTree(in)) {
                out.add(Arguments.of(v.get("description").asText(), v));
            }
        }
        assertThat(out).hasSize(13);
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void vector(String description, JsonNode v) throws Exception {
        Map<String, String> env = new HashMap<>();
        v.get("env").fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        JsonNode tokenFile = v.get("token_file");
        if (tokenFile != null) {
            Path f = tmp.resolve("token");
            if ("success".equals(tokenFile.get("type").asText())) {
                Files.writeString(f, tokenFile.get("content").asText());
            }
            env.put(ContainerCredentialsProvider.ENV_TOKEN_FILE, f.toString()); // ENOENT: never written
        }
        JsonNode expect = v.get("expect");
        if ("error".equals(expect.get("type").asText())) {
            assertThatThrownBy(() -> {
                ContainerCredentialsProvider p = ContainerCredentialsProvider.fromEnvironment(env::get);
                p.requestHeaders();
            }).as(description).isInstanceOf(IllegalStateException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("is refused", "Cannot read"));
            return;
        }
        JsonNode request = expect.get("request");
        ContainerCredentialsProvider p = ContainerCredentialsProvider.fromEnvironment(env::get);
        assertThat(request.get("method").asText()).isEqualTo("GET");
        assertThat(p.uri().toString()).as(description).isEqualTo(request.get("uri").asText());
        JsonNode auth = request.get("headers").get("Authorization");
        Map<String, String> headers = p.requestHeaders();
        if (auth == null) {
            assertThat(headers).as(description).doesNotContainKey("Authorization");
        } else {
            assertThat(headers).as(description).containsEntry("Authorization", auth.asText());
        }
    }
}
