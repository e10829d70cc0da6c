package io.github.s3lite.client;

import java.util.List;

/** Outcome of a batch delete: keys deleted and per-key errors. */
public record DeleteObjectsResult(List<String> deleted, List<Error> errors) {
    public record Error(String key, String code, String message) {
    }
}
