package io.github.s3lite.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Test files and their fingerprints: a random file of N bytes with its SHA-256, the SHA-256 of bytes, streams and
 * files (tests compare bytes by SHA-256, never by "no exception"), temp directories and their removal.
 */
public final class TestFiles {

    private TestFiles() {
    }

    /** A file of random bytes (seeded, so a failing run can be repeated) and its SHA-256 in hex. */
    public record RandomFile(Path path, long size, String sha256) {
    }

    /** Writes {@code size} random bytes from {@code seed} to {@code dir/name}; returns it with its SHA-256. */
    public static RandomFile random(Path dir, String name, long size, long seed) throws IOException {
        Path p = dir.resolve(name);
        return new RandomFile(p, size, writeRandom(p, size, seed));
    }

    /** Writes {@code size} random bytes from {@code seed} to {@code p} (replacing it); returns their SHA-256. */
    public static String writeRandom(Path p, long size, long seed) throws IOException {
        Random r = new Random(seed);
        MessageDigest md = sha256Digest();
        byte[] buf = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(p)) {
            for (long left = size; left > 0; left -= buf.length) {
                r.nextBytes(buf);
                int n = (int) Math.min(buf.length, left);
                out.write(buf, 0, n);
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /** {@code size} random bytes from {@code seed}. */
    public static byte[] randomBytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256Digest().digest(bytes));
    }

    /** Reads {@code in} to its end (does not close it). */
    public static String sha256(InputStream in) throws IOException {
        MessageDigest md = sha256Digest();
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) != -1) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in);
        }
    }

    /** A new temp directory; remove it with {@link #deleteTree} (or use JUnit's {@code @TempDir}). */
    public static Path tempDir(String prefix) throws IOException {
        return Files.createTempDirectory(prefix);
    }

    /** Deletes {@code dir} and everything under it; nothing when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static MessageDigest sha256Digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
