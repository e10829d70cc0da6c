package io.github.s3lite.transfer;

import java.util.zip.Checksum;

/**
 * CRC-64/NVME (reflected polynomial 0x9a6c9329ac4bc9b5, initial and final XOR all ones), the checksum AWS S3 uses by
 * default since 2025; "123456789" gives 0xae8b14860a799888. Slicing-by-8: eight table lookups per 8 bytes.
 */
final class Crc64Nvme implements Checksum {
    private static final long POLY = 0x9a6c9329ac4bc9b5L;
    private static final long[][] T = new long[8][256];

    static {
        for (int n = 0; n < 256; n++) {
            long c = n;
            for (int k = 0; k < 8; k++) {
                c = (c & 1) != 0 ? (c >>> 1) ^ POLY : c >>> 1;
            }
            T[0][n] = c;
        }
        for (int n = 0; n < 256; n++) {
            long c = T[0][n];
            for (int k = 1; k < 8; k++) {
                c = T[0][(int) (c & 0xff)] ^ (c >>> 8);
                T[k][n] = c;
            }
        }
    }

    private long crc = -1L;

    @Override
    public void update(int b) {
        crc = T[0][(int) ((crc ^ b) & 0xff)] ^ (crc >>> 8);
    }

    @Override
    public void update(byte[] b, int off, int len) {
        long c = crc;
        int i = off;
        int end = off + len;
        while (end - i >= 8) {
            long x = c ^ ((b[i] & 0xffL) | (b[i + 1] & 0xffL) << 8 | (b[i + 2] & 0xffL) << 16 | (b[i + 3] & 0xffL) << 24
                    | (b[i + 4] & 0xffL) << 32 | (b[i + 5] & 0xffL) << 40 | (b[i + 6] & 0xffL) << 48
                    | (b[i + 7] & 0xffL) << 56);
            c = T[7][(int) (x & 0xff)] ^ T[6][(int) ((x >>> 8) & 0xff)] ^ T[5][(int) ((x >>> 16) & 0xff)]
                    ^ T[4][(int) ((x >>> 24) & 0xff)] ^ T[3][(int) ((x >>> 32) & 0xff)]
                    ^ T[2][(int) ((x >>> 40) & 0xff)] ^ T[1][(int) ((x >>> 48) & 0xff)] ^ T[0][(int) (x >>> 56)];
            i += 8;
        }
        while (i < end) {
            c = T[0][(int) ((c ^ b[i++]) & 0xff)] ^ (c >>> 8);
        }
        crc = c;
    }

    @Override
    public long getValue() {
        return ~crc;
    }

    @Override
    public void reset() {
        crc = -1L;
    }
}
