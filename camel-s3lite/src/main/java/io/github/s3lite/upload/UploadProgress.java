package io.github.s3lite.upload;

/** Told after each part; {@code totalBytes} is -1 for a stream of unknown length. */
@FunctionalInterface
public interface UploadProgress {
    void onPart(String key, long bytesDone, long totalBytes, int partsDone, int partsTotal);

    UploadProgress NONE = (k, b, t, p, pt) -> {
    };
}
