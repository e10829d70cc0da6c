package io.github.s3lite.client;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A presigned URL that outlives the temporary credentials signing it is still given, with one WARN line naming the
 * bucket, key and both instants and no secret (old code: silent).
 */
class PresignOutlivesCredentialsTest {
    static final String SECRET = "presign-secret-never-logged";
    static final String TOKEN = "PRESIGN-SESSION-TOKEN-never-logged";

    final List<ILoggingEvent> events = new CopyOnWriteArrayList<>();
    final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            events.add(e);
        }
    };
    final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    Level before;

    @BeforeEach
    void capture() {
        appender.start();
        before = root.getLevel();
        root.setLevel(Level.DEBUG);
        root.addAppender(appender);
    }

    @AfterEach
    void release() {
        root.detachAppender(appender);
        root.setLevel(before);
    }

    /** Temporary credentials that expire in 15 minutes. */
    static final class Temporary implements CredentialsProvider {
        final Instant expires = Instant.now().plus(Duration.ofMinutes(15));

        @Override
        public Credentials credentials() {
            return new Credentials("ASIAPRESIGN", SECRET, TOKEN);
        }

        @Override
        public Instant expiration() {
            return expires;
        }
    }

    private static S3LiteClient client(CredentialsProvider p) {
        return new S3LiteClient(S3ClientConfig.of(URI.create("http://127.0.0.1:9"), "us-east-1", true, p));
    }

    private List<String> warnings() {
        return events.stream().filter(e -> e.getLevel() == Level.WARN).map(ILoggingEvent::getFormattedMessage).toList();
    }

    @Test
    void aLinkOutlivingTemporaryCredentialsIsWarnedAboutOnce() throws Exception {
        Temporary temporary = new Temporary();
        try (S3LiteClient c = client(temporary)) {
            String url = c.presignGet("reports", "2026/q4.pdf", Duration.ofHours(1));
            assertThat(url).contains("X-Amz-Expires=3600");
            assertThat(warnings()).singleElement().asString().contains("reports/2026/q4.pdf")
                    .contains(temporary.expires.toString()).contains("temporary credentials")
                    .doesNotContain(SECRET).doesNotContain(TOKEN).doesNotContain("X-Amz-Signature");
            events.clear();
            c.presignGet("reports", "2026/q4.pdf", Duration.ofMinutes(10));
            c.presignPut("reports", "upload.bin", Duration.ofMinutes(14), null);
            assertThat(warnings()).as("links that end before the credentials").isEmpty();
        }
        try (S3LiteClient c = client(CredentialsProvider.of(new Credentials("AKIASTATIC", SECRET)))) {
            c.presignGet("reports", "2026/q4.pdf", Duration.ofDays(7));
            assertThat(warnings()).as("static keys do not expire").isEmpty();
        }
        assertThat(events).noneMatch(e -> e.getFormattedMessage().contains(SECRET) || e.getFormattedMessage().contains(TOKEN));
    }
}
