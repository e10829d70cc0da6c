package io.github.s3lite.client;

import java.time.Instant;

public record CopyResult(String eTag, Instant lastModified, String versionId) {
}
