package io.github.s3lite.transfer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Where one download goes: the final file, and its temp files in a private folder ({@value #TEMP_DIR}) of the
 * boundary directory, named by a hash, so no object key can name them (keys under {@value #TEMP_DIR}/ are
 * refused by {@link DestinationDirectory}). {@code file} is the path as the caller sees it; {@code realFile} is
 * the same file below the real path of the boundary, which is what is written.
 */
public record DownloadTarget(Path file, Path realFile, Path boundary, String name) {

    /** The private folder for temp files, in the destination directory (or beside an explicit file). */
    public static final String TEMP_DIR = ".s3lite-tmp";

    /**
     * An explicit file (header {@code CamelS3LiteDestinationFile}): its parent directories are created as given
     * (links the caller put in that path are the caller's choice); temp files go to {@value #TEMP_DIR} beside it.
     */
    public static DownloadTarget file(Path target) {
        Path abs = target.toAbsolutePath().normalize();
        Path parent = abs.getParent();
        if (parent == null || abs.getFileName() == null || abs.getFileName().toString().equals(TEMP_DIR)) {
            throw new IllegalArgumentException("CamelS3LiteDestinationFile '" + target + "' is not a file path");
        }
        try {
            Files.createDirectories(parent);
            Path real = parent.toRealPath();
            return new DownloadTarget(abs, real.resolve(abs.getFileName().toString()), real, abs.getFileName().toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot create the directory of CamelS3LiteDestinationFile '" + target
                    + "': " + e.getMessage(), e);
        }
    }

    /** The temp file holding the bytes received so far. */
    Path partFile() throws IOException {
        return tempDir().resolve(hash() + ".part");
    }

    /** The temp file recording which version (ETag and length) the part file holds. */
    Path stateFile() throws IOException {
        return tempDir().resolve(hash() + ".state");
    }

    /** The temp file listing the ranges already on disk when the download is fetched in parallel ranges. */
    Path rangesFile() throws IOException {
        return tempDir().resolve(hash() + ".ranges");
    }

    /** Creates the private folder if needed; refuses one that is a link or not a directory. */
    Path tempDir() throws IOException {
        Path dir = boundary.resolve(TEMP_DIR);
        for (int i = 0;; i++) {
            try {
                Files.createDirectory(dir);
                return dir;
            } catch (FileAlreadyExistsException e) {
                BasicFileAttributes a;
                try {
                    a = Files.readAttributes(dir, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                } catch (NoSuchFileException removed) {
                    // another download's clean-up removed the empty folder between the two calls: create it again
                    if (i == 10) {
                        throw removed;
                    }
                    continue;
                }
                if (!a.isDirectory()) {
                    throw new IOException(dir + " must be a directory of s3lite's temp files, not a link or a file: remove it");
                }
                return dir;
            }
        }
    }

    /** Removes the private folder when no other download uses it. */
    void cleanUp() {
        try {
            Files.deleteIfExists(boundary.resolve(TEMP_DIR));
        } catch (DirectoryNotEmptyException | NoSuchFileException busy) {
            // another download is using it
        } catch (IOException ignored) {
            // left for the next download
        }
    }

    private String hash() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
