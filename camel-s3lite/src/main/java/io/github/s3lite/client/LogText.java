package io.github.s3lite.client;

/**
 * Text from outside (keys, ETags, server messages) made safe for one log line or exception message: control
 * characters (CR and LF above all, which would forge log lines) are escaped as {@code \\uXXXX} and the result is
 * cut at {@link #MAX} characters.
 */
public final class LogText {
    /** Longest text kept. */
    public static final int MAX = 512;

    private LogText() {
    }

    public static String of(String s) {
        return of(s, MAX);
    }

    public static String of(String s, int max) {
        if (s == null) {
            return null;
        }
        StringBuilder sb = new StringBuilder(Math.min(s.length(), max) + 16);
        for (int i = 0; i < s.length(); i++) {
            if (sb.length() >= max) {
                return sb.append("...(").append(s.length()).append(" chars)").toString();
            }
            char c = s.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\u2028' || c == '\u2029' || c == '\u0085') {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}
