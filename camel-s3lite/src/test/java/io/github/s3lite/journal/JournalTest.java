package io.github.s3lite.journal;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    @TempDir
    Path tmp;

    @Test
    void keysSurviveReopen() throws Exception {
        Path file = tmp.resolve("sub/dir/cp.journal");
        try (Journal j = Journal.open(file)) {
            assertThat(j.add("a")).isTrue();
            assertThat(j.add("a")).isFalse();
            assertThat(j.add("b")).isTrue();
            assertThat(j.add("ünïcödé:€")).isTrue();
            assertThat(j.remove("b")).isTrue();
            assertThat(j.remove("b")).isFalse();
            assertThat(j.remove("never")).isFalse();
            assertThat(j.contains("a")).isTrue();
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.keys()).containsExactlyInAnyOrder("a", "ünïcödé:€");
            assertThat(j.add("b")).isTrue();
        }
        assertThat(Journal.readKeys(file)).containsExactlyInAnyOrder("a", "b", "ünïcödé:€");
        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).startsWith("s3lite-journal-1\n");
    }

    @Test
    void tornTailIsDroppedAtEveryCutPointAndTheJournalGoesOn() throws Exception {
        Path file = tmp.resolve("cp.journal");
        try (Journal j = Journal.open(file)) {
            j.add("first");
            j.add("second");
        }
        long before = Files.size(file);
        try (Journal j = Journal.open(file)) {
            j.add("s3lite:part:upload-id:7:etag");
        }
        byte[] full = Files.readAllBytes(file);
        for (long cut = before; cut < full.length; cut++) { // every length of a torn last record
            Files.write(file, java.util.Arrays.copyOf(full, (int) cut));
            try (Journal j = Journal.open(file)) {
                assertThat(j.keys()).as("cut at %d", cut).containsExactlyInAnyOrder("first", "second");
                assertThat(Files.size(file)).as("torn tail truncated").isEqualTo(before);
                assertThat(j.add("after")).isTrue();
            }
            assertThat(Journal.readKeys(file)).containsExactlyInAnyOrder("first", "second", "after");
        }
    }

    @Test
    void corruptLastRecordAndZeroFilledTailAreIgnored() throws Exception {
        Path file = tmp.resolve("cp.journal");
        try (Journal j = Journal.open(file)) {
            j.add("keep");
            j.add("flipped");
        }
        byte[] data = Files.readAllBytes(file);
        data[data.length - 6] ^= 0x01; // a bit of the last key
        Files.write(file, data);
        Files.write(file, new byte[4096], StandardOpenOption.APPEND); // a power loss can leave zeroed blocks
        try (Journal j = Journal.open(file)) {
            assertThat(j.keys()).containsExactly("keep");
        }
    }

    @Test
    void aFileThatIsNotAJournalIsRefusedUntouched() throws Exception {
        Path file = tmp.resolve("ids.txt");
        Files.writeString(file, "bucket/key@etag\n");
        assertThatThrownBy(() -> Journal.open(file)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not an s3lite checkpoint journal");
        assertThat(Files.readString(file)).isEqualTo("bucket/key@etag\n");
    }

    @Test
    void compactionBoundsTheFileAndKeepsTheKeys() throws Exception {
        Path file = tmp.resolve("cp.journal");
        Set<String> expected = new HashSet<>();
        try (Journal j = Journal.open(file, 1024)) {
            for (int i = 0; i < 1500; i++) {
                String k = "s3lite:part:upload-" + (i / 10) + ":" + (i % 10) + ":0123456789abcdef0123456789abcdef";
                j.add(k);
                expected.add(k);
                if (i % 10 == 9) { // an upload done: its parts removed in one batch, a done mark kept
                    List<String> parts = new ArrayList<>();
                    for (int p = 0; p < 10; p++) {
                        parts.add("s3lite:part:upload-" + (i / 10) + ":" + p + ":0123456789abcdef0123456789abcdef");
                    }
                    assertThat(j.removeAll(parts)).isEqualTo(10);
                    parts.forEach(expected::remove);
                    j.add("s3lite:done:" + i);
                    expected.add("s3lite:done:" + i);
                }
                long live = 0;
                for (String k2 : expected) {
                    live += 7 + k2.getBytes(StandardCharsets.UTF_8).length;
                }
                assertThat(j.fileLength()).isLessThanOrEqualTo(17 + 2 * live + 1024 + 11 * 64);
            }
            assertThat(j.compactions()).isGreaterThan(3);
            assertThat(j.keys()).isEqualTo(expected);
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.keys()).isEqualTo(expected);
        }
        assertThat(Files.exists(tmp.resolve("cp.journal.compact"))).isFalse();
    }

    @Test
    void clearIsDurableAndALeftoverCompactionFileIsDiscarded() throws Exception {
        Path file = tmp.resolve("cp.journal");
        try (Journal j = Journal.open(file)) {
            j.add("x");
            j.clear();
            assertThat(j.contains("x")).isFalse();
            j.add("y");
        }
        Files.writeString(tmp.resolve("cp.journal.compact"), "half-written"); // a crash before the rename
        try (Journal j = Journal.open(file)) {
            assertThat(j.keys()).containsExactly("y");
        }
        assertThat(Files.exists(tmp.resolve("cp.journal.compact"))).isFalse();
    }

    @Test
    void concurrentAddsOfOneKeyHaveExactlyOneWinnerAlsoAcrossHandles() throws Exception {
        Path file = tmp.resolve("cp.journal");
        int threads = 8;
        int keys = 300;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Set<String> winners = ConcurrentHashMap.newKeySet();
        AtomicInteger wins = new AtomicInteger();
        List<Journal> handles = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                handles.add(Journal.open(tmp.resolve("./cp.journal"), 512)); // the same file, its own handle
            }
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                Journal j = handles.get(t);
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < keys; k++) {
                        if (j.add("lead:" + k)) {
                            wins.incrementAndGet();
                            winners.add("lead:" + k);
                            if (k % 2 == 0) {
                                assertThat(j.remove("lead:" + k)).isTrue(); // compactions run under the adds
                                winners.remove("lead:" + k);
                            }
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
            // a removed even key may be won again by a later adder, so count the odd keys exactly
            assertThat(winners.stream().filter(k -> Integer.parseInt(k.substring(5)) % 2 == 1).count())
                    .isEqualTo(keys / 2);
            assertThat(handles.get(0).keys()).isEqualTo(winners);
        } finally {
            pool.shutdownNow();
            for (Journal j : handles) {
                j.close();
            }
        }
        assertThat(Journal.readKeys(file)).isEqualTo(winners);
    }

    @Test
    void aSecondProcessIsRefusedWithAClearError() throws Exception {
        Path file = tmp.resolve("cp.journal");
        // another process holding the lock file looks, from here, like this channel's lock
        try (FileChannel other = FileChannel.open(tmp.resolve("cp.journal.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE); FileLock lock = other.lock()) {
            assertThatThrownBy(() -> Journal.open(file)).isInstanceOf(JournalInUseException.class)
                    .hasMessageContaining("is in use by another process")
                    .hasMessageContaining("JDBC, Hazelcast");
        }
        try (Journal j = Journal.open(file)) {
            assertThat(j.add("free again")).isTrue();
        }
    }

    @Test
    void closedHandlesRefuseAndTheLastCloseReleasesTheFile() throws Exception {
        Path file = tmp.resolve("cp.journal");
        Journal a = Journal.open(file);
        Journal b = Journal.open(file);
        a.add("k");
        a.close();
        assertThatThrownBy(() -> a.add("x")).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(b.contains("k")).isTrue();
        b.close();
        try (FileChannel ch = FileChannel.open(tmp.resolve("cp.journal.lock"), StandardOpenOption.WRITE);
             FileLock lock = ch.tryLock()) {
            assertThat(lock).as("lock released after the last handle").isNotNull();
        }
    }

    @Test
    void tooLongKeyIsRefusedBeforeAnyWrite() throws Exception {
        try (Journal j = Journal.open(tmp.resolve("cp.journal"))) {
            long len = j.fileLength();
            assertThatThrownBy(() -> j.add("x".repeat(70_000))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("65535");
            assertThat(j.fileLength()).isEqualTo(len);
        }
    }
}
