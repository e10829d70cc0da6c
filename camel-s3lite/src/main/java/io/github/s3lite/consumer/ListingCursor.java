package io.github.s3lite.consumer;

import io.github.s3lite.client.ListPage;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.Paging;
import io.github.s3lite.client.S3Exception;
import io.github.s3lite.client.S3ObjectSummary;

/**
 * Where the consumer's listing (ListObjectsV2) stands across polls. Each poll continues where the previous one
 * stopped (the continuation token of the current page is kept); when a pass reaches the last page the next pass
 * starts from the beginning, so objects beyond the first page are not starved. A poll that started in the middle of
 * a pass may wrap around to the first page once.
 *
 * <p>Bounds against a store that pages forever: a continuation token seen a second time in one pass is an
 * {@link S3Exception} (the next poll starts a new pass), and one poll lists at most the client's
 * {@code maxPages} pages, then the next poll goes on from there.
 */
public final class ListingCursor {

    private final S3LiteClient client;
    private final String bucket;
    private final String prefix;
    private final String delimiter;
    private final boolean includeFolders;
    private final String skipPrefix;

    /** Continuation token of the page the next poll lists first; null = first page of a new pass. */
    private volatile String pageToken;
    private volatile long passes;
    private long listedInPass;
    private volatile long mostInOnePass;
    private boolean startedMidPass;
    private boolean wrapped;
    /** Tokens of the current pass: a repeated one is an error ({@link Paging}); a fresh instance per pass. */
    private Paging pass;
    private final int maxPagesPerPoll;
    private int pagesThisPoll;

    /** {@code skipPrefix}: listed keys starting with it are not delivered (null: none skipped). */
    public ListingCursor(S3LiteClient client, String bucket, String prefix, String delimiter, boolean includeFolders,
            String skipPrefix) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.delimiter = delimiter;
        this.includeFolders = includeFolders;
        this.skipPrefix = skipPrefix == null || skipPrefix.isEmpty() ? null : skipPrefix;
        this.maxPagesPerPoll = client.config().maxPages();
        this.pass = newPass();
    }

    private Paging newPass() {
        // the page bound applies per poll (below), not per pass: a pass over a large bucket spans polls
        return new Paging("ListObjectsV2 of bucket " + bucket, Integer.MAX_VALUE);
    }

    /** Called at the start of each poll. */
    public void beginPoll() {
        startedMidPass = pageToken != null;
        wrapped = false;
        pagesThisPoll = 0;
    }

    /** Lists the current page (again, if the previous poll stopped inside it). */
    public ListPage list() {
        return client.listObjects(bucket, prefix, delimiter, pageToken, 0, null);
    }

    /**
     * Whether a listed entry is delivered at all: keys ending in '/' ("folders") only with includeFolders, keys
     * under the skip prefix (the destination of moveAfterRead in the same bucket) never.
     */
    public boolean deliverable(S3ObjectSummary s) {
        return (includeFolders || !s.key().endsWith("/")) && (skipPrefix == null || !s.key().startsWith(skipPrefix));
    }

    /**
     * Moves past a page whose entries were all looked at. True when the poll may list the next page: there is one,
     * or the pass ended and this poll started mid-pass and has not wrapped yet.
     */
    public boolean advance(ListPage page) {
        listedInPass += page.objects().size();
        mostInOnePass = Math.max(mostInOnePass, listedInPass);
        pagesThisPoll++;
        pageToken = page.truncated() ? page.nextContinuationToken() : null;
        if (pageToken != null) {
            try {
                pass.next(pageToken);
            } catch (S3Exception loop) {
                restart(); // the next poll starts a new pass
                throw loop;
            }
            return pagesThisPoll < maxPagesPerPoll; // else the next poll goes on from this token
        }
        passes++;
        listedInPass = 0;
        pass = newPass();
        if (startedMidPass && !wrapped) {
            wrapped = true; // room left: look at the start of the bucket again, once
            return true;
        }
        return false;
    }

    /** The next poll starts a new pass (after an error: the token may be the problem). */
    public void restart() {
        pageToken = null;
        listedInPass = 0;
        pass = newPass();
    }

    /** The most objects one pass has listed so far (the current pass counted up to its last page passed). */
    public long mostInOnePass() {
        return mostInOnePass;
    }

    /** Listing passes completed so far. */
    public long passes() {
        return passes;
    }
}
