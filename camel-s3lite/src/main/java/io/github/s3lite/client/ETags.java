package io.github.s3lite.client;

/**
 * How an ETag is read, in one place: stores send it quoted ({@code "9b2c...-3"}), some with a weak prefix
 * ({@code W/"..."}), Ceph RGW 16 at times empty; the value compared, checkpointed and reported to the log is the bare
 * one.
 */
public final class ETags {

    private ETags() {
    }

    /** The ETag without surrounding blanks, weak prefix and quotes; "" for null. */
    public static String bare(String eTag) {
        if (eTag == null) {
            return "";
        }
        String e = eTag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        if (e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"")) {
            e = e.substring(1, e.length() - 1);
        }
        return e;
    }

    /** True when there is no ETag: null, blank or {@code ""}. */
    public static boolean isBlank(String eTag) {
        return bare(eTag).isBlank();
    }

    /** Both ETags present and equal once bare. */
    public static boolean same(String a, String b) {
        String x = bare(a);
        return !x.isEmpty() && x.equals(bare(b));
    }

    /** The ETag is 32 hex digits: the MD5 of a single PUT's or a part's bytes (unless the object is encrypted). */
    public static boolean isMd5Hex(String eTag) {
        String e = bare(eTag);
        return e.length() == 32 && e.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }
}
