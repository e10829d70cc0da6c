package io.github.s3lite.upload;

import java.time.Instant;
import java.util.List;

import io.github.s3lite.client.PartInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkpoint rules against an in-memory store and a fake server: no S3. */
class CheckpointProtocolTest {

    static final long PART = 5L << 20;
    final RecordingStore store = new RecordingStore();
    final FakeMultipartServer server = new FakeMultipartServer();

    CheckpointProtocol protocol(String identity) {
        return new CheckpointProtocol(store, server, "b", "k", identity, PART);
    }

    static PartInfo part(int n, String eTag) {
        return new PartInfo(n, eTag, PART, null);
    }

    @Test
    void aStartedUploadIsFoundAgainAndOnlyConfirmedPartsAreReused() {
        CheckpointProtocol cp = protocol("file:1");
        server.upload("k", "u1", Instant.now(), part(1, "\"e1\""), part(2, "\"e2\""));
        cp.started("u1");
        cp.partUploaded("u1", part(1, "\"e1\""));

        CheckpointProtocol.Resumable r = protocol("file:1").resumable();
        assertThat(r.uploadId()).isEqualTo("u1");
        assertThat(r.parts()).containsOnlyKeys(1, 2);
        assertThat(cp.partConfirmed("u1", r.parts().get(1))).isTrue();
        assertThat(cp.partConfirmed("u1", r.parts().get(2))).as("listed but never acknowledged to us").isFalse();
        assertThat(cp.partConfirmed("u1", part(1, "\"other\""))).as("another ETag").isFalse();
    }

    @Test
    void srcIsRecordedBeforeMpuAndMpuRemovedBeforeSrc() {
        CheckpointProtocol cp = protocol("file:1");
        cp.started("u1");
        cp.forget("u1", List.of());
        List<String> w = store.writes();
        assertThat(w.get(0)).startsWith("add s3lite:src:");
        assertThat(w.get(1)).startsWith("add s3lite:mpu:");
        assertThat(w.get(2)).startsWith("remove s3lite:mpu:");
        assertThat(w.get(3)).startsWith("remove s3lite:src:");
        assertThat(store.keys).isEmpty();
    }

    @Test
    void anUploadOfAChangedSourceIsAbortedAndForgotten() {
        protocol("file:old").started("u1");
        server.upload("k", "u1", Instant.now().minusSeconds(3600), part(1, "\"e1\""));
        protocol("file:old").partUploaded("u1", part(1, "\"e1\""));

        assertThat(protocol("file:new").resumable()).isNull();
        assertThat(server.aborted).containsExactly("u1");
        assertThat(store.keysStartingWith("s3lite:mpu:")).isEmpty();
        assertThat(store.keysStartingWith("s3lite:part:")).isEmpty();
    }

    @Test
    void uploadsThatS3liteDidNotStartAreLeftAlone() {
        server.upload("k", "foreign", Instant.now().minusSeconds(3600));
        assertThat(protocol("file:1").resumable()).isNull();
        assertThat(server.aborted).isEmpty();
    }

    @Test
    void aVanishedUploadIsForgotten() {
        CheckpointProtocol cp = protocol("file:1");
        server.upload("k", "u1", Instant.now());
        cp.started("u1");
        server.parts.remove("u1"); // listed a moment ago, gone when its parts are asked for
        assertThat(cp.resumable()).isNull();
        assertThat(store.keys).isEmpty();
    }

    @Test
    void racingNodesConvergeOnTheSmallestUploadId() {
        CheckpointProtocol a = protocol("file:1");
        CheckpointProtocol b = protocol("file:1");
        server.upload("k", "u2", Instant.now());
        a.started("u2");
        server.upload("k", "u1", Instant.now());
        b.started("u1");
        assertThat(b.converge("u1")).isEqualTo("u1");
        assertThat(a.converge("u2")).isEqualTo("u1");
        assertThat(server.aborted).containsExactly("u2");
    }

    @Test
    void doneNamesTheObjectOfThisSourceOnly() {
        CheckpointProtocol cp = protocol("file:1");
        cp.started("u1");
        cp.completed("u1", "\"abc-2\"", null, List.of(part(1, "\"e1\""), part(2, "\"e2\"")));
        assertThat(cp.alreadyUploaded()).as("no object yet").isNull();
        server.object("k", "\"abc-2\"");
        assertThat(protocol("file:1").alreadyUploaded().eTag()).isEqualTo("\"abc-2\"");
        assertThat(protocol("file:2").alreadyUploaded()).isNull();
        server.object("k", "\"other-2\"");
        assertThat(protocol("file:1").alreadyUploaded()).as("overwritten since").isNull();
    }

    @Test
    void leadIsExclusiveUntilReleased() {
        assertThat(protocol("file:1").lead()).isTrue();
        assertThat(protocol("file:1").lead()).isFalse();
        assertThat(protocol("file:2").lead()).as("another source").isTrue();
        protocol("file:1").releaseLead();
        assertThat(protocol("file:1").lead()).isTrue();
    }

    @Test
    void withCheckpointsOffNothingIsLookedUp() {
        CheckpointProtocol cp = new CheckpointProtocol(CheckpointStore.NONE, server, "b", "k", "file:1", PART);
        server.upload("k", "u1", Instant.now());
        assertThat(cp.enabled()).isFalse();
        assertThat(cp.resumable()).isNull();
        assertThat(cp.alreadyUploaded()).isNull();
        assertThat(cp.converge("u9")).isEqualTo("u9");
        assertThat(cp.lead()).isTrue();
    }
}
