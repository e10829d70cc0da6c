package io.github.s3lite.transfer;

/**
 * Combines the CRCs of two consecutive byte runs into the CRC of both, without the bytes (zlib's
 * {@code crc32_combine}, for any reflected CRC of up to 64 bits whose initial value and final XOR are all ones:
 * CRC-32, CRC-32C, CRC-64/NVME). Lets ranges fetched in parallel be checked against the object's one CRC from
 * the checksums computed on the buffers they were written from, instead of reading the file again.
 */
record CrcCombine(long poly, int width) {

    static final CrcCombine CRC32 = new CrcCombine(0xedb88320L, 32);
    static final CrcCombine CRC32C = new CrcCombine(0x82f63b78L, 32);
    static final CrcCombine CRC64NVME = new CrcCombine(0x9a6c9329ac4bc9b5L, 64);

    /** The CRC of A followed by B, from {@code crcA}, {@code crcB} and the length of B in bytes. */
    long combine(long crcA, long crcB, long lengthB) {
        if (lengthB == 0) {
            return crcA;
        }
        return multiply(powerOfX(lengthB), crcA) ^ crcB;
    }

    /** a(x) * b(x) modulo the polynomial; bit {@code width-1} is x^0 (reflected). */
    private long multiply(long a, long b) {
        long m = 1L << (width - 1);
        long p = 0;
        while (true) {
            if ((a & m) != 0) {
                p ^= b;
                if ((a & (m - 1)) == 0) {
                    return p;
                }
            }
            m >>>= 1;
            b = (b & 1) != 0 ? (b >>> 1) ^ poly : b >>> 1;
        }
    }

    /** x^(8 * bytes) modulo the polynomial, by squaring. */
    private long powerOfX(long bytes) {
        long p = 1L << (width - 1); // x^0
        long square = 1L << (width - 9); // x^8: one byte
        for (long n = bytes; n != 0; n >>>= 1) {
            if ((n & 1) != 0) {
                p = multiply(square, p);
            }
            square = multiply(square, square);
        }
        return p;
    }
}
