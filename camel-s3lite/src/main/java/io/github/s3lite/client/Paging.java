package io.github.s3lite.client;

import java.util.HashSet;
import java.util.Set;

/**
 * Makes a paged listing terminate: a continuation token or marker the server already gave is an error (the
 * listing would loop), and so is a page beyond the bound. One instance per listing call (not thread-safe).
 */
public final class Paging {
    private final String what;
    private final int maxPages;
    private final Set<String> seen = new HashSet<>();
    private int pages;

    /** {@code what} names the listing in messages; {@code maxPages} bounds the pages (at least 1). */
    public Paging(String what, int maxPages) {
        this.what = what;
        this.maxPages = Math.max(1, maxPages);
    }

    /** Call before requesting each page. */
    public void page() {
        if (++pages > maxPages) {
            throw new S3Exception("S3 " + LogText.of(what) + ": more than " + maxPages
                    + " pages in one listing; refused (raise maxPages if the store really holds that many)");
        }
    }

    /** Call with the token or marker of the next page (null on the last page). */
    public void next(String token) {
        if (token != null && !seen.add(token)) {
            throw new S3Exception("S3 " + LogText.of(what) + " answered the continuation token or marker '"
                    + LogText.of(token, 128) + "' a second time: the listing does not advance (a store bug); refused");
        }
    }

    public int pages() {
        return pages;
    }
}
