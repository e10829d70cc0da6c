package io.github.s3lite.upload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.client.PartInfo;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The checkpoint rules against an in-memory store and a fake server: no S3. */
class CheckpointProtocolTest {

    static final long PART = 5L << 20;
    final RecordingStore store = new RecordingStore();
    final FakeMultipartServer server = new FakeMultipartServer();

    static final Duration STALE = Duration.ofHours(24);

    CheckpointProtocol protocol(String identity) {
        return protocol(store, identity);
    }

    CheckpointProtocol protocol(CheckpointStore s, String identity) {
        return new CheckpointProtocol(s, server, "b", "k", identity, PART, STALE);
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
        server.upload("k", "u1", Instant.now().minus(STALE).minusSeconds(60), part(1, "\"e1\""));
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
        CheckpointProtocol cp = new CheckpointProtocol(CheckpointStore.NONE, server, "b", "k", "file:1", PART, STALE);
        server.upload("k", "u1", Instant.now());
        assertThat(cp.enabled()).isFalse();
        assertThat(cp.resumable()).isNull();
        assertThat(cp.alreadyUploaded()).isNull();
        assertThat(cp.converge("u9")).isEqualTo("u9");
        assertThat(cp.lead()).isTrue();
    }

    @Test
    void aYoungUploadOfAnotherSourceIsAnotherWritersLiveUploadAndIsLeftAlone() {
        protocol("file:writer-a").started("ua");
        server.upload("k", "ua", Instant.now().minusSeconds(60), part(1, "\"e1\""));
        protocol("file:writer-a").partUploaded("ua", part(1, "\"e1\""));

        assertThat(protocol("file:writer-b").resumable()).isNull();
        assertThat(server.aborted).isEmpty();
        assertThat(protocol("file:writer-a").resumable().uploadId()).as("writer A still resumes").isEqualTo("ua");
    }

    static List<PartInfo> md5Parts() {
        return List.of(part(1, "\"" + "1".repeat(32) + "\""), part(2, "\"" + "2".repeat(32) + "\""),
                part(3, "\"" + "3".repeat(32) + "\""));
    }

    @Test
    void doneIsRecordedBeforeCompleteAndEveryOtherKeyGoesInOneBatchAfter() {
        CheckpointProtocol cp = protocol("file:1");
        cp.lead();
        cp.started("u1");
        md5Parts().forEach(p -> cp.partUploaded("u1", p));
        store.clearLog();

        String expected = cp.completing(md5Parts());
        assertThat(expected).endsWith("-3");
        assertThat(store.writes()).containsExactly("add " + CheckpointKeys.done(cpSource(cp), expected));
        cp.completed("u1", "\"" + expected + "\"", expected, md5Parts());
        List<String> w = store.writes();
        assertThat(w).hasSize(2);
        assertThat(w.get(1)).startsWith("removeAll [s3lite:mpu:");
        assertThat(store.keys).containsExactly(CheckpointKeys.done(cpSource(cp), expected));
    }

    @Test
    void aStoreThatComputesAnotherETagGetsItsOwnDoneAndABlankOneNone() {
        CheckpointProtocol cp = protocol("file:1");
        String expected = cp.completing(md5Parts());
        cp.completed("u1", "\"something-else\"", expected, md5Parts());
        assertThat(store.keysStartingWith("s3lite:done:")).hasSize(2);
        RecordingStore other = new RecordingStore();
        CheckpointProtocol blank = protocol(other, "file:2");
        blank.completed("u2", "\"\"", null, List.of(part(1, "not-an-md5")));
        blank.completed("u2", null, null, List.of(part(1, "not-an-md5")));
        assertThat(other.keysStartingWith("s3lite:done:")).as("never a blank done").isEmpty();
    }

