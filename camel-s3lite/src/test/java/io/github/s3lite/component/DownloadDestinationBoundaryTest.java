package io.github.s3lite.component;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.test.S3LiteTestSupport;
import org.apache.camel.Exchange;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 11 point 11: {@code destinationDirectory} is a boundary. Each test plants what an attacker with write
 * access to the bucket (or to the directory before the download) would, and checks that nothing outside the
 * directory changed and that each key got its own, exact bytes.
 */
class DownloadDestinationBoundaryTest extends S3LiteTestSupport {

    @TempDir
    Path tmp;
    Path dir;
    Path outside;

    @BeforeEach
    void dirs() throws Exception {
        dir = Files.createDirectories(tmp.resolve("dest"));
        outside = Files.createDirectories(tmp.resolve("outside"));
    }

    private byte[] put(String key, int size, int seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        client.putObject(bucket, key, RequestBody.of(data), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
        return data;
    }

    private Exchange get(String key) {
        return template.request("s3lite:" + bucket + "?operation=getObject&destinationDirectory=" + dir,
                e -> e.getMessage().setHeader(S3LiteConstants.KEY, key));
    }

    @Test
    void aDirectoryLinkLeadingOutsideIsNotFollowed() throws Exception {
        put("link/x", 1000, 1);
        Files.createSymbolicLink(dir.resolve("link"), outside);
        Exchange ex = get("link/x");
        assertThat(ex.getException()).isNotNull().hasMessageContaining("outside the destination directory");
        assertThat(outside.resolve("x")).doesNotExist();
        try (var s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
    }

    @Test
    void aLinkInsideTheDirectoryPointingInsideIsFollowed() throws Exception {
        byte[] data = put("alias/x", 1000, 2);
        Files.createDirectories(dir.resolve("real"));
        Files.createSymbolicLink(dir.resolve("alias"), dir.resolve("real"));
        Exchange ex = get("alias/x");
        assertThat(ex.getException()).isNull();
        assertThat(Files.readAllBytes(dir.resolve("real/x"))).isEqualTo(data);
    }

    @Test
    void plantedTempFileLinksDoNotWriteOutside() throws Exception {
        byte[] a = put("victim", 1000, 3);
        byte[] b = put("victim2", 1000, 4);
        Path target1 = Files.writeString(outside.resolve("etag-target"), "precious", StandardCharsets.UTF_8);
        Path target2 = Files.writeString(outside.resolve("part-target"), "precious", StandardCharsets.UTF_8);
        // the names the old code used beside the target
        Files.createSymbolicLink(dir.resolve("victim.s3lite-etag"), target1);
        Files.createSymbolicLink(dir.resolve("victim.s3lite-part"), target2);
        Files.createSymbolicLink(dir.resolve("victim2.s3lite-part"), target2);
        Files.createSymbolicLink(dir.resolve("victim2.s3lite-etag"), target1);
        assertThat(get("victim").getException()).isNull();
        assertThat(get("victim2").getException()).isNull();
        assertThat(Files.readString(target1)).isEqualTo("precious");
        assertThat(Files.readString(target2)).isEqualTo("precious");
        assertThat(Files.readAllBytes(dir.resolve("victim"))).isEqualTo(a);
        assertThat(Files.readAllBytes(dir.resolve("victim2"))).isEqualTo(b);
    }

    @Test
    void aLinkPlantedAsTheFinalFileIsReplacedNotWrittenThrough() throws Exception {
        byte[] a = put("final", 1000, 5);
        Path precious = Files.writeString(outside.resolve("precious"), "precious", StandardCharsets.UTF_8);
        Files.createSymbolicLink(dir.resolve("final"), precious);
        assertThat(get("final").getException()).isNull();
        assertThat(Files.readString(precious)).isEqualTo("precious");
        assertThat(Files.isSymbolicLink(dir.resolve("final"))).isFalse();
        assertThat(Files.readAllBytes(dir.resolve("final"))).isEqualTo(a);
    }

    @Test
    void thePrivateTempFolderAsALinkIsRefused() throws Exception {
        put("t", 1000, 6);
        Files.createSymbolicLink(dir.resolve(".s3lite-tmp"), outside);
        Exchange ex = get("t");
        assertThat(ex.getException()).isNotNull().hasMessageContaining(".s3lite-tmp");
        try (var s = Files.list(outside)) {
            assertThat(s).isEmpty();
        }
        assertThat(dir.resolve("t")).doesNotExist();
    }

    @Test
    void theTempFileOfOneKeyIsNeverTheFinalFileOfAnother() throws Exception {
        byte[] other = put("x.s3lite-part", 600, 7);
        byte[] x = put("x", 3000, 8);
        assertThat(get("x.s3lite-part").getException()).isNull();
        assertThat(get("x").getException()).isNull();
        assertThat(Files.readAllBytes(dir.resolve("x.s3lite-part"))).isEqualTo(other);
        assertThat(Files.readAllBytes(dir.resolve("x"))).isEqualTo(x);
        assertThat(get("x.s3lite-etag").getException()).isNotNull(); // no such key: nothing else touched
        assertThat(Files.readAllBytes(dir.resolve("x.s3lite-part"))).isEqualTo(other);
    }

    @Test
    void backslashAndSlashKeysAreTwoFiles() throws Exception {
        byte[] back = put("dir\\win.txt", 500, 9);
        byte[] slash = put("dir/win.txt", 700, 10);
        assertThat(get("dir\\win.txt").getException()).isNull();
        assertThat(get("dir/win.txt").getException()).isNull();
        assertThat(Files.readAllBytes(dir.resolve("dir\\win.txt"))).isEqualTo(back);
        assertThat(Files.readAllBytes(dir.resolve("dir").resolve("win.txt"))).isEqualTo(slash);
    }

    @Test
    void keysThatWouldCollideOrEscapeAreRefusedBeforeAnyWrite() throws Exception {
        for (String key : new String[] {"/abs", "a//b", "./c", "a/../../evil", ".s3lite-tmp/x"}) {
            Exchange ex = get(key);
            assertThat(ex.getException()).as(key).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(key);
        }
        try (var s = Files.list(dir)) {
            assertThat(s).isEmpty();
        }
        try (var s = Files.list(tmp)) {
            assertThat(s).containsExactlyInAnyOrder(dir, outside);
        }
    }

    @Test
    void nothingIsLeftBesideTheFile() throws Exception {
        byte[] a = put("sub/clean.bin", 2000, 11);
        assertThat(get("sub/clean.bin").getException()).isNull();
        assertThat(Files.readAllBytes(dir.resolve("sub/clean.bin"))).isEqualTo(a);
        try (var s = Files.list(dir.resolve("sub"))) {
            assertThat(s).containsExactly(dir.resolve("sub/clean.bin"));
        }
        try (var s = Files.list(dir)) {
            assertThat(s).containsExactly(dir.resolve("sub"));
        }
    }
}
