package io.github.s3lite.upload;

import io.github.s3lite.client.S3Limits;

/**
 * How an object of known length is cut into parts, within S3's limits: parts of 5 MiB to 5 GiB (the last may be
 * smaller), at most 10,000 of them. When the requested part size would need more parts, it is raised to the next
 * MiB that fits.
 */
public record PartPlan(long objectSize, long partSize, int partCount) {

    private static final long MIB = 1024 * 1024;

    public static PartPlan forLength(long objectSize, long requestedPartSize, long maxObjectSize) {
        if (objectSize > maxObjectSize) {
            throw new IllegalArgumentException("Object of " + objectSize + " bytes exceeds the configured maximum object size of "
                    + maxObjectSize + " bytes (maxObjectSize)");
        }
        long partSize = checkPartSize(requestedPartSize);
        if (ceilDiv(objectSize, partSize) > S3Limits.MAX_PARTS) {
            long needed = ceilDiv(objectSize, S3Limits.MAX_PARTS);
            partSize = ceilDiv(needed, MIB) * MIB;
            if (partSize > S3Limits.MAX_PART_SIZE) {
                throw new IllegalArgumentException("Object of " + objectSize + " bytes cannot fit in "
                        + S3Limits.MAX_PARTS + " parts of at most 5 GiB");
            }
        }
        int count = (int) Math.max(1, ceilDiv(objectSize, partSize));
        return new PartPlan(objectSize, partSize, count);
    }

    /** Validates a configured part size against S3's limits. */
    public static long checkPartSize(long partSize) {
        if (partSize < S3Limits.MIN_PART_SIZE || partSize > S3Limits.MAX_PART_SIZE) {
            throw new IllegalArgumentException("partSize must be between 5 MiB (5242880) and 5 GiB, was " + partSize);
        }
        return partSize;
    }

    public long offset(int partNumber) {
        return (partNumber - 1) * partSize;
    }

    public long length(int partNumber) {
        return Math.min(partSize, objectSize - offset(partNumber));
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
