package io.github.s3lite;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.Message;

/**
 * Per-exchange values of the encryption and write options: for option {@code name} the header
 * {@code CamelS3Lite<Name>} (such as {@code CamelS3LiteStorageClass} for {@code storageClass}), which wins over
 * the option. {@link S3LiteConfiguration#storageOptions} and {@link S3LiteConfiguration#objectAccess} map them.
 */
public interface WriteOverrides {

    /** No overrides: the options alone. */
    WriteOverrides NONE = name -> null;

    /** The exchange's value for option {@code name}, or null. */
    Object get(String name);

    /** The headers of a message. */
    static WriteOverrides of(Message m) {
        return name -> m.getHeader(headerOf(name));
    }

    /** {@code CamelS3Lite} and the option name with a capital first letter. */
    static String headerOf(String option) {
        return "CamelS3Lite" + option.substring(0, 1).toUpperCase(Locale.ROOT) + option.substring(1);
    }

    default Object value(String name, Object option) {
        Object v = get(name);
        return v == null || v instanceof String s && s.isBlank() ? option : v;
    }

    default String text(String name, String option) {
        Object v = value(name, option);
        return v == null ? null : v.toString();
    }

    default boolean flag(String name, boolean option) {
        Object v = value(name, option);
        if (v instanceof Boolean b) {
            return b;
        }
        String s = v.toString().trim();
        if (!s.equalsIgnoreCase("true") && !s.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException(headerOf(name) + "=" + s + " is not true or false");
        }
        return Boolean.parseBoolean(s);
    }

    /** A map, or text such as {@code a=1&b=2} (URL-encoded parts decoded). */
    default Map<String, String> tags(String name, Map<String, String> option) {
        Object v = get(name);
        if (v == null) {
            return option;
        }
        Map<String, String> out = new LinkedHashMap<>();
        if (v instanceof Map<?, ?> m) {
            m.forEach((k, x) -> out.put(String.valueOf(k), x == null ? "" : String.valueOf(x)));
            return out;
        }
        for (String pair : v.toString().split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String x = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(java.net.URLDecoder.decode(k, java.nio.charset.StandardCharsets.UTF_8),
                    java.net.URLDecoder.decode(x, java.nio.charset.StandardCharsets.UTF_8));
        }
        return out;
    }
}
