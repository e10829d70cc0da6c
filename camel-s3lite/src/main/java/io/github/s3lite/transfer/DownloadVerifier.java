package io.github.s3lite.transfer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

import io.github.s3lite.client.ETags;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3LiteClient;

/**
 * Checks downloaded bytes against the checksum of the whole object that HEAD (or GET) reported, per
 * {@link DownloadChecksumValidation}. Feed every byte in order with {@link #update}, then call {@link #mismatch()}.
 * Not thread-safe.
 * <p>
 * Size: the three kinds of expectation (a full-object checksum, a composite one over the parts, the ETag as MD5)
 * share the sinks and the comparison, so they stay in one class.
 */
public final class DownloadVerifier {

    private static final Pattern MD5_ETAG = Pattern.compile("[0-9a-fA-F]{32}");
    /** Full-object checksums S3 may report, strongest first is irrelevant: the cheapest one reported is used. */
    private static final List<String> ALGORITHMS = List.of("crc64nvme", "crc32c", "crc32", "sha1", "sha256");

    /** Composite (checksum of the parts' checksums) values S3 may report for a multipart object: {@code ...-N}. */
    private static final List<String> COMPOSITE = List.of("crc32c", "crc32", "sha1", "sha256");
    private static final Pattern PART_COUNT = Pattern.compile("-(\\d{1,5})$");

    private static final DownloadVerifier NONE = new DownloadVerifier(null, null, null, false, "");

    private final String name;
    private final String expected;
    private final Supplier<Sink> sinks;
    private final boolean hex;
    private final String suffix;
    private final CrcCombine crc;
    private Sink sink;

    private DownloadVerifier(String name, String expected, Supplier<Sink> sinks, boolean hex, String suffix) {
        this.name = name;
        this.expected = expected;
        this.sinks = sinks;
        this.hex = hex;
        this.suffix = suffix;
        this.crc = name == null ? null : switch (name) {
            case "CRC32" -> CrcCombine.CRC32;
            case "CRC32C" -> CrcCombine.CRC32C;
            case "CRC64NVME" -> CrcCombine.CRC64NVME;
            default -> null;
        };
        this.sink = sinks == null ? null : sinks.get();
    }

    /** A verifier that checks nothing. */
    public static DownloadVerifier none() {
        return NONE;
    }

    /**
     * What to verify for the object {@code info} describes (a HEAD or GET made with checksum mode on): a full-object
     * checksum, else a composite one with its part sizes from GetObjectAttributes (asked only then), else with
     * {@link DownloadChecksumValidation#ALWAYS} the ETag of a single-part object as its MD5.
     *
     * @throws S3Exception (permanent) with {@link DownloadChecksumValidation#ALWAYS} when nothing is verifiable
     */
    public static DownloadVerifier plan(S3LiteClient client, String bucket, String key, ObjectInfo info,
            DownloadChecksumValidation validation) {
        return plan(bucket, key, info, validation, () -> client.objectPartSizes(bucket, key, info.versionId()));
    }

