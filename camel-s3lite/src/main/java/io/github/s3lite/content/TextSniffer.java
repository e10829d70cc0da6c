package io.github.s3lite.content;

import static io.github.s3lite.content.Bytes.ascii;
import static io.github.s3lite.content.Bytes.asciiIgnoreCase;
import static io.github.s3lite.content.Bytes.indexOf;
import static io.github.s3lite.content.Bytes.startsWith;

/** Text rules: the UTF-8/UTF-16 check, markup (HTML, XML, SVG, JSON) and whether text fits a textual name. */
final class TextSniffer {

    private TextSniffer() {
    }

    static boolean isUtf16Bom(byte[] h) {
        int b0 = h[0] & 0xFF;
        int b1 = h[1] & 0xFF;
        return (b0 == 0xFE && b1 == 0xFF) || (b0 == 0xFF && b1 == 0xFE);
    }

    /**
     * "utf-8" when the head is UTF-8 text (optional BOM; a character cut at the very end is tolerated) with no
     * control characters other than TAB, LF, CR, FF; "utf-16" for a UTF-16 BOM; null otherwise.
     */
    static String textCharset(byte[] h) {
        int n = h.length;
        if (n >= 2 && isUtf16Bom(h)) {
            // FF FE 00 00 is the UTF-32LE BOM
            boolean utf32 = n >= 4 && (h[0] & 0xFF) == 0xFF && h[2] == 0 && h[3] == 0;
            return utf32 ? null : "utf-16";
        }
        int i = startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0;
        while (i < n) {
            int b = h[i] & 0xFF;
            if (b < 0x80) {
                if ((b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') || b == 0x7F) {
                    return null;
                }
                i++;
                continue;
            }
            int need;
            int lo = 0x80;
            int hi = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                need = 1;
                if (b == 0xC2) {
                    lo = 0xA0; // U+0080..U+009F are C1 control characters
                }
            } else if (b >= 0xE0 && b <= 0xEF) {
                need = 2;
                if (b == 0xE0) {
                    lo = 0xA0; // overlong
                } else if (b == 0xED) {
                    hi = 0x9F; // surrogates
                }
            } else if (b >= 0xF0 && b <= 0xF4) {
                need = 3;
                if (b == 0xF0) {
                    lo = 0x90; // overlong
                } else if (b == 0xF4) {
                    hi = 0x8F; // > U+10FFFF
                }
            } else {
                return null;
            }
            for (int k = 1; k <= need; k++) {
                if (i + k >= n) {
                    return "utf-8"; // the head was cut inside a character: what we saw is valid so far
                }
                int c = h[i + k] & 0xFF;
                if (k == 1 ? (c < lo || c > hi) : (c & 0xC0) != 0x80) {
                    return null;
                }
            }
            i += need + 1;
        }
        return "utf-8";
    }

    /** HTML, XML, SVG and JSON recognition for UTF-8 text. */
    static String markup(byte[] h, ExtensionTable.Entry ext) {
        int p = skipWs(h, startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0);
        if (p >= h.length) {
            return null;
        }
        if (asciiIgnoreCase(h, p, "<!doctype html") || tagAt(h, p, "<html")) {
            return DefaultContentTypeResolver.withCharset("text/html", "utf-8");
        }
        if (ascii(h, p, "<?xml")) {
            if (ext != null && ext.family() == Family.XML) {
                return ext.type();
            }
            if (ext != null && ext.family() == Family.HTML) {
                return DefaultContentTypeResolver.withCharset(ext.type(), "utf-8"); // XHTML served as .html
            }
            return tagAt(h, rootElement(h, p), "<svg") ? "image/svg+xml" : "application/xml";
        }
        if (tagAt(h, p, "<svg")) {
            return "image/svg+xml";
        }
        if (looksLikeJson(h, p)) {
            if (ext != null && (ext.family() == Family.JSON || ext.family() == Family.TEXT)) {
                // JSON is valid content of these (a .txt, .md, .yaml or .ndjson holding JSON): the name is not lying
                return DefaultContentTypeResolver.withCharset(ext.type(), "utf-8");
            }
            return "application/json";
        }
        return null;
    }

    /** Whether text content is plausible for a textual extension; plain prose named .xml or .json is not. */
    static boolean contentFits(byte[] h, Family family) {
        if (family == Family.XML || family == Family.HTML) {
            int p = skipWs(h, startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0);
            return p >= h.length || h[p] == '<';
        }
        if (family == Family.JSON) {
            int p = skipWs(h, startsWith(h, 0, 0xEF, 0xBB, 0xBF) ? 3 : 0);
            return p >= h.length || isJsonValueStart(h, p);
        }
        return true;
    }

    private static boolean looksLikeJson(byte[] h, int p) {
        if (h[p] == '{') {
            int q = skipWs(h, p + 1);
            return q >= h.length || h[q] == '"' || h[q] == '}';
        }
        if (h[p] == '[') {
            int q = skipWs(h, p + 1);
            return q >= h.length || h[q] == ']' || isJsonValueStart(h, q);
        }
        return false;
    }

    private static boolean isJsonValueStart(byte[] h, int q) {
        byte c = h[q];
        if (c == '"' || c == '{' || c == '[' || c == '-' || (c >= '0' && c <= '9')) {
            return true;
        }
        return literal(h, q, "true") || literal(h, q, "false") || literal(h, q, "null");
    }

    /** The literal, or a prefix of it cut by the end of the head. */
    private static boolean literal(byte[] h, int q, String lit) {
        int k = 0;
        while (k < lit.length() && q + k < h.length) {
            if (h[q + k] != lit.charAt(k)) {
                return false;
            }
            k++;
        }
        return k > 0;
    }

    /** Skips the XML prolog (declaration, PIs, comments, DOCTYPE, whitespace); returns the root element offset. */
    private static int rootElement(byte[] h, int p) {
        int n = h.length;
        while (p < n) {
            p = skipWs(h, p);
            if (ascii(h, p, "<?")) {
                p = indexOf(h, "?>", p, n);
                if (p < 0) {
                    return n;
                }
                p += 2;
            } else if (ascii(h, p, "<!--")) {
                p = indexOf(h, "-->", p, n);
                if (p < 0) {
                    return n;
                }
                p += 3;
            } else if (ascii(h, p, "<!")) {
                int depth = 0;
                while (p < n && !(h[p] == '>' && depth == 0)) {
                    if (h[p] == '[') {
                        depth++;
                    } else if (h[p] == ']') {
                        depth--;
                    }
                    p++;
                }
                p++;
            } else {
                return p;
            }
        }
        return n;
    }

    /** {@code tag} at p followed by whitespace, '>', '/' or the end of the head (case-insensitive). */
    private static boolean tagAt(byte[] h, int p, String tag) {
        if (p < 0 || !asciiIgnoreCase(h, p, tag)) {
            return false;
        }
        int q = p + tag.length();
        if (q >= h.length) {
            return true;
        }
        byte c = h[q];
        return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f';
    }

    private static int skipWs(byte[] h, int p) {
        while (p < h.length && (h[p] == ' ' || h[p] == '\t' || h[p] == '\r' || h[p] == '\n' || h[p] == '\f')) {
            p++;
        }
        return p;
    }
}
