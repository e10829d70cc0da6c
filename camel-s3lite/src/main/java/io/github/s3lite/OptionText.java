package io.github.s3lite;

import java.lang.reflect.Field;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.camel.spi.UriParam;

/**
 * Strict parsing of the text given to size, duration and count options, in every configuration style that goes
 * through Camel's property configurers (endpoint URIs, component properties, Camel Main's
 * {@code camel.component.s3lite.*}, YAML DSL). Camel's own conversion turns any text it cannot read as a number or
 * a time pattern into 0 for {@code long}/{@code int} options ({@code partSize=16MB} became 0, {@code socketTimeout=abc}
 * became "no timeout"); here such text is an error that names the option, the value and the accepted forms.
 * <ul>
 * <li>sizes: bytes ({@code 16777216}) or a whole number with a binary unit: {@code 16MB} = {@code 16MiB} = 16 x
 * 2^20 bytes, also {@code KB/KiB, GB/GiB, TB/TiB} and {@code B}, case-insensitive (the same meaning as Spring Boot's
 * {@code DataSize});</li>
 * <li>durations: milliseconds ({@code 30000}), number-unit groups ({@code 500ms, 30s, 5m, 1h, 2d, 1h30m}) or ISO-8601
 * ({@code PT30S});</li>
 * <li>counts: a whole number.</li>
 * </ul>
 * Which option is of which kind is read from {@link S3LiteConfiguration}'s fields, so a new option is covered
 * without a list to keep up to date. Bean references ({@code #bean:x}) and non-text values pass unchanged.
 */
final class OptionText {

    enum Kind {
        SIZE,
        DURATION,
        COUNT
    }

    private static final Map<String, Kind> KINDS = kinds();
    private static final Map<String, String> NAMES = names();
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([a-z]*)");
    private static final Pattern DURATION_GROUP = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern COUNT = Pattern.compile("[+-]?\\d+");

    private OptionText() {
    }

    /** The kind of a numeric option, or null; {@code name} may be in any case and with dashes (part-size). */
    static Kind kind(String name) {
        return name == null ? null : KINDS.get(normalize(name));
    }

    /**
     * The value to hand to Camel's configurer: for a size, duration or count option given as text, the plain number
     * of bytes, milliseconds or the count (which Camel converts exactly); anything else unchanged.
     *
     * @throws IllegalArgumentException when the text is not a size, duration or whole number
     */
    static Object normalize(String name, Object value) {
        Kind kind = kind(name);
        if (kind == null || !(value instanceof String text) || text.startsWith("#")) {
            return value;
        }
        String option = NAMES.get(normalize(name));
        return switch (kind) {
            case SIZE -> Long.toString(parseSize(option, text));
            case DURATION -> Long.toString(parseDuration(option, text).toMillis());
            case COUNT -> Integer.toString(parseCount(option, text));
        };
    }

    /** A size in bytes: digits, or a whole number with B, KB/KiB, MB/MiB, GB/GiB, TB/TiB (binary, any case). */
    static long parseSize(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Matcher m = SIZE.matcher(t);
        if (m.matches()) {
            long unit = switch (m.group(2)) {
                case "", "b" -> 1L;
                case "k", "kb", "kib" -> 1L << 10;
                case "m", "mb", "mib" -> 1L << 20;
                case "g", "gb", "gib" -> 1L << 30;
                case "t", "tb", "tib" -> 1L << 40;
                default -> -1L;
            };
            if (unit > 0) {
                try {
                    return Math.multiplyExact(Long.parseLong(m.group(1)), unit);
                } catch (ArithmeticException | NumberFormatException e) {
                    throw new IllegalArgumentException(option + "=" + text + " is too large to be a size in bytes");
                }
            }
        }
        throw new IllegalArgumentException(option + "=" + text + " is not a size: use bytes (16777216) or a whole number "
                + "with a unit, 16MB (= 16MiB = 16 x 1024 x 1024 bytes), 512KB, 1GB");
    }

    /** A duration: milliseconds, number-unit groups (500ms, 30s, 5m, 1h, 2d, 1h30m) or ISO-8601 (PT30S). */
    static Duration parseDuration(String option, String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        try {
            if (!t.isEmpty() && t.chars().allMatch(Character::isDigit)) {
                return Duration.ofMillis(Long.parseLong(t));
            }
            if (t.startsWith("p") || t.startsWith("-p")) {
                return Duration.parse(t.toUpperCase(Locale.ROOT));
            }
            Matcher m = DURATION_GROUP.matcher(t);
            Duration total = Duration.ZERO;
            int end = 0;
            while (m.lookingAt()) {
                long n = Long.parseLong(m.group(1));
                total = total.plus(switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(n);
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                });
                end = m.end();
                while (end < t.length() && t.charAt(end) == ' ') {
                    end++;
                }
                m.region(end, t.length());
            }
            if (end > 0 && end == t.length()) {
                total.toMillis(); // overflow check
                return total;
            }
        } catch (ArithmeticException | NumberFormatException | DateTimeParseException e) {
            // fall through to the message below
        }
        throw new IllegalArgumentException(option + "=" + text + " is not a duration: use milliseconds (30000), a whole "
                + "number with a unit (500ms, 30s, 5m, 1h, 2d, 1h30m) or ISO-8601 (PT30S)");
    }

    static int parseCount(String option, String text) {
        String t = text.trim();
        if (COUNT.matcher(t).matches()) {
            try {
                return Integer.parseInt(t.startsWith("+") ? t.substring(1) : t);
            } catch (NumberFormatException e) {
                // too large: the message below
            }
        }
        throw new IllegalArgumentException(option + "=" + text + " is not a whole number (such as 4)");
    }

    private static String normalize(String name) {
        return name.replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Map<String, Kind> kinds() {
        Map<String, Kind> kinds = new TreeMap<>();
        for (Field f : S3LiteConfiguration.class.getDeclaredFields()) {
            UriParam p = f.getAnnotation(UriParam.class);
            if (p == null) {
                continue;
            }
            Kind kind = null;
            if (f.getType() == long.class) {
                kind = "java.time.Duration".equals(p.javaType()) ? Kind.DURATION : Kind.SIZE;
            } else if (f.getType() == int.class) {
                kind = Kind.COUNT;
            }
            if (kind != null) {
                kinds.put(normalize(f.getName()), kind);
            }
        }
        return Map.copyOf(kinds);
    }

    private static Map<String, String> names() {
        Map<String, String> names = new TreeMap<>();
        for (Field f : S3LiteConfiguration.class.getDeclaredFields()) {
            names.put(normalize(f.getName()), f.getName());
        }
        return Map.copyOf(names);
    }
}
