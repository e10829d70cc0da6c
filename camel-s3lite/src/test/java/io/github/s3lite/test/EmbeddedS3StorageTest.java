package io.github.s3lite.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded S3Proxy's storage must not outlive its JVM: each test JVM writes ~1.5 GB there, and 188 leaked
 * directories (55 GB) once filled a CI machine's disk until Ceph's monitor refused to start.
 */
class EmbeddedS3StorageTest {

    @Test
    void storageOfAKilledJvmIsDeletedByTheNextServer(@TempDir Path tmp) throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path abandoned = storage(tmp, EmbeddedS3.PREFIX + gone.pid() + "-123");
        Path live = storage(tmp, EmbeddedS3.PREFIX + ProcessHandle.current().pid() + "-456");
        Path oldUnnamed = storage(tmp, "s3lite-s3proxy789");
        Files.setLastModifiedTime(oldUnnamed, FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        Path newUnnamed = storage(tmp, "s3lite-s3proxy790");
        Path notOurs = storage(tmp, "other-" + gone.pid() + "-1");

        EmbeddedS3.deleteAbandoned(tmp);

        assertFalse(Files.exists(abandoned), "the dead JVM's storage is deleted");
        assertTrue(Files.exists(live.resolve("bucket/object")), "a running JVM's storage is kept");
        assertFalse(Files.exists(oldUnnamed), "a day-old directory from before names carried a pid is deleted");
        assertTrue(Files.exists(newUnnamed), "a recent one is kept: its JVM may be running");
        assertTrue(Files.exists(notOurs), "only s3lite-s3proxy* directories are considered");
    }

    @Test
    void theSharedServerNamesItsStorageAfterItsPid() {
        String name = EmbeddedS3.get().storage().getFileName().toString();
        assertEquals(EmbeddedS3.PREFIX + ProcessHandle.current().pid() + "-",
                name.substring(0, name.lastIndexOf('-') + 1));
    }

    private static Path storage(Path tmp, String name) throws Exception {
        Path d = Files.createDirectory(tmp.resolve(name));
        Files.createDirectories(d.resolve("bucket"));
        Files.writeString(d.resolve("bucket/object"), "bytes");
        Files.setLastModifiedTime(d, FileTime.from(Instant.now()));
        return d;
    }
}
