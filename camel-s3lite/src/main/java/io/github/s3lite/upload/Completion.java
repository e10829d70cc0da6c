package io.github.s3lite.upload;

import java.util.List;
import java.util.function.Supplier;

import io.github.s3lite.client.ETags;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.PutResult;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.client.StorageInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Completes one multipart upload, idempotently. A completion whose answer is lost (timeout, reset, a 500 or a
 * bogus 200 after the server committed) is ambiguous; it is resolved here rather than by uploading again:
 * <ol>
 * <li>Complete is retried with the same upload id (at most {@value #ATTEMPTS} attempts in all) while the upload
 * still exists;</li>
 * <li>once the server no longer knows the upload (404 NoSuchUpload; Ceph RGW answers 500 InternalError, so a
 * transient failure is followed by ListParts to tell), the object at the key decides: if its ETag is the one these
 * parts make ({@link MultipartETag}), or it reports the composite checksum they make ({@link MultipartChecksum}:
 * part ETags that are not MD5s), the upload was completed and this is a success;</li>
 * <li>otherwise, only when the checkpoints are shared with other nodes, up to 30 s for that object to appear (or,
 * for a file whose parts name neither, another node's {@code done} mark); then the failure stands (the upload
 * vanished: a retry starts a fresh one).</li>
 * </ol>
 * Permanent errors (400 InvalidPart, 403, 412...) are never retried or waited on, except InvalidPart with shared
 * checkpoints, and a 412 to a retry (the condition may fail on the object the first attempt made: checked as in 2) (another node may be rewriting a part of the joined upload at that moment). A blank ETag in the
 * answer (Ceph RGW 16) is learned with a HEAD; {@code done} is never recorded with a blank ETag.
 */
final class Completion {
    private static final Logger LOG = LoggerFactory.getLogger(Completion.class);
    static final int ATTEMPTS = 3;

    private final S3LiteClient client;
    private final MultipartServer server;
    private final CheckpointProtocol checkpoints;
    private final long retryDelayMillis;
    private final boolean doneMarkVouches;

    /**
     * @param doneMarkVouches whether a {@code done} mark of this source's identity vouches for the content (a file:
     *        size, mtime, fingerprint); false for a stream, whose identity does not, so only the object's ETag or
     *        composite checksum computed from these parts recognises it
     */
    Completion(S3LiteClient client, MultipartServer server, CheckpointProtocol checkpoints, long retryDelayMillis,
            boolean doneMarkVouches) {
        this.client = client;
        this.server = server;
        this.checkpoints = checkpoints;
        this.retryDelayMillis = retryDelayMillis;
        this.doneMarkVouches = doneMarkVouches;
    }

    /** The result of completing {@code uploadId} from {@code parts} (sorted by number), or the failure that stands. */
    UploadResult complete(String bucket, String key, String uploadId, List<PartInfo> parts, int resumed, String ifMatch,
            String ifNoneMatch) {
        String expected = checkpoints.completing(parts);
        String composite = MultipartChecksum.of(parts);
        S3Exception last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            PutResult r;
            try {
                r = client.completeMultipartUpload(bucket, key, uploadId, parts, ifMatch, ifNoneMatch);
            } catch (S3Exception e) {
                last = e;
                boolean gone = e instanceof S3NotFoundException;
                boolean racing = "InvalidPart".equals(e.getErrorCode()) && checkpoints.shared();
                if (e instanceof S3PreconditionFailedException && attempt > 1) {
                    // a retry after an ambiguous attempt: the object that now fails the condition may be this one
                    UploadResult done = completedElsewhere(bucket, key, uploadId, expected, composite, parts, resumed);
                    if (done != null) {
                        return done;
                    }
                    throw e;
                }
                if (!gone && !racing && !e.isTransient()) {
                    throw e;
                }
                if (gone || racing || uploadGone(bucket, key, uploadId)) {
                    UploadResult done = completedElsewhere(bucket, key, uploadId, expected, composite, parts, resumed);
                    if (done != null) {
                        return done;
                    }
                    if (gone || !racing) {
                        // the server no longer knows the upload and the object is not made of its parts
                        throw e instanceof S3NotFoundException ? e
                                : new S3NotFoundException(e.getMessage() + "; ListParts: no such upload", 404,
                                        "NoSuchUpload", e.getRequestId());
                    }
                    throw e;
                }
                LOG.info("CompleteMultipartUpload of upload {} of {}/{} failed ({}), the upload still exists: attempt {} of {}",
                        uploadId, bucket, key, e.getMessage(), attempt, ATTEMPTS);
                pause(attempt);
                continue;
            }
            String eTag = r.eTag();
            String versionId = r.versionId();
            StorageInfo storage = r.storage();
            if (eTag == null) {
                // the store did not say (Ceph RGW 16 answers <ETag></ETag>): ask the object itself
                ObjectInfo head = server.head(bucket, key);
                if (head != null) {
                    eTag = blankToNull(head.eTag());
                    versionId = versionId != null ? versionId : head.versionId();
                    storage = storage.equals(StorageInfo.NONE) ? head.storage() : storage;
                }
            }
            checkpoints.completed(uploadId, eTag, expected, parts);
            return new UploadResult(eTag, versionId, uploadId, parts.size(), resumed, false, storage);
        }
        throw last;
    }

    /** Whether the server has forgotten the upload (completed or aborted): ListParts answers not found. */
    private boolean uploadGone(String bucket, String key, String uploadId) {
        try {
            server.parts(bucket, key, uploadId);
            return false;
        } catch (S3NotFoundException e) {
            return true;
        } catch (S3Exception e) {
            return false; // cannot tell: treat as still there (Complete is retried, or the failure stands)
        }
    }

    /** The upload is gone: the object made of these parts is there (completed by us or another node), or null. */
    private UploadResult completedElsewhere(String bucket, String key, String uploadId, String expected,
            String composite, List<PartInfo> parts, int resumed) {
        UploadResult mine = checkpoints.objectMadeOf(expected, composite);
        if (mine == null && checkpoints.shared()) {
            // another node sharing the checkpoints may be completing this very upload: wait for its object (or,
            // where these parts cannot name it, for a file, its done mark)
            if (expected != null || composite != null) {
                mine = poll(150, () -> checkpoints.objectMadeOf(expected, composite));
            } else if (doneMarkVouches) {
                mine = poll(150, checkpoints::alreadyUploaded);
                if (mine != null) {
                    return mine;
                }
            }
        }
        if (mine == null) {
            return null;
        }
        LOG.info("Upload {} of {}/{} is complete: the object has the ETag its {} parts make ({})", uploadId, bucket, key,
                parts.size(), mine.eTag());
        checkpoints.completed(uploadId, mine.eTag(), expected, parts);
        return new UploadResult(mine.eTag(), mine.versionId(), uploadId, parts.size(), resumed, false, mine.storage());
    }

    private void pause(int attempt) {
        try {
            Thread.sleep(retryDelayMillis * attempt);
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
            throw new S3TransientException("Interrupted while completing an upload", 0, null, null, ie);
        }
    }

    /** Asks {@code check} every 200 ms, at most {@code attempts} times: its first non-null answer, else null. */
    static <T> T poll(int attempts, Supplier<T> check) {
        for (int i = 0; i < attempts; i++) {
            T answer = check.get();
            if (answer != null) {
                return answer;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
                return null;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return ETags.isBlank(s) ? null : s;
    }
}
