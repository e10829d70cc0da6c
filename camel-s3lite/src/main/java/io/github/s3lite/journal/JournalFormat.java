package io.github.s3lite.journal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.zip.CRC32C;

/**
 * The bytes of a journal file: a header line, then records {@code type(1) length(2, big-endian) key(UTF-8)
 * crc32c(4)}, the checksum covering type, length and key. A record that is cut short or whose checksum does not
 * match ends the valid part of the file: everything from there on was never acknowledged (see {@link Journal}).
 */
final class JournalFormat {
    /** First bytes of every journal file (readable with {@code head -1}). */
    static final byte[] HEADER = "s3lite-journal-1\n".getBytes(StandardCharsets.US_ASCII);
    static final byte ADD = '+';
    static final byte REMOVE = '-';
    /** Longest key in UTF-8 bytes (the length field is two bytes). */
    static final int MAX_KEY_BYTES = 0xFFFF;
    static final int OVERHEAD = 1 + 2 + 4;

    private JournalFormat() {
    }

    /** UTF-8 bytes of a key, or a clear error when it cannot be stored. */
    static byte[] keyBytes(String key) {
        if (key == null) {
            throw new IllegalArgumentException("journal key must not be null");
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_KEY_BYTES) {
            throw new IllegalArgumentException("journal key of " + bytes.length + " UTF-8 bytes is longer than the "
                                               + MAX_KEY_BYTES + " bytes a journal record can hold");
        }
        return bytes;
    }

    static int recordSize(byte[] key) {
        return OVERHEAD + key.length;
    }

    static void put(ByteBuffer out, byte type, byte[] key) {
        int start = out.position();
        out.put(type).putShort((short) key.length).put(key);
        CRC32C crc = new CRC32C();
        crc.update(out.array(), out.arrayOffset() + start, out.position() - start);
        out.putInt((int) crc.getValue());
    }

    static ByteBuffer header() {
        return ByteBuffer.wrap(HEADER.clone());
    }

    /** What a scan of the file found. */
    record Scan(long validLength, long records, boolean headerPresent) {
    }

    /**
     * Replays {@code data} (a whole file) into {@code keys}: live keys remain. Stops at the first record that is
     * cut short or corrupt.
     *
     * @throws IllegalArgumentException when the file is not a journal at all (a foreign header)
     */
    static Scan replay(ByteBuffer data, Set<String> keys, String fileName) {
        int size = data.remaining();
        if (size < HEADER.length) {
            byte[] start = new byte[size];
            data.get(start);
            if (!Arrays.equals(start, Arrays.copyOf(HEADER, size))) {
                throw notAJournal(fileName);
            }
            return new Scan(0, 0, false); // empty, or a header torn while the file was created
        }
        byte[] head = new byte[HEADER.length];
        data.get(head);
        if (!Arrays.equals(head, HEADER)) {
            throw notAJournal(fileName);
        }
        long records = 0;
        CRC32C crc = new CRC32C();
        while (data.remaining() >= OVERHEAD) {
            int start = data.position();
            byte type = data.get();
            int length = Short.toUnsignedInt(data.getShort());
            if ((type != ADD && type != REMOVE) || data.remaining() < length + 4) {
                data.position(start);
                break;
            }
            byte[] key = new byte[length];
            data.get(key);
            crc.reset();
            crc.update(data.array(), data.arrayOffset() + start, 3 + length);
            if ((int) crc.getValue() != data.getInt()) {
                data.position(start);
                break;
            }
            String k = new String(key, StandardCharsets.UTF_8);
            if (type == ADD) {
                keys.add(k);
            } else {
                keys.remove(k);
            }
            records++;
        }
        return new Scan(data.position(), records, true);
    }

    private static IllegalArgumentException notAJournal(String fileName) {
        return new IllegalArgumentException(fileName + " is not an s3lite checkpoint journal (its first bytes are not '"
                                            + new String(HEADER, 0, HEADER.length - 1, StandardCharsets.US_ASCII)
                                            + "'); give the journal a file of its own");
    }
}