    /**
     * A crash after any checkpoint write of an upload: the next attempt either resumes with every acknowledged
     * part or, once the server committed, finds the object already uploaded. It never uploads a committed source
     * again, and never takes another object for this source.
     */
    @Test
    void aCrashAfterAnyWriteNeverResendsACommittedUpload() {
        CheckpointProtocol cp = protocol("file:1");
        assertThat(cp.lead()).isTrue();
        server.upload("k", "u1", Instant.now());
        cp.started("u1");
        List<PartInfo> parts = md5Parts();
        for (PartInfo p : parts) {
            server.parts.get("u1").add(p);
            cp.partUploaded("u1", p);
        }
        String expected = cp.completing(parts);
        int beforeCommit = store.writes().size();
        cp.completed("u1", "\"" + expected + "\"", expected, parts);
        int all = store.writes().size();

        for (int k = 0; k <= all; k++) {
            RecordingStore crashed = store.afterWrites(k);
            boolean committed = k >= beforeCommit;
            FakeMultipartServer s = new FakeMultipartServer();
            if (committed) {
                s.object("k", "\"" + expected + "\"");
            } else {
                s.upload("k", "u1", Instant.now(), parts.subList(0, Math.max(0, Math.min(parts.size(), k - 3))).toArray(PartInfo[]::new));
            }
            CheckpointProtocol restarted = new CheckpointProtocol(crashed, s, "b", "k", "file:1", PART, STALE);
            if (committed) {
                assertThat(restarted.alreadyUploaded()).as("crash after write %d of %d", k, all).isNotNull();
            } else if (k >= 2) {
                CheckpointProtocol.Resumable r = restarted.resumable();
                assertThat(r).as("crash after write %d", k).isNotNull();
                List<PartInfo> reusable = new ArrayList<>();
                r.parts().values().stream().filter(p -> restarted.partConfirmed("u1", p)).forEach(reusable::add);
                assertThat(reusable).as("every part acknowledged before the crash is reused").hasSize(r.parts().size());
            }
        }
        // and another object at the key is never taken for this source
        FakeMultipartServer overwritten = new FakeMultipartServer();
        overwritten.object("k", "\"another-3\"");
        assertThat(new CheckpointProtocol(store, overwritten, "b", "k", "file:1", PART, STALE).alreadyUploaded()).isNull();
    }

    /**
     * The same crash-after-any-write replay with a private store (the endpoint's in-memory default), as a failed
     * attempt leaves it for the redelivery in the same JVM: the look-ups a private store lets the uploader skip are
     * never skipped when its keys could resume or complete the upload; a store that never saw the source skips both.
     */
    @Test
    void aPrivateStoreSkipsNoLookUpItsKeysCouldAnswer() {
        RecordingStore priv = RecordingStore.privateStore();
        CheckpointProtocol fresh = protocol(priv, "file:1");
        assertThat(fresh.mayBeDone()).isFalse();
        assertThat(fresh.mayHaveUpload()).isFalse();
        server.upload("k", "other", Instant.now().minus(Duration.ofDays(3)));
        assertThat(fresh.resumable()).isNull();
        assertThat(server.aborted).as("nothing listed, nothing aborted").isEmpty();

        CheckpointProtocol cp = protocol(priv, "file:1");
        assertThat(cp.lead()).isTrue();
        server.upload("k", "u1", Instant.now());
        cp.started("u1");
        List<PartInfo> parts = md5Parts();
        for (PartInfo p : parts) {
            server.parts.get("u1").add(p);
            cp.partUploaded("u1", p);
        }
        String expected = cp.completing(parts);
        int beforeCommit = priv.writes().size();
        cp.completed("u1", "\"" + expected + "\"", expected, parts);
        int all = priv.writes().size();
        for (int k = 0; k <= all; k++) {
            RecordingStore crashed = priv.afterWrites(k);
            boolean committed = k >= beforeCommit;
            FakeMultipartServer s = new FakeMultipartServer();
            if (committed) {
                s.object("k", "\"" + expected + "\"");
            } else {
                s.upload("k", "u1", Instant.now(), parts.subList(0, Math.max(0, Math.min(parts.size(), k - 3))).toArray(PartInfo[]::new));
            }
            CheckpointProtocol restarted = new CheckpointProtocol(crashed, s, "b", "k", "file:1", PART, STALE);
            if (committed) {
                assertThat(restarted.mayBeDone()).as("after write %d", k).isTrue();
                assertThat(restarted.alreadyUploaded()).as("after write %d of %d", k, all).isNotNull();
            } else if (k >= 2) {
                assertThat(restarted.mayHaveUpload()).as("after write %d", k).isTrue();
                assertThat(restarted.resumable()).as("after write %d", k).isNotNull();
            }
        }
        // another source of the same key in the same private store: its mpu key makes the listing (stale abort) happen
        CheckpointProtocol changed = protocol(priv, "file:2");
        assertThat(changed.mayHaveUpload()).isTrue();
        assertThat(changed.mayBeDone()).isFalse();
    }

    private static String cpSource(CheckpointProtocol cp) {
        return CheckpointKeys.id("b\nk\nfile:1\n" + PART);
    }
}
