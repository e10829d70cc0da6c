package io.github.s3lite.component;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import io.github.s3lite.S3LiteEndpoint;
import org.apache.camel.util.json.JsonObject;
import org.apache.camel.util.json.Jsoner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 "Done when": every option of s3lite.json is in the README's option table, and every header of the
 * catalog is named in the README. Camel's own options (scheduled poll, error handler bridging, lazy start, ...)
 * and the path parameter are the only exceptions, and they are listed here by name so a new s3lite option cannot
 * hide among them.
 */
class ReadmeOptionTableTest {

    private static final Path README = Path.of("..", "README.md");

    /** Options every Camel component or scheduled-poll consumer has; the README points to Camel's documentation. */
    private static final Set<String> CAMEL_STANDARD = Set.of("autowiredEnabled", "backoffErrorThreshold",
            "backoffIdleThreshold", "backoffMultiplier", "bridgeErrorHandler", "bucketName", "configuration", "delay",
            "exceptionHandler", "exchangePattern", "greedy", "healthCheckConsumerEnabled",
            "healthCheckProducerEnabled", "initialDelay", "lazyStartProducer", "pollStrategy", "repeatCount",
            "runLoggingLevel", "scheduledExecutorService", "scheduler", "schedulerProperties",
            "sendEmptyMessageWhenIdle", "startScheduler", "timeUnit", "useFixedDelay");

    @Test
    void everyOptionHasAReadmeRowAndEveryHeaderIsNamed() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("| option | group | default | description |");
        assertThat(start).as("the README's option table").isNotNegative();
        int end = readme.indexOf("\n\n", start);
        String table = readme.substring(start, end < 0 ? readme.length() : end);
        JsonObject catalog;
        try (InputStream in = S3LiteEndpoint.class.getResourceAsStream("/META-INF/io/github/s3lite/s3lite.json")) {
            catalog = (JsonObject) Jsoner.deserialize(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        Set<String> options = new TreeSet<>();
        for (Object k : catalog.getMap("componentProperties").keySet()) {
            options.add((String) k);
        }
        for (Object k : catalog.getMap("properties").keySet()) {
            options.add((String) k);
        }
        List<String> missing = new ArrayList<>();
        for (String option : options) {
            if (!CAMEL_STANDARD.contains(option)
                    && !Pattern.compile("(?m)^\\|\\s*`" + Pattern.quote(option) + "`\\s*\\|").matcher(table).find()) {
                missing.add(option);
            }
        }
        assertThat(missing).as("options of s3lite.json without a row in the README's option table").isEmpty();
        assertThat(options).as("the Camel standard names are still options of the catalog").containsAll(CAMEL_STANDARD);

        List<String> headers = new ArrayList<>();
        for (Object h : catalog.getMap("headers").keySet()) {
            if (!readme.contains((String) h)) {
                headers.add((String) h);
            }
        }
        assertThat(headers).as("headers of s3lite.json the README never names").isEmpty();
    }
}
