package io.github.s3lite.content;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * S3 user metadata ({@code x-amz-meta-*}) rules, defined once.
 *
 * <h2>Names</h2>
 * A given {@code x-amz-meta-} prefix (any case) is stripped once; the rest must be non-empty and made only of
 * RFC 7230 {@code tchar}s (ASCII letters, digits and {@code !#$%&'*+-.^_`|~}); it is lower-cased (S3 stores
 * names lower-case). Two keys that become equal after this are rejected.
 *
 * <h2>Values</h2>
 * Control characters (C0 except TAB, and DEL) are rejected: CR/LF cannot travel in an HTTP header. Unpaired
 * surrogates are rejected. A value is sent as-is when it is printable ASCII without leading/trailing spaces;
 * otherwise (non-ASCII text, TAB, leading/trailing whitespace that HTTP would trim, or a value that itself looks
 * like an RFC 2047 encoded word and would be mangled on the way back) it is sent as one RFC 2047 encoded word
 * {@code =?UTF-8?B?<base64 of UTF-8>?=}, which S3 understands and {@link #decodeFromWire(Map)} reverses.
 *
 * <h2>Size</h2>
 * S3 limits user metadata to 2 KB, measured as the sum of the UTF-8 bytes of each key and value. This class
 * measures the names (without prefix) and the <em>encoded</em> wire values, which is never smaller than the
 * decoded size, so what passes here also passes S3.
 */
public final class UserMetadata {

    /** S3: "the user-defined metadata is limited to 2 KB in size" (sum of UTF-8 bytes of keys and values). */
    public static final int MAX_TOTAL_BYTES = 2048;
    public static final String HEADER_PREFIX = "x-amz-meta-";

    private static final int ECHO_LIMIT = 64;
    private static final String TCHAR_SPECIALS = "!#$%&'*+-.^_`|~";
    private static final String ALLOWED = "ASCII letters, digits and " + TCHAR_SPECIALS;

    /** One RFC 2047 encoded word: charset (optionally *language), B or Q, encoded text. */
    private static final Pattern ENCODED_WORD =
            Pattern.compile("=\\?([^?*\\s]+)(?:\\*[^?\\s]*)?\\?([BbQq])\\?([^?\\s]*)\\?=");
    /** A whole value made of encoded words separated by linear whitespace. */
    private static final Pattern ENCODED_VALUE = Pattern.compile(
            "\\s*" + ENCODED_WORD.pattern() + "(?:\\s*" + ENCODED_WORD.pattern() + ")*\\s*");

    private UserMetadata() {
    }

    /**
     * Validates and encodes user metadata for the wire.
     *
     * @param metadata name to value; null means none
     * @return a new map of lower-cased name (without prefix) to wire value, in the input's iteration order
     * @throws IllegalArgumentException naming the offending key and what to fix
     */
    public static Map<String, String> encodeForWire(Map<String, String> metadata) {
        Map<String, String> out = new LinkedHashMap<>();
        if (metadata == null) {
            return out;
        }
        Map<String, String> originalKeys = new LinkedHashMap<>();
        long total = 0;
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            String key = e.getKey();
            String name = normalizeName(key);
            String previous = originalKeys.putIfAbsent(name, key);
            if (previous != null) {
                throw new IllegalArgumentException("S3 user metadata keys " + quote(previous) + " and " + quote(key)
                        + " are the same name '" + name + "' (names are case-insensitive and the '" + HEADER_PREFIX
                        + "' prefix is optional); keep only one of them");
            }
            String wire = encodeValue(key, e.getValue());
            out.put(name, wire);
            total += utf8Length(name) + utf8Length(wire);
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new IllegalArgumentException("S3 user metadata is too large: " + total
                    + " bytes (sum of UTF-8 bytes of each name and encoded value over " + out.size()
                    + " entries) exceeds the limit of " + MAX_TOTAL_BYTES + " bytes" + largest(out)
                    + "; shorten or remove entries, or store large data in the object itself");
        }
        return out;
    }

    /**
     * Decodes wire values: a value made entirely of RFC 2047 encoded words ({@code =?charset?B?...?=} or
     * {@code =?charset?Q?...?=}, any charset Java knows, case-insensitive) is decoded; anything else, including
     * malformed or unknown-charset words, is returned unchanged. Names are lower-cased and a leading
     * {@code x-amz-meta-} prefix is stripped once.
     *
     * @return a new map in the input's iteration order (null gives an empty map)
     */
    public static Map<String, String> decodeFromWire(Map<String, String> wire) {
        Map<String, String> out = new LinkedHashMap<>();
        if (wire == null) {
            return out;
        }
        for (Map.Entry<String, String> e : wire.entrySet()) {
            String key = e.getKey();
            if (key == null) {
                continue;
            }
            String name = key.toLowerCase(Locale.ROOT);
            if (name.startsWith(HEADER_PREFIX)) {
                name = name.substring(HEADER_PREFIX.length());
            }
            out.put(name, decodeValue(e.getValue()));
        }
        return out;
    }

    /** Decodes one wire value (see {@link #decodeFromWire(Map)}); null stays null. */
    public static String decodeValue(String value) {
        if (value == null || value.indexOf("=?") < 0 || !ENCODED_VALUE.matcher(value).matches()) {
            return value;
        }
        StringBuilder sb = new StringBuilder();
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        Charset pendingCharset = null;
        Matcher m = ENCODED_WORD.matcher(value);
        while (m.find()) {
            Charset cs;
            byte[] bytes;
            try {
                cs = Charset.forName(m.group(1));
                bytes = m.group(2).equalsIgnoreCase("B")
                        ? Base64.getDecoder().decode(m.group(3))
                        : decodeQ(m.group(3));
            } catch (IllegalArgumentException ex) { // unknown charset, bad base64 or bad Q: not ours to decode
                return value;
            }
            // adjacent words in one charset are joined as bytes, so a character split across words survives
            if (pendingCharset != null && !pendingCharset.equals(cs)) {
                sb.append(new String(pending.toByteArray(), pendingCharset));
                pending.reset();
            }
            pendingCharset = cs;
            pending.writeBytes(bytes);
        }
        if (pendingCharset != null) {
            sb.append(new String(pending.toByteArray(), pendingCharset));
        }
        return sb.toString();
    }

    private static byte[] decodeQ(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '_') {
                out.write(' ');
            } else if (c == '=') {
                if (i + 2 >= text.length()) {
                    throw new IllegalArgumentException("truncated Q escape");
                }
                int hi = Character.digit(text.charAt(i + 1), 16);
                int lo = Character.digit(text.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad Q escape");
                }
                out.write(hi << 4 | lo);
                i += 2;
            } else if (c > 0x20 && c < 0x7F) {
                out.write(c);
            } else {
                throw new IllegalArgumentException("bad Q character");
            }
        }
        return out.toByteArray();
    }

    // ---------------------------------------------------------------- names

    private static String normalizeName(String key) {
        if (key == null) {
            throw new IllegalArgumentException("S3 user metadata key is null; use a non-empty name made of "
                    + ALLOWED);
        }
        String name = key;
        if (name.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
            name = name.substring(HEADER_PREFIX.length());
        }
        if (name.isEmpty()) {
            throw new IllegalArgumentException("S3 user metadata key " + quote(key) + " is empty"
                    + (key.isEmpty() ? "" : " after removing the '" + HEADER_PREFIX + "' prefix")
                    + "; give it a name made of " + ALLOWED);
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isTchar(c)) {
                String what;
                if (c == ' ') {
                    what = "a space";
                } else if (c < 0x20 || c == 0x7F) {
                    what = "a control character " + codePoint(c);
                } else if (c > 0x7F) {
                    what = "the non-ASCII character " + codePoint(name.codePointAt(i));
                } else {
                    what = "the character '" + c + "'";
                }
                throw new IllegalArgumentException("S3 user metadata key " + quote(key) + " contains " + what
                        + " at index " + i + "; names may only use " + ALLOWED
                        + " (RFC 7230 token); rename the key, e.g. use '-' or '_' instead");
            }
        }
        return name.toLowerCase(Locale.ROOT);
    }

    private static boolean isTchar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || TCHAR_SPECIALS.indexOf(c) >= 0;
    }

    // ---------------------------------------------------------------- values

    private static String encodeValue(String key, String value) {
        if (value == null) {
            throw new IllegalArgumentException("S3 user metadata value of key " + quote(key)
                    + " is null; use an empty string or remove the key");
        }
        boolean plain = true;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                throw new IllegalArgumentException("S3 user metadata value of key " + quote(key)
                        + " contains the control character " + codePoint(c) + " at index " + i + " (value starts "
                        + quote(value) + "); HTTP headers cannot carry line breaks or control characters: remove"
                        + " them, or encode the value yourself (e.g. Base64)");
            }
            if (Character.isSurrogate(c)) {
                boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
                        && Character.isLowSurrogate(value.charAt(i + 1));
                if (!paired) {
                    throw new IllegalArgumentException("S3 user metadata value of key " + quote(key)
                            + " contains an unpaired surrogate " + codePoint(c) + " at index " + i
                            + "; it is not valid Unicode text and cannot be UTF-8 encoded: fix the string");
                }
                i++;
                plain = false;
                continue;
            }
            if (c < 0x20 || c > 0x7E) {
                plain = false; // TAB or non-ASCII
            }
        }
        if (plain && !value.isEmpty()
                && (value.charAt(0) == ' ' || value.charAt(value.length() - 1) == ' ')) {
            plain = false; // HTTP trims leading/trailing whitespace
        }
        if (plain && !decodeValue(value).equals(value)) {
            plain = false; // would be decoded on the way back
        }
        if (plain) {
            return value;
        }
        return "=?UTF-8?B?" + Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) + "?=";
    }

    // ---------------------------------------------------------------- messages

    private static String largest(Map<String, String> out) {
        String best = null;
        long bestSize = -1;
        for (Map.Entry<String, String> e : out.entrySet()) {
            long size = utf8Length(e.getKey()) + utf8Length(e.getValue());
            if (size > bestSize) {
                best = e.getKey();
                bestSize = size;
            }
        }
        return best == null ? "" : " (largest entry: " + quote(best) + " with " + bestSize + " bytes)";
    }

    private static long utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String codePoint(int cp) {
        return String.format("U+%04X", cp) + (cp >= 0x20 && cp != 0x7F && !(cp >= 0x80 && cp < 0xA0)
                && !Character.isSurrogate((char) cp) ? " '" + new String(Character.toChars(cp)) + "'" : "");
    }

    /** Quotes at most the first 64 characters, escaping control characters. */
    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = new StringBuilder("'");
        int n = Math.min(s.length(), ECHO_LIMIT);
        if (n < s.length() && Character.isHighSurrogate(s.charAt(n - 1))) {
            n--;
        }
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                sb.append(String.format("\\u%04X", (int) c));
            } else {
                sb.append(c);
            }
        }
        sb.append('\'');
        if (n < s.length()) {
            sb.append("... (").append(s.length()).append(" chars)");
        }
        return sb.toString();
    }
}
