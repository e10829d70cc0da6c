package io.github.s3lite.client.auth;

import java.util.HashMap;
import java.util.Map;

/**
 * Reads the flat JSON objects credential endpoints answer ({@code {"AccessKeyId": "...", "Expiration": "..."}}):
 * string, number, boolean and null members; nested values are skipped. Errors never quote the document (it holds
 * secrets).
 */
final class FlatJson {
    private final String s;
    private int i;

    private FlatJson(String s) {
        this.s = s;
    }

    /** Member name -> value as text (numbers and booleans as written; null members omitted). */
    static Map<String, String> parse(String json, String what) {
        try {
            return new FlatJson(json).object();
        } catch (RuntimeException e) {
            throw new IllegalStateException(what + " is not a JSON object (" + e.getMessage() + ")");
        }
    }

    private Map<String, String> object() {
        Map<String, String> out = new HashMap<>();
        ws();
        expect('{');
        ws();
        if (peek() == '}') {
            i++;
            return out;
        }
        while (true) {
            ws();
            String name = string();
            ws();
            expect(':');
            ws();
            char c = peek();
            if (c == '"') {
                out.put(name, string());
            } else if (c == '{' || c == '[') {
                skipNested();
            } else {
                int start = i;
                while (i < s.length() && ",} \t\r\n".indexOf(s.charAt(i)) < 0) {
                    i++;
                }
                String v = s.substring(start, i);
                if (!v.equals("null")) {
                    out.put(name, v);
                }
            }
            ws();
            char sep = next();
            if (sep == '}') {
                return out;
            }
            if (sep != ',') {
                throw new IllegalArgumentException("expected , or } at offset " + (i - 1));
            }
        }
    }

    private void skipNested() {
        int depth = 0;
        do {
            char c = next();
            if (c == '"') {
                i--;
                string();
            } else if (c == '{' || c == '[') {
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
        } while (depth > 0);
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (true) {
            char c = next();
            if (c == '"') {
                return b.toString();
            }
            if (c == '\\') {
                char e = next();
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'r' -> b.append('\r');
                    case 'b' -> b.append('\b');
                    case 'f' -> b.append('\f');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private char peek() {
        if (i >= s.length()) {
            throw new IllegalArgumentException("unexpected end");
        }
        return s.charAt(i);
    }

    private char next() {
        char c = peek();
        i++;
        return c;
    }

    private void expect(char c) {
        if (next() != c) {
            throw new IllegalArgumentException("expected " + c + " at offset " + (i - 1));
        }
    }
}
