package io.github.s3lite.upload;

import io.github.s3lite.metrics.TransferProgress;

/**
 * Told by a {@link MultipartUploader} as it goes: once when the parts begin, then after each part sent;
 * {@code totalBytes} is -1 for a stream of unknown length, {@code partsTotal} then -1 too. Calls come from the part
 * threads one at a time, in increasing bytes.
 */
@FunctionalInterface
public interface UploadProgress {
    /** After each part sent and acknowledged; {@code bytesDone} counts the parts reused from the server too. */
    void onPart(String key, long bytesDone, long totalBytes, int partsDone, int partsTotal);

    /** Before the first part (parts a resumed upload reuses are counted in the {@link #onPart} events). */
    default void onStart(String key, long totalBytes, int partsTotal) {
    }

    UploadProgress NONE = (k, b, t, p, pt) -> {
    };

    /** Tells {@code progress} (its listener and the progress log). */
    static UploadProgress of(TransferProgress progress) {
        return new UploadProgress() {
            @Override
            public void onStart(String key, long totalBytes, int partsTotal) {
                progress.started(totalBytes, partsTotal, 0, 0);
            }

            @Override
            public void onPart(String key, long bytesDone, long totalBytes, int partsDone, int partsTotal) {
                progress.reached(bytesDone, partsDone); // the totals are those of onStart
            }
        };
    }
}
