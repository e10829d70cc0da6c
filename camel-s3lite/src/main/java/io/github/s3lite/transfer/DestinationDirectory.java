package io.github.s3lite.transfer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps object keys to files below a destination directory, which is a boundary: nothing is written, created or
 * followed outside it.
 * <ul>
 * <li>A key is split at {@code /} only; each segment must be one file name on this file system, so a backslash
 * stays part of the name on Linux ({@code dir\win.txt} and {@code dir/win.txt} are two files) and is refused
 * where it is a separator (Windows). Empty segments ({@code /x}, {@code a//b}), {@code .} and {@code ..} are
 * refused, as they would make two keys one file or leave the directory; so is {@value DownloadTarget#TEMP_DIR}
 * as first segment (s3lite's temp files).</li>
 * <li>Parent directories are created one by one; an existing link is followed only when its real path is inside
 * the directory, and the real path of the parent is checked again after creating it.</li>
 * <li>The final file is put in place by a rename, which replaces a link at that name instead of writing
 * through it.</li>
 * </ul>
 * A link swapped in by another local process between the check and the rename is outside this guarantee
 * (the directory should not be writable by untrusted users).
 */
public final class DestinationDirectory {

    private final Path root;

    public DestinationDirectory(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    /** The file (or, for a key ending with {@code /}, the directory) a key maps to; checks the key, no I/O. */
    public Path pathFor(String key) {
        Path p = root;
        for (String s : segments(key)) {
            p = p.resolve(s);
        }
        return p;
    }

    /** Creates the parent directories of {@code key}'s file inside the directory and returns its target. */
    public DownloadTarget prepare(String key) {
        List<String> segs = segments(key);
        if (key.endsWith("/")) {
            throw new IllegalArgumentException("Key '" + key + "' is a directory marker, not a file");
        }
        try {
            Path realRoot = realRoot();
            Path parent = createInside(realRoot, segs.subList(0, segs.size() - 1));
            String last = segs.get(segs.size() - 1);
            return new DownloadTarget(pathFor(key), parent.resolve(last), realRoot, String.join("/", segs));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directories for key '" + key + "' in " + root + ": "
                    + e.getMessage(), e);
        }
    }

    /** For a key ending with {@code /}: creates that directory inside the destination directory. */
    public Path createDirectory(String key) {
        try {
            createInside(realRoot(), segments(key));
            return pathFor(key);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the directory for key '" + key + "' in " + root + ": "
                    + e.getMessage(), e);
        }
    }

    private Path realRoot() throws IOException {
        Files.createDirectories(root);
        return root.toRealPath();
    }

    private static Path createInside(Path realRoot, List<String> dirs) throws IOException {
        Path p = realRoot;
        for (String s : dirs) {
            p = p.resolve(s);
            if (Files.isSymbolicLink(p)) {
                Path real = p.toRealPath();
                if (!real.startsWith(realRoot) || !Files.isDirectory(real)) {
                    throw outside(p, realRoot);
                }
                p = real;
                continue;
            }
            try {
                Files.createDirectory(p);
            } catch (FileAlreadyExistsException e) {
                if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    throw new IOException(p + " exists and is not a directory");
                }
            }
        }
        Path real = p.toRealPath();
        if (!real.startsWith(realRoot)) {
            throw outside(p, realRoot);
        }
        return real;
    }

    private static IOException outside(Path p, Path realRoot) {
        return new IOException(p + " leads outside the destination directory " + realRoot
                + " (a symbolic link): s3lite does not write through it");
    }

    private List<String> segments(String key) {
        if (key == null || key.isEmpty()) {
            throw new IllegalArgumentException("An empty key cannot be downloaded to destinationDirectory");
        }
        String body = key.endsWith("/") ? key.substring(0, key.length() - 1) : key;
        List<String> out = new ArrayList<>();
        for (String s : body.split("/", -1)) {
            if (s.isEmpty() || s.equals(".") || s.equals("..")) {
                throw new IllegalArgumentException("Key '" + key + "' would be written outside the destination directory "
                        + root + " or onto another key's file (empty, '.' or '..' segment): download it with "
                        + "CamelS3LiteDestinationFile instead");
            }
            if (!isOneName(s)) {
                throw new IllegalArgumentException("Key '" + key + "' has the segment '" + s + "', which is not one file "
                        + "name on this file system: download it with CamelS3LiteDestinationFile instead");
            }
            out.add(s);
        }
        if (out.get(0).equals(DownloadTarget.TEMP_DIR)) {
            throw new IllegalArgumentException("Key '" + key + "' is inside " + DownloadTarget.TEMP_DIR
                    + ", the folder of s3lite's temp files: download it with CamelS3LiteDestinationFile instead");
        }
        return out;
    }

    private boolean isOneName(String s) {
        try {
            Path p = root.getFileSystem().getPath(s);
            return !p.isAbsolute() && p.getNameCount() == 1 && p.toString().equals(s);
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