    /**
     * As {@link #plan(S3LiteClient, String, String, ObjectInfo, DownloadChecksumValidation)}, with the sizes of a
     * composite {@code ...-N} checksum's N parts from {@code partSizes} (null: composite checksums are not checked).
     * The sizes must add up to the object's length; a store that refuses to tell (a permanent error) leaves the
     * composite checksum unverified.
     */
    public static DownloadVerifier plan(String bucket, String key, ObjectInfo info, DownloadChecksumValidation validation,
            Supplier<List<Long>> partSizes) {
        if (validation == null || validation == DownloadChecksumValidation.NEVER) {
            return NONE;
        }
        Map<String, String> sums = info.checksums();
        boolean composite = "COMPOSITE".equalsIgnoreCase(sums.getOrDefault("type", ""));
        if (!composite) {
            for (String a : ALGORITHMS) {
                String v = sums.get(a);
                if (v != null && !v.isEmpty() && !v.contains("-")) {
                    return new DownloadVerifier(a.toUpperCase(Locale.ROOT), v, sinkFactory(a), false, "");
                }
            }
        }
        DownloadVerifier parts = partSizes == null ? null : composite(info, sums, partSizes);
        if (parts != null) {
            return parts;
        }
        String eTag = ETags.bare(info.eTag());
        if (validation == DownloadChecksumValidation.ALWAYS) {
            if (info.eTagIsNotContentMd5()) {
                // SSE-KMS / SSE-C: a 32-hex ETag is not the MD5 of the bytes; taking it for one would refuse good bytes
                throw new S3Exception("downloadChecksumValidation=ALWAYS, but " + bucket + "/" + key + " is encrypted ("
                        + info.encryption() + "), so its ETag is not the MD5 of its bytes, and the store reports no "
                        + "full-object checksum for it" + (composite ? " (only a composite one, of its parts)" : "")
                        + ": upload it with a flexible checksum (checksumAlgorithm=CRC32C, single PUT) or download it with "
                        + "downloadChecksumValidation=WHEN_AVAILABLE or NEVER");
            }
            if (eTag != null && MD5_ETAG.matcher(eTag).matches()) {
                return new DownloadVerifier("MD5 (ETag)", eTag.toLowerCase(Locale.ROOT), sinkFactory("md5"), true, "");
            }
            throw new S3Exception("downloadChecksumValidation=ALWAYS, but " + bucket + "/" + key
                    + " has no full-object checksum the store reports and its ETag " + info.eTag()
                    + " is not an MD5 (a multipart upload): download it with WHEN_AVAILABLE or NEVER");
        }
        return NONE;
    }

    /** True when something is verified. */
    public boolean active() {
        return sinks != null;
    }

    /** What is verified, such as {@code CRC32C} or {@code MD5 (ETag)}; null when nothing. */
    public String algorithm() {
        return name;
    }

    public void update(byte[] b, int off, int len) {
        if (sink != null) {
            sink.update(b, off, len);
        }
    }

    /** An independent verifier with the same expectation, at byte 0. */
    public DownloadVerifier copy() {
        return sinks == null ? NONE : new DownloadVerifier(name, expected, sinks, hex, suffix);
    }

    /** Starts again at byte 0. */
    public void reset() {
        if (sinks != null) {
            sink = sinks.get();
        }
    }

