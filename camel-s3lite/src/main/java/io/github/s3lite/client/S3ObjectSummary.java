package io.github.s3lite.client;

import java.time.Instant;

/** One entry of a ListObjectsV2 page. */
public record S3ObjectSummary(String key, long size, String eTag, Instant lastModified, String storageClass) {
}
