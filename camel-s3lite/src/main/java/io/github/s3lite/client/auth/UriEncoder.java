package io.github.s3lite.client.auth;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * URI encoding per SigV4 / S3.
 *
 * <p>From the S3 docs ("Task 1: Create a Canonical Request"): "URI encode every byte. UriEncode() must enforce the
 * following rules: URI encode every byte except the unreserved characters: 'A'-'Z', 'a'-'z', '0'-'9', '-', '.', '_',
 * and '~'. The space character is a reserved character and must be encoded as "%20" (and not as "+"). Each URI
 * encoded byte is formed by a '%' and the two-digit hexadecimal value of the byte. Letters in the hexadecimal value
 * must be uppercase, for example "%1A". Encode the forward slash character, '/', everywhere except in the object key
 * name."
 */
public final class UriEncoder {

    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();

    private UriEncoder() {
    }

    /**
     * Encodes {@code raw} (as UTF-8) once.
     *
     * @param keepSlash true for object key paths ('/' kept), false for query names/values ('/' becomes %2F)
     * @throws IllegalArgumentException if the string is not valid UTF-16 (unpaired surrogate)
     */
    public static String encode(String raw, boolean keepSlash) {
        if (raw == null) {
            throw new NullPointerException("raw");
        }
        int n = raw.length();
        int i = 0;
        while (i < n && isKept(raw.charAt(i), keepSlash)) {
            i++;
        }
        if (i == n) {
            return raw;
        }
        byte[] bytes = utf8(raw);
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int c = b & 0xff;
            if (c < 0x80 && isKept((char) c, keepSlash)) {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX_UPPER[c >>> 4]).append(HEX_UPPER[c & 0x0f]);
            }
        }
        return sb.toString();
    }

    /** True for the RFC 3986 unreserved set A-Z a-z 0-9 - . _ ~ */
    public static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isKept(char c, boolean keepSlash) {
        return isUnreserved(c) || (keepSlash && c == '/');
    }

    /**
     * Decodes %XX sequences (then UTF-8). '+' stays '+' (this is not form decoding).
     *
     * @throws IllegalArgumentException on a malformed %-sequence or bytes that are not UTF-8
     */
    public static String decode(String encoded) {
        if (encoded == null) {
            throw new NullPointerException("encoded");
        }
        if (encoded.indexOf('%') < 0) {
            return encoded;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(encoded.length());
        int n = encoded.length();
        for (int i = 0; i < n; ) {
            char c = encoded.charAt(i);
            if (c == '%') {
                if (i + 2 >= n) {
                    throw new IllegalArgumentException("Incomplete %-escape at index " + i + " in: " + encoded);
                }
                int hi = Character.digit(encoded.charAt(i + 1), 16);
                int lo = Character.digit(encoded.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("Invalid %-escape at index " + i + " in: " + encoded);
                }
                out.write((hi << 4) | lo);
                i += 3;
            } else {
                int end = i;
                while (end < n && encoded.charAt(end) != '%') {
                    end++;
                }
                byte[] b = utf8(encoded.substring(i, end));
                out.write(b, 0, b.length);
                i = end;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("Decoded bytes are not valid UTF-8: " + encoded, e);
        }
    }

    private static byte[] utf8(String s) {
        try {
            ByteBuffer bb = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .encode(CharBuffer.wrap(s));
            byte[] b = new byte[bb.remaining()];
            bb.get(b);
            return b;
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("String is not valid UTF-16 (unpaired surrogate), cannot encode as UTF-8", e);
        }
    }
}
