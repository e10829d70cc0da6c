package io.github.s3lite.client;

import java.util.List;

/** One ListObjectsV2 page; {@code nextContinuationToken} is null on the last page. */
public record ListPage(List<S3ObjectSummary> objects, List<String> commonPrefixes, String nextContinuationToken,
        boolean truncated) {
}