    /** Feeds the whole file (for a download resumed from bytes written earlier). */
    public void updateFromFile(Path file) throws IOException {
        if (sink == null) {
            return;
        }
        try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) != -1) {
                sink.update(buf, 0, n);
            }
        }
    }

    /**
     * For a CRC (which combines): a fresh checksum for one range of the object, fed with that range's bytes as they
     * are written; null for a digest (MD5, SHA), whose ranges must be fed in order with {@link #update}.
     */
    public Checksum rangeChecksum() {
        if (crc == null) {
            return null;
        }
        return crc == CrcCombine.CRC64NVME ? new Crc64Nvme() : crc == CrcCombine.CRC32C ? new CRC32C() : new CRC32();
    }

    /**
     * Null when the CRCs of consecutive ranges ({@code values[i]} over {@code lengths[i]} bytes, in object order)
     * combine to the expected CRC, else a sentence saying what differs. Only for a verifier whose
     * {@link #rangeChecksum()} is not null.
     */
    public String mismatchOfRanges(long[] values, long[] lengths) {
        long v = values[0];
        for (int i = 1; i < values.length; i++) {
            v = crc.combine(v, values[i], lengths[i]);
        }
        int bytes = crc.width() / 8;
        byte[] all = ByteBuffer.allocate(8).putLong(v).array();
        return describe(java.util.Arrays.copyOfRange(all, 8 - bytes, 8));
    }

    /** Null when the bytes fed match (or nothing is verified), else a sentence saying what differs. */
    public String mismatch() {
        if (sink == null) {
            return null;
        }
        return describe(sink.finish());
    }

    private String describe(byte[] actual) {
        String got = (hex ? HexFormat.of().formatHex(actual) : Base64.getEncoder().encodeToString(actual)) + suffix;
        return got.equals(expected) ? null
                : name + " of the bytes received is " + got + " but the store reports " + expected;
    }

    /** The verifier of a composite checksum whose part sizes the store gives; null when it cannot be checked. */
    private static DownloadVerifier composite(ObjectInfo info, Map<String, String> sums, Supplier<List<Long>> partSizes) {
        for (String a : COMPOSITE) {
            String v = sums.get(a);
            Matcher m = v == null ? null : PART_COUNT.matcher(v.trim());
            if (m == null || !m.find()) {
                continue;
            }
            int n = Integer.parseInt(m.group(1));
            List<Long> sizes;
            try {
                sizes = partSizes.get();
            } catch (S3Exception e) {
                if (e.isTransient()) {
                    throw e;
                }
                return null; // the store does not tell (no GetObjectAttributes): unverified, as before
            }
            long total = 0;
            for (Long size : sizes) {
                total += size;
            }
            if (sizes.size() != n || (info.contentLength() >= 0 && total != info.contentLength())) {
                return null;
            }
            long[] lengths = sizes.stream().mapToLong(Long::longValue).toArray();
            Supplier<Sink> part = sinkFactory(a);
            return new DownloadVerifier(a.toUpperCase(Locale.ROOT) + " (composite of " + n + " parts)",
                    v.trim(), () -> composite(part, lengths), false, "-" + n);
        }
        return null;
    }

    /** Each part's checksum over its bytes, then the checksum of those checksums, as S3 computes a composite one. */
    private static Sink composite(Supplier<Sink> part, long[] lengths) {
        Sink outer = part.get();
        return new Sink() {
            int index;
            long left = lengths[0];
            Sink current = part.get();

            @Override
            public void update(byte[] b, int off, int len) {
                while (len > 0) {
                    while (left == 0 && index < lengths.length - 1) {
                        next();
                    }
                    int n = left == 0 ? len : (int) Math.min(left, len); // bytes beyond the last part: a mismatch
                    current.update(b, off, n);
                    off += n;
                    len -= n;
                    left = Math.max(0, left - n);
                }
            }

            private void next() {
                byte[] done = current.finish();
                outer.update(done, 0, done.length);
                index++;
                current = part.get();
                left = lengths[index];
            }

            @Override
            public byte[] finish() {
                while (index < lengths.length - 1) {
                    next();
                }
                byte[] last = current.finish();
                outer.update(last, 0, last.length);
                return outer.finish();
            }
        };
    }

    private interface Sink {
        void update(byte[] b, int off, int len);

        byte[] finish();
    }

    private static Supplier<Sink> sinkFactory(String algorithm) {
        return switch (algorithm) {
            case "crc64nvme" -> () -> crc(new Crc64Nvme(), 8);
            case "crc32c" -> () -> crc(new CRC32C(), 4);
            case "crc32" -> () -> crc(new CRC32(), 4);
            case "sha1" -> () -> digest("SHA-1");
            case "sha256" -> () -> digest("SHA-256");
            case "md5" -> () -> digest("MD5");
            default -> throw new IllegalArgumentException(algorithm);
        };
    }

    private static Sink crc(Checksum c, int bytes) {
        return new Sink() {
            @Override
            public void update(byte[] b, int off, int len) {
                c.update(b, off, len);
            }

            @Override
            public byte[] finish() {
                byte[] v = ByteBuffer.allocate(8).putLong(c.getValue()).array();
                return java.util.Arrays.copyOfRange(v, 8 - bytes, 8);
            }
        };
    }

    private static Sink digest(String name) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Sink() {
            @Override
            public void update(byte[] b, int off, int len) {
                md.update(b, off, len);
            }

            @Override
            public byte[] finish() {
                return md.digest();
            }
        };
    }
}
