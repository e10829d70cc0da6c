package io.github.s3lite.upload;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.github.s3lite.client.ETags;
import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.S3NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoint rules of one upload (one source to one bucket/key): every {@link CheckpointStore} read and write
 * of the uploader happens here, with the keys of {@link CheckpointKeys}. Facts the store cannot list are rebuilt
 * from what the {@link MultipartServer} lists.
 * <p>
 * Rules:
 * <ul>
 * <li>an object whose ETag a {@code done} key of this source names is already uploaded;</li>
 * <li>an in-progress upload of the key with a {@code src} key of this source is resumed (the smallest id when
 * there are several); one with only an {@code mpu} key carries a changed source: it is aborted;</li>
 * <li>a part is reused only when the server lists it and its {@code part} key (same number and ETag) is held;</li>
 * <li>{@code src} is recorded before {@code mpu}, and {@code mpu} removed before {@code src}: a node that sees
 * {@code mpu} without {@code src} may take the upload for a stale one of another source;</li>
 * <li>the {@code lead} key is held while one node creates the upload of this source.</li>
 * </ul>
 * Look-ups that could only confirm a key the store knows it does not hold are skipped ({@link #mayBeDone()},
 * {@link #mayHaveUpload()}): with the endpoint's private in-memory default a first attempt sends no HEAD and no
 * ListMultipartUploads.
 * <p>
 * Size: every checkpoint key the uploader reads or writes is in this one class (that is its job), and the ordering
 * rules above hold only when read together.
 */
public final class CheckpointProtocol {

    private static final Logger LOG = LoggerFactory.getLogger(CheckpointProtocol.class);

    /** An upload to resume and the parts the server holds for it. */
    public record Resumable(String uploadId, Map<Integer, PartInfo> parts) {
    }

    private final CheckpointStore store;
    private final MultipartServer server;
    private final String bucket;
    private final String key;
    private final String target;
    private final String sourceId;
    private final Duration staleUploadAge;
    private final Clock clock;
    private final long partSize;

    /**
     * @param sourceIdentity what identifies the content ({@link UploadSource#identity()})
     * @param partSize the part size of this upload (a changed part size is another source)
     * @param staleUploadAge an upload of this key from another source is aborted only when initiated longer ago
     */
    public CheckpointProtocol(CheckpointStore store, MultipartServer server, String bucket, String key,
            String sourceIdentity, long partSize, Duration staleUploadAge) {
        this(store, server, bucket, key, sourceIdentity, partSize, staleUploadAge, Clock.systemUTC());
    }

    CheckpointProtocol(CheckpointStore store, MultipartServer server, String bucket, String key,
            String sourceIdentity, long partSize, Duration staleUploadAge, Clock clock) {
        this.staleUploadAge = staleUploadAge;
        this.clock = clock;
        this.partSize = partSize;
        this.store = store == null ? CheckpointStore.NONE : store;
        this.server = server;
        this.bucket = bucket;
        this.key = key;
        this.target = CheckpointKeys.target(bucket, key);
        this.sourceId = CheckpointKeys.id(bucket + "\n" + key + "\n" + sourceIdentity + "\n" + partSize);
    }

    /** The part size of this upload. */
    long partSize() {
        return partSize;
    }

    /** False when checkpoints are off ({@link CheckpointStore#NONE}): nothing is remembered or looked up. */
    public boolean enabled() {
        return store != CheckpointStore.NONE;
    }

    /**
     * Whether a {@code done} key of this source may exist: false only for a store that knows it never held one
     * (a private store, see {@link CheckpointStore#mayHold}), where {@link #alreadyUploaded()} could only answer null.
     */
    public boolean mayBeDone() {
        return enabled() && store.mayHold(KeyPrefixIndex.done(sourceId));
    }

    /**
     * Whether the server may hold an upload this protocol would act on: one of this source ({@code src} key) to
     * resume, or s3lite's upload of this key from another source ({@code mpu} key) to abort once stale. False
     * only for a store that knows it never held such a key; then {@link #resumable} could only answer null and
     * ListMultipartUploads is not needed.
     */
    public boolean mayHaveUpload() {
        return enabled() && (store.mayHold(KeyPrefixIndex.src(sourceId)) || store.mayHold(KeyPrefixIndex.mpu(target)));
    }

    /** The object exists with an ETag that a {@code done} key of this source names; else null. */
    public UploadResult alreadyUploaded() {
        if (!mayBeDone()) {
            return null;
        }
        return alreadyUploaded(server.head(bucket, key));
    }

    /**
     * {@link #alreadyUploaded()} with the HEAD of the key already made (null: no object). For a file the identity
     * (size, mtime, fingerprint) vouches for the content; a stream's identity does not, so the uploader uses
     * {@link #doneObject(ObjectInfo)} and compares the stream's bytes first.
     */
    public UploadResult alreadyUploaded(ObjectInfo head) {
        ObjectInfo done = doneObject(head);
        if (done == null) {
            return null;
        }
        LOG.info("{}/{} already holds this source (ETag {}): nothing to send", bucket, key, done.eTag());
        return new UploadResult(done.eTag(), done.versionId(), null, 0, 0, true, done.storage());
    }

    /** {@code head} (the HEAD of the key, null: no object) when a {@code done} key of this source names its ETag. */
    public ObjectInfo doneObject(ObjectInfo head) {
        return enabled() && head != null && holdsDone(head.eTag()) ? head : null;
    }

    /** The object at the key when a {@code done} key of this source may exist and names its ETag; else null. */
    public ObjectInfo doneObject() {
        return mayBeDone() ? doneObject(server.head(bucket, key)) : null;
    }

    /**
     * The in-progress upload of this source, if the server lists one. Uploads s3lite started for this key from
     * another source initiated longer ago than {@code staleUploadAge} are stale (the source changed, or its writer
     * died): they are aborted and their keys removed. Younger ones may be another writer's live upload of this key
     * and are left alone (the later completion wins, as with any two writes of one key).
     */
    public String findResumable() {
        if (!enabled()) {
            return null;
        }
        return findResumable(server.uploads(bucket, key));
    }

    /** {@link #findResumable()} on uploads of the key already listed. */
    String findResumable(List<MultipartUploadInfo> uploads) {
        if (!enabled()) {
            return null;
        }
        String found = null;
        for (MultipartUploadInfo u : uploads) {
            if (holdsSrc(u.uploadId())) {
                // several uploads of this source (a race between nodes): all converge on the smallest id
                if (found == null || u.uploadId().compareTo(found) < 0) {
                    found = u.uploadId();
                }
            } else if (holdsMpu(u.uploadId())) {
                if (!stale(u)) {
                    LOG.debug("Upload {} of {}/{} carries another source and was initiated {}: left alone (younger than "
                            + "staleUploadAge {})", u.uploadId(), bucket, key, u.initiated(), staleUploadAge);
                    continue;
                }
                LOG.info("Aborting stale upload {} of {}/{} (initiated {}): its source changed", u.uploadId(), bucket, key,
                        u.initiated());
                List<PartInfo> parts = List.of();
                try {
                    parts = server.parts(bucket, key, u.uploadId());
                    server.abort(bucket, key, u.uploadId());
                } catch (S3NotFoundException e) {
                    // gone already
                }
                remove(null, u.uploadId(), parts);
            }
        }
        return found;
    }

    private boolean holdsDone(String eTag) {
        String k = CheckpointKeys.done(sourceId, eTag);
        return store.contains(k) || holdsLegacy(k, CheckpointKeys.legacy("done", sourceId, null, 0, eTag));
    }

    private boolean holdsSrc(String uploadId) {
        String k = CheckpointKeys.src(sourceId, uploadId);
        return store.contains(k) || holdsLegacy(k, CheckpointKeys.legacy("src", sourceId, uploadId, 0, null));
    }

    private boolean holdsMpu(String uploadId) {
        String k = CheckpointKeys.mpu(target, uploadId);
        return store.contains(k) || holdsLegacy(k, CheckpointKeys.legacy("mpu", target, uploadId, 0, null));
    }

    /** A key written before long ids were hashed (only asked when it differs from today's form). */
    private boolean holdsLegacy(String key, String legacy) {
        return !legacy.equals(key) && store.contains(legacy);
    }

    private boolean stale(MultipartUploadInfo u) {
        return u.initiated() != null && u.initiated().isBefore(clock.instant().minus(staleUploadAge));
    }

    /** {@link #findResumable()} with the parts the server holds; null when there is none or it vanished meanwhile. */
    public Resumable resumable() {
        return mayHaveUpload() ? resumable(server.uploads(bucket, key)) : null;
    }

    /** {@link #resumable()} on uploads of the key already listed (ListMultipartUploads made in parallel). */
    public Resumable resumable(List<MultipartUploadInfo> uploads) {
        String uploadId = findResumable(uploads);
        if (uploadId == null) {
            return null;
        }
        try {
            return new Resumable(uploadId, partsOf(uploadId));
        } catch (S3NotFoundException e) {
            LOG.info("Checkpointed upload {} of {}/{} no longer exists ({}): starting over", uploadId, bucket, key,
                    e.getErrorCode());
            forget(uploadId, List.of());
            return null;
        }
    }

    /** The parts the server holds for an upload, by number. */
    public Map<Integer, PartInfo> partsOf(String uploadId) {
        return server.parts(bucket, key, uploadId).stream()
                .collect(Collectors.toMap(PartInfo::partNumber, Function.identity(), (a, b) -> b));
    }

    /**
     * Takes the {@code lead} key of this source: true when this node is the one to create the upload. With
     * checkpoints off there is nobody to share with, so always true.
     */
    public boolean lead() {
        return store.add(CheckpointKeys.lead(sourceId));
    }

    /** Gives the {@code lead} key back (also one left by a node that crashed while leading). */
    public void releaseLead() {
        store.remove(CheckpointKeys.lead(sourceId));
    }

    /** A new upload of this source was created: {@code src}, then {@code mpu}. */
    public void started(String uploadId) {
        store.record(CheckpointKeys.src(sourceId, uploadId));
        store.record(CheckpointKeys.mpu(target, uploadId));
    }

    /**
     * Two nodes sharing the checkpoint repository can start an upload of the same source at the same moment.
     * Each lists the uploads that carry this source and keeps the smallest upload id; a node whose own upload
     * lost aborts it and joins the winner (parts are the same bytes at the same numbers, so joining is safe).
     */
    public String converge(String mine) {
        if (!enabled()) {
            return mine;
        }
        return converge(mine, false);
    }

    /**
     * {@link #converge(String)}, skipped when this node {@code leading} with a private store: then the only other
     * creator of this source's upload can be an exchange of this JVM that did not get the lead, and that one
     * converges itself (onto this upload when its id is smaller; otherwise both uploads carry the same bytes and
     * the later completion is the object, as before this shortcut, since that exchange creates its upload only
     * after this one's converge had run). So one ListMultipartUploads less before the first part. With a shared
     * store every creator converges.
     */
    public String converge(String mine, boolean leading) {
        if (!enabled() || (leading && !store.shared())) {
            return mine;
        }
        return convergeOnSmallest(mine);
    }

    private String convergeOnSmallest(String mine) {
        String winner = mine;
        for (MultipartUploadInfo u : server.uploads(bucket, key)) {
            if (u.uploadId().compareTo(winner) < 0 && holdsSrc(u.uploadId())) {
                winner = u.uploadId();
            }
        }
        if (!winner.equals(mine)) {
            LOG.info("Another node is uploading the same source to {}/{} (upload {}): joining it", bucket, key, winner);
            server.abort(bucket, key, mine);
            forget(mine, List.of());
        }
        return winner;
    }

    /** A part the server lists is reusable only if its checkpoint (same number and ETag) is held. */
    public boolean partConfirmed(String uploadId, PartInfo part) {
        String k = CheckpointKeys.part(uploadId, part.partNumber(), part.eTag());
        return store.contains(k) || holdsLegacy(k, CheckpointKeys.legacy("part", null, uploadId, part.partNumber(), part.eTag()));
    }

    /** The server acknowledged a part. */
    public void partUploaded(String uploadId, PartInfo part) {
        store.record(CheckpointKeys.part(uploadId, part.partNumber(), part.eTag()));
    }

    /**
     * Just before CompleteMultipartUpload: records {@code done} with the ETag the completed object will have (see
     * {@link MultipartETag}), so that a completion whose answer is lost, or a crash right after it, is recognised
     * by any later attempt as "already uploaded" instead of uploading everything again. The key only ever matches
     * an object made of exactly these parts. Returns that ETag, or null when it cannot be known.
     */
    public String completing(List<PartInfo> parts) {
        String expected = MultipartETag.of(parts);
        if (expected != null) {
            store.record(CheckpointKeys.done(sourceId, expected));
        }
        return expected;
    }

    /**
     * The object at the key is the one these parts make: its ETag is {@code expected} (see {@link MultipartETag}), or
     * it reports the composite checksum {@code composite} (see {@link MultipartChecksum}; asked with checksum mode
     * only then): the upload was completed (by this node or another). Null when neither can be told or neither holds.
     */
    public UploadResult objectMadeOf(String expected, String composite) {
        if (expected == null && composite == null) {
            return null;
        }
        ObjectInfo head = composite != null ? server.headWithChecksums(bucket, key) : server.head(bucket, key);
        if (head == null || !(MultipartETag.same(head.eTag(), expected) || MultipartChecksum.reportedBy(head, composite))) {
            return null;
        }
        return new UploadResult(head.eTag(), head.versionId(), null, 0, 0, false, head.storage());
    }

    /**
     * The upload was completed into the object with this ETag: {@code done} is recorded (unless
     * {@link #completing} already recorded that ETag; never a blank one), then every key of the upload goes in one
     * {@link CheckpointStore#removeAll} pass. A crash at any point is safe: before {@code done} exists the upload
     * is resumed (every part reused) or recognised by its expected ETag; after it, the keys left behind are inert
     * (they name an upload id the server no longer lists) and only cost space.
     */
    public void completed(String uploadId, String eTag, String expected, List<PartInfo> parts) {
        if (eTag != null && !ETags.isBlank(eTag) && !MultipartETag.same(eTag, expected)) {
            store.record(CheckpointKeys.done(sourceId, eTag));
        }
        List<String> keys = new ArrayList<>(parts.size() + 3);
        keys.add(CheckpointKeys.mpu(target, uploadId)); // mpu before src, as everywhere
        keys.add(CheckpointKeys.src(sourceId, uploadId));
        for (PartInfo p : parts) {
            keys.add(CheckpointKeys.part(uploadId, p.partNumber(), p.eTag()));
        }
        keys.add(CheckpointKeys.lead(sourceId)); // also one left by a node that crashed while leading
        store.removeAll(keys);
    }

    /** Whether other nodes may share these checkpoints (only then is waiting for another node's result useful). */
    public boolean shared() {
        return enabled() && store.shared();
    }

    /** The upload is gone (aborted, vanished, joined another): its keys go. */
    public void forget(String uploadId, List<PartInfo> parts) {
        remove(sourceId, uploadId, parts);
    }

    /**
     * Keys an abort by {@code abortStaleUploads} made useless: the upload's {@code mpu} and {@code part} keys go in
     * one pass. Its {@code src} key names the source, which the server cannot tell, so it stays (an inert key of
     * at most 84 characters per aborted upload).
     */
    public static void aborted(CheckpointStore store, String bucket, String key, String uploadId, List<PartInfo> parts) {
        if (store == null || store == CheckpointStore.NONE) {
            return;
        }
        List<String> keys = new ArrayList<>(parts.size() + 1);
        keys.add(CheckpointKeys.mpu(CheckpointKeys.target(bucket, key), uploadId));
        for (PartInfo p : parts) {
            keys.add(CheckpointKeys.part(uploadId, p.partNumber(), p.eTag()));
        }
        store.removeAll(keys);
    }

    private void remove(String source, String uploadId, List<PartInfo> parts) {
        for (PartInfo p : parts) {
            store.remove(CheckpointKeys.part(uploadId, p.partNumber(), p.eTag()));
        }
        store.remove(CheckpointKeys.mpu(target, uploadId)); // mpu before src, for the same reason
        if (source != null) {
            store.remove(CheckpointKeys.src(source, uploadId));
        }
    }
}
