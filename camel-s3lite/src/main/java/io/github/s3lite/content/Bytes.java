package io.github.s3lite.content;

/** Byte comparisons on a content head, shared by the signature and text rules. */
final class Bytes {

    private Bytes() {
    }

    static boolean startsWith(byte[] h, int off, int... sig) {
        if (off + sig.length > h.length) {
            return false;
        }
        for (int i = 0; i < sig.length; i++) {
            if ((h[off + i] & 0xFF) != sig[i]) {
                return false;
            }
        }
        return true;
    }

    static boolean ascii(byte[] h, int off, String s) {
        if (off < 0 || off + s.length() > h.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if ((h[off + i] & 0xFF) != s.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    static boolean asciiIgnoreCase(byte[] h, int off, String s) {
        if (off < 0 || off + s.length() > h.length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            int c = h[off + i] & 0xFF;
            if (Character.toLowerCase(c) != Character.toLowerCase(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static int indexOf(byte[] h, String s, int limit) {
        return indexOf(h, s, 0, Math.min(limit, h.length));
    }

    static int indexOf(byte[] h, String s, int from, int to) {
        for (int i = from; i + s.length() <= to; i++) {
            if (ascii(h, i, s)) {
                return i;
            }
        }
        return -1;
    }
}
