package io.github.s3lite.component;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.journal.Journal;
import io.github.s3lite.test.Await;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.TestFiles;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash-safe resume, for real: a forked JVM uploads (downloads) through a route with checkpoints in a
 * JournalIdempotentRepository and is killed with {@code destroyForcibly} midway; a second JVM with the same route and repository finishes,
 * re-sending only what was not confirmed.
 */
class CrashResumeIT {

    static final long MIB = 1024 * 1024;
    static final Pattern RESULT = Pattern.compile("RESULT parts=(\\S+) resumed=(\\S+) resumedFrom=(\\S+) etag=(\\S+)");

    @TempDir
    Path tmp;
    EmbeddedS3 s3 = EmbeddedS3.get();
    @RegisterExtension
    final FaultProxyExtension proxy = new FaultProxyExtension(EmbeddedS3.get().endpoint());
    S3LiteClient client;
    String bucket;

    @BeforeEach
    void setUp() throws Exception {
        client = s3.newClient();
        bucket = s3.newBucket("crash");
    }

    @AfterEach
    void tearDown() throws Exception {
        client.close();
    }

    private Process child(String mode, String key, Path file, Path repo, List<String> output) throws Exception {
        return child(mode, key, file, repo, output, "256m");
    }

    private Process child(String mode, String key, Path file, Path repo, List<String> output, String xmx) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx" + xmx, "-cp", System.getProperty("java.class.path"),
                CrashChild.class.getName(), mode, proxy.endpoint().toString(), bucket, key, file.toString(), repo.toString());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    output.add(line);
                }
            } catch (Exception ignored) {
                // process killed
            }
        });
        reader.setDaemon(true);
        reader.start();
        return p;
    }

    private static long confirmedParts(Path repo) throws Exception {
        return Journal.readKeys(repo).stream().filter(l -> l.startsWith("s3lite:part:")).count();
    }

    private static Matcher result(List<String> output) {
        for (String l : new ArrayList<>(output)) {
            Matcher m = RESULT.matcher(l);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("no RESULT line in child output:\n" + String.join("\n", output));
    }

    @Test
    void killedUploadIsResumedByAnotherJvm() throws Exception {
        Path file = tmp.resolve("big.bin");
        TestFiles.writeRandom(file, 300 * MIB + 777, 11);
        Path repo = tmp.resolve("checkpoints.journal");
        int totalParts = 61; // 300 MiB + 777 bytes in 5 MiB parts

        // first JVM: parts are slowed down so it can be killed while the upload is in progress
        proxy.rule(s -> s.isUploadPart() ? new FaultProxy.Slow(150, 0) : FaultProxy.PASS);
        List<String> out1 = new ArrayList<>();
        Process first = child("upload", "crash/big.bin", file, repo, out1);
        Await.untilOrGiveUp("8 parts confirmed by the first JVM", Duration.ofSeconds(90), () -> confirmedParts(repo) >= 8,
                () -> !first.isAlive());
        assertThat(first.isAlive()).as("first JVM still uploading when killed; output: %s", out1).isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        long confirmed = confirmedParts(repo);
        long sentByFirst = proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count();
        assertThat(confirmed).isGreaterThanOrEqualTo(8).isLessThan(totalParts);

        // second JVM: same route, same repository, no slowdown
        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        List<String> out2 = new ArrayList<>();
        Process second = child("upload", "crash/big.bin", file, repo, out2);
        assertThat(second.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("second JVM output: %s", out2).isZero();
        Matcher m = result(out2);
        int parts = Integer.parseInt(m.group(1));
        int resumed = Integer.parseInt(m.group(2));
        long sentBySecond = proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count();

        assertThat(parts).isEqualTo(totalParts);
        assertThat(resumed).isGreaterThanOrEqualTo((int) confirmed);
        assertThat(sentBySecond).isEqualTo(totalParts - resumed);
        assertThat(sentByFirst + sentBySecond).isLessThan(2L * totalParts);
        try (var r = client.getObject(bucket, "crash/big.bin", GetOptions.NONE)) {
            assertThat(TestFiles.sha256(r.body())).isEqualTo(TestFiles.sha256(file));
        }
        assertThat(client.listMultipartUploads(bucket, null)).isEmpty();
        System.out.printf("crash-resume upload: first JVM sent %d parts (%d confirmed), second sent %d, resumed %d of %d%n",
                sentByFirst, confirmed, sentBySecond, resumed, totalParts);
    }

    @Test
    void killedDownloadIsResumedByAnotherJvm() throws Exception {
        Path source = tmp.resolve("source.bin");
        TestFiles.writeRandom(source, 200 * MIB + 3, 12);
        client.putObject(bucket, "crash/dl.bin", RequestBody.of(source, 0, Files.size(source)), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.NONE);
        Path target = tmp.resolve("out/dl.bin");
        Path partial = partFile(tmp.resolve("out"));
        Path repo = tmp.resolve("unused.dat");

        proxy.rule(s -> s.method().equals("GET") ? new FaultProxy.Slow(0, 40L * 1024 * 1024) : FaultProxy.PASS);
        List<String> out1 = new ArrayList<>();
        Process first = child("download", "crash/dl.bin", target, repo, out1);
        Await.untilOrGiveUp("40 MiB downloaded by the first JVM", Duration.ofSeconds(90), () -> {
            Path p = partFile(tmp.resolve("out"));
            return p != null && Files.exists(p) && Files.size(p) >= 40 * MIB;
        }, () -> !first.isAlive());
        partial = partFile(tmp.resolve("out"));
        assertThat(first.isAlive()).as("first JVM still downloading when killed; output: %s", out1).isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.exists(target)).as("no half-written target visible").isFalse();
        long had = Files.size(partial);

        proxy.rule(s -> FaultProxy.PASS);
        List<String> out2 = new ArrayList<>();
        Process second = child("download", "crash/dl.bin", target, repo, out2);
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("second JVM output: %s", out2).isZero();
        long resumedFrom = Long.parseLong(result(out2).group(3));
        assertThat(resumedFrom).isGreaterThanOrEqualTo(40 * MIB).isLessThanOrEqualTo(had);
        assertThat(TestFiles.sha256(target)).isEqualTo(TestFiles.sha256(source));
        assertThat(Files.exists(partial)).isFalse();
        try (var left = Files.list(tmp.resolve("out"))) {
            assertThat(left).as("the private temp folder is removed once empty").containsExactly(target);
        }
        System.out.printf("crash-resume download: resumed at byte %d of %d%n", resumedFrom, Files.size(source));
    }

    /**
     * Issue 15 point 3: a download in parallel 8 MiB ranges killed with some ranges on disk; the second JVM, in a
     * 48 MiB heap for a 200 MiB object, fetches only the others, and the file is exact.
     */
    @Test
    void killedRangedDownloadKeepsTheCompletedRangesForAnotherJvm() throws Exception {
        Path source = tmp.resolve("ranged-source.bin");
        TestFiles.writeRandom(source, 200 * MIB + 5, 13);
        client.putObject(bucket, "crash/ranged.bin", RequestBody.of(source, 0, Files.size(source)),
                ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
        Path out = tmp.resolve("ranged-out");
        Path target = out.resolve("ranged.bin");
        Path repo = tmp.resolve("unused-ranged.dat");
        proxy.rule(s -> s.method().equals("GET") ? new FaultProxy.Slow(0, 8L * 1024 * 1024) : FaultProxy.PASS);
        List<String> out1 = new ArrayList<>();
        Process first = child("ranged-download", "crash/ranged.bin", target, repo, out1);
        Await.untilOrGiveUp("3 ranges downloaded by the first JVM", Duration.ofSeconds(90), () -> rangesDone(out) >= 3,
                () -> !first.isAlive());
        assertThat(first.isAlive()).as("first JVM still downloading when killed; output: %s", out1).isTrue();
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        assertThat(Files.exists(target)).as("no half-written target visible").isFalse();
        long done = rangesDone(out);

        proxy.rule(s -> FaultProxy.PASS);
        proxy.clear();
        List<String> out2 = new ArrayList<>();
        Process second = child("ranged-download", "crash/ranged.bin", target, repo, out2, "48m");
        assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(second.exitValue()).as("second JVM output: %s", out2).isZero();
        long resumedFrom = Long.parseLong(result(out2).group(3));
        assertThat(resumedFrom).isGreaterThanOrEqualTo(done * 8 * MIB);
        long gets = proxy.seen().stream().filter(s -> s.method().equals("GET")).count();
        assertThat(gets).as("only the missing ranges are fetched").isEqualTo(26 - resumedFrom / (8 * MIB));
        assertThat(TestFiles.sha256(target)).isEqualTo(TestFiles.sha256(source));
        try (var left = Files.list(out)) {
            assertThat(left).as("temp files and the private folder are gone").containsExactly(target);
        }
        System.out.printf("crash-resume ranged download: %d of 26 ranges kept (%d bytes)%n", resumedFrom / (8 * MIB),
                resumedFrom);
    }

    /** Complete lines of the {@code .ranges} temp file of a ranged download in {@code dir}. */
    private static long rangesDone(Path dir) throws java.io.IOException {
        Path tmpDir = dir.resolve(".s3lite-tmp");
        if (!Files.isDirectory(tmpDir)) {
            return 0;
        }
        try (var s = Files.list(tmpDir)) {
            Path r = s.filter(p -> p.getFileName().toString().endsWith(".ranges")).findFirst().orElse(null);
            return r == null ? 0 : Files.readString(r).chars().filter(c -> c == '\n').count();
        } catch (java.nio.file.NoSuchFileException gone) {
            return 0;
        }
    }

    /** The temp file of a download in progress: {@code .s3lite-tmp/<hash>.part} of the destination directory. */
    private static Path partFile(Path dir) throws java.io.IOException {
        Path tmpDir = dir.resolve(".s3lite-tmp");
        if (!Files.isDirectory(tmpDir)) {
            return null;
        }
        try (var s = Files.list(tmpDir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".part")).findFirst().orElse(null);
        }
    }
}
