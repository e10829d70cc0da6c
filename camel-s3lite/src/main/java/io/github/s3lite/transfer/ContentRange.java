package io.github.s3lite.transfer;

/** Parses a {@code Content-Range: bytes START-END/TOTAL} header ({@code TOTAL} may be {@code *}). */
final class ContentRange {
    private ContentRange() {
    }

    /** {@code {start, end, total}} with total -1 for {@code *}; null when absent or malformed. */
    static long[] parse(String header) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.startsWith("bytes ")) {
            return null;
        }
        h = h.substring(6).trim();
        int dash = h.indexOf('-');
        int slash = h.indexOf('/');
        if (dash <= 0 || slash < dash) {
            return null;
        }
        try {
            long start = Long.parseLong(h.substring(0, dash).trim());
            long end = Long.parseLong(h.substring(dash + 1, slash).trim());
            String t = h.substring(slash + 1).trim();
            long total = t.equals("*") ? -1 : Long.parseLong(t);
            return start < 0 || end < start ? null : new long[] {start, end, total};
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
