package io.github.s3lite.upload;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;

import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.ObjectWriteOptions;

/**
 * What a multipart upload must know before CreateMultipartUpload, with as few serial round trips as the
 * checkpoint rules allow: is this source already uploaded (HEAD + {@code done} key), do the write conditions hold
 * (the same HEAD), is there an upload to resume (ListMultipartUploads + {@code src} keys).
 * <ul>
 * <li>a look-up the checkpoint store can answer alone is not sent: with a store that knows it holds no {@code done}
 * key of the source there is no HEAD (unless a write condition needs it), and with one that knows it holds no
 * {@code src} or {@code mpu} key of the source or key there is no listing (the endpoint's private in-memory
 * default on a first attempt: none of the two);</li>
 * <li>the HEAD and the listing are independent reads, so when both are needed they run at the same time;</li>
 * <li>only reads run early: the listing's consequences (aborting a stale upload of another source) are drawn after
 * the HEAD's, in the order the rules had before, so an already uploaded source or a refused condition still
 * changes nothing on the server.</li>
 * </ul>
 */
final class Preflight {

    /** Either the source is already uploaded, or the upload to resume (null: create one). */
    record Outcome(UploadResult alreadyUploaded, CheckpointProtocol.Resumable resumable) {
    }

    private Preflight() {
    }

    /**
     * @param recognise turns the HEAD of the key (null: no object) into the result of a source already uploaded, or
     *        null (a file: {@link CheckpointProtocol#alreadyUploaded(ObjectInfo)}; a stream also compares its bytes)
     */
    static Outcome run(MultipartServer server, Executor executor, CheckpointProtocol checkpoints, String bucket,
            String key, ObjectWriteOptions options, Function<ObjectInfo, UploadResult> recognise) {
        boolean forDone = checkpoints.mayBeDone();
        boolean head = forDone || WriteConditions.present(options);
        CompletableFuture<List<MultipartUploadInfo>> listing = null;
        if (checkpoints.mayHaveUpload()) {
            listing = head ? startListing(server, executor, bucket, key)
                    : CompletableFuture.completedFuture(server.uploads(bucket, key));
        }
        try {
            if (head) {
                ObjectInfo object = server.head(bucket, key);
                UploadResult done = forDone ? recognise.apply(object) : null;
                if (done != null) {
                    return new Outcome(done, null);
                }
                // stores that ignore conditions on CompleteMultipartUpload (S3Proxy 4.1, Ceph RGW 16) are checked here too
                WriteConditions.check(object, bucket, key, options);
            }
            return new Outcome(null, listing == null ? null : checkpoints.resumable(join(listing)));
        } finally {
            if (listing != null && !listing.isDone()) {
                // a HEAD that failed or decided: no request of this attempt outlives it
                try {
                    listing.join();
                } catch (RuntimeException ignored) {
                    // its answer is not needed any more
                }
            }
        }
    }

    private static CompletableFuture<List<MultipartUploadInfo>> startListing(MultipartServer server, Executor executor,
            String bucket, String key) {
        try {
            return CompletableFuture.supplyAsync(() -> server.uploads(bucket, key), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.completedFuture(server.uploads(bucket, key));
        }
    }

    private static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }
}
