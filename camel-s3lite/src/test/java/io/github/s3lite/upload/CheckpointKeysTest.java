package io.github.s3lite.upload;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 13 point 7: keys fit camel-sql's stock VARCHAR(100), and keys written before the hashing are still read. */
class CheckpointKeysTest {

    /** An AWS upload id has about 130 characters. */
    static final String AWS_UPLOAD_ID = "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA.VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA-ExAmPlE";
    static final String SOURCE = CheckpointKeys.id("source");
    static final String TARGET = CheckpointKeys.target("bucket", "a/very/long/key/".repeat(40));

    @Test
    void everyKeyFitsVarchar100EvenWithAwsUploadIdsAndLongETags() {
        String longETag = "\"" + "f".repeat(32) + "-10000\"" + "x".repeat(50);
        for (String k : List.of(CheckpointKeys.mpu(TARGET, AWS_UPLOAD_ID), CheckpointKeys.src(SOURCE, AWS_UPLOAD_ID),
                CheckpointKeys.part(AWS_UPLOAD_ID, 10_000, longETag), CheckpointKeys.done(SOURCE, longETag),
                CheckpointKeys.done(SOURCE, "\"" + "f".repeat(32) + "-10000\""), CheckpointKeys.lead(SOURCE))) {
            assertThat(k.length()).as(k).isLessThanOrEqualTo(CheckpointKeys.MAX_KEY_LENGTH);
        }
        assertThat(AWS_UPLOAD_ID.length()).isGreaterThan(100);
    }

    @Test
    void shortIdsKeepTheirFormSoExistingKeysStayValid() {
        assertThat(CheckpointKeys.mpu(TARGET, "2~shortRgwId")).isEqualTo("s3lite:mpu:" + TARGET + ":2~shortRgwId");
        assertThat(CheckpointKeys.part("u-1", 3, "\"abc\"")).isEqualTo("s3lite:part:u-1:3:abc");
        assertThat(CheckpointKeys.done(SOURCE, "\"" + "a".repeat(32) + "-9\"")).isEqualTo("s3lite:done:" + SOURCE + ":"
                + "a".repeat(32) + "-9");
    }

    @Test
    void keysWrittenBeforeTheHashingAreStillRead() {
        RecordingStore store = new RecordingStore();
        FakeMultipartServer server = new FakeMultipartServer();
        // what the old scheme wrote for an upload with a long id
        CheckpointProtocol probe = new CheckpointProtocol(store, server, "b", "k", "file:1", 5L << 20,
                java.time.Duration.ofDays(1));
        String source = CheckpointKeys.id("b\nk\nfile:1\n" + (5L << 20));
        store.keys.add("s3lite:src:" + source + ":" + AWS_UPLOAD_ID);
        store.keys.add("s3lite:mpu:" + CheckpointKeys.target("b", "k") + ":" + AWS_UPLOAD_ID);
        store.keys.add("s3lite:part:" + AWS_UPLOAD_ID + ":1:" + "e".repeat(32));
        server.upload("k", AWS_UPLOAD_ID, java.time.Instant.now(),
                new io.github.s3lite.client.PartInfo(1, "\"" + "e".repeat(32) + "\"", 5L << 20, null));
        CheckpointProtocol.Resumable r = probe.resumable();
        assertThat(r.uploadId()).isEqualTo(AWS_UPLOAD_ID);
        assertThat(probe.partConfirmed(AWS_UPLOAD_ID, r.parts().get(1))).isTrue();
    }
}
