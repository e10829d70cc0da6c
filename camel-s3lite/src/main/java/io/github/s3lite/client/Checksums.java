package io.github.s3lite.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;
import java.util.zip.Checksum;

import io.github.s3lite.client.http.FileRegions;

/** Computes the base64 checksum value that goes into {@link ChecksumAlgorithm#header()}. */
public final class Checksums {
    private static final int BUFFER = 256 * 1024;

    private Checksums() {
    }

    /** Base64 value of the body's checksum, or null for {@link ChecksumAlgorithm#NONE}. */
    public static String compute(ChecksumAlgorithm algorithm, RequestBody body) {
        if (algorithm == ChecksumAlgorithm.NONE || algorithm == ChecksumAlgorithm.AUTO) {
            return null;
        }
        return computeAll(List.of(algorithm), body).get(algorithm);
    }

    /**
     * Several checksums of the body in one pass over it (a file region is read once).
     * {@link ChecksumAlgorithm#NONE} and {@link ChecksumAlgorithm#AUTO} are skipped.
     */
    public static Map<ChecksumAlgorithm, String> computeAll(List<ChecksumAlgorithm> algorithms, RequestBody body) {
        Map<ChecksumAlgorithm, Sink> sinks = new EnumMap<>(ChecksumAlgorithm.class);
        for (ChecksumAlgorithm a : algorithms) {
            if (a != ChecksumAlgorithm.NONE && a != ChecksumAlgorithm.AUTO) {
                sinks.put(a, sink(a));
            }
        }
        if (sinks.isEmpty()) {
            return Map.of();
        }
        if (body instanceof RequestBody.Bytes b) {
            sinks.values().forEach(sink -> sink.update(ByteBuffer.wrap(b.data(), b.offset(), b.size())));
        } else if (body instanceof RequestBody.FileRegion f) {
            ByteBuffer direct = ByteBuffer.allocateDirect((int) Math.max(1, Math.min(BUFFER, f.length())));
            try {
                FileRegions.read(f.path(), f.position(), f.length(), direct, chunk -> {
                    for (Sink sink : sinks.values()) {
                        sink.update(chunk.duplicate());
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Map<ChecksumAlgorithm, String> out = new EnumMap<>(ChecksumAlgorithm.class);
        sinks.forEach((a, sink) -> out.put(a, Base64.getEncoder().encodeToString(sink.finish())));
        return out;
    }

    interface Sink {
        void update(ByteBuffer data);

        byte[] finish();
    }

    static Sink sink(ChecksumAlgorithm algorithm) {
        return switch (algorithm) {
            case MD5 -> digest("MD5");
            case SHA256 -> digest("SHA-256");
            case CRC32C -> crc(new CRC32C());
            case CRC32 -> crc(new CRC32());
            case NONE, AUTO -> throw new IllegalArgumentException(algorithm + " is not a checksum algorithm");
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
            public void update(ByteBuffer data) {
                md.update(data);
            }

            @Override
            public byte[] finish() {
                return md.digest();
            }
        };
    }

    private static Sink crc(Checksum crc) {
        return new Sink() {
            @Override
            public void update(ByteBuffer data) {
                crc.update(data); // CRC32C/CRC32 read a direct buffer in place
            }

            @Override
            public byte[] finish() {
                return ByteBuffer.allocate(4).putInt((int) crc.getValue()).array();
            }
        };
    }
}
