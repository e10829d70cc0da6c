package io.github.s3lite.transfer;

/**
 * How a download to a file is split: objects longer than {@code partSize} are fetched in ranges of
 * {@code partSize} bytes, {@code concurrency} at a time; {@code concurrency} 1 means one GET for the whole object.
 */
public record Parallelism(int concurrency, long partSize) {
    /** One GET per download. */
    public static final Parallelism SERIAL = new Parallelism(1, Long.MAX_VALUE);

    public Parallelism {
        if (concurrency < 1 || partSize < 1) {
            throw new IllegalArgumentException("concurrency and partSize must be at least 1, were " + concurrency + " and "
                    + partSize);
        }
    }

    /** True when an object of {@code length} bytes (-1: unknown) is fetched in ranges. */
    public boolean ranged(long length) {
        return concurrency > 1 && length > partSize;
    }

    /** Number of ranges of an object of {@code length} bytes. */
    int ranges(long length) {
        return (int) ((length + partSize - 1) / partSize);
    }
}
