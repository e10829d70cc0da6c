package io.github.s3lite.springboot;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.json.JsonParserFactory;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 7: the component's options exist in the catalog (s3lite.json, generated from S3LiteConfiguration)
 * and in this starter's hand-written properties; this test fails when an option of the catalog has no starter
 * property with the same type, default and description, or when the starter has a property the catalog does not
 * know. It reads the Spring metadata the build generates (spring-configuration-metadata.json, merged with
 * additional-spring-configuration-metadata.json), i.e. what an IDE shows.
 */
class StarterPropertiesMatchCatalogTest {

    private static final String PREFIX = "camel.component.s3lite.";
    /** Starter-only switches, not component options. */
    private static final Set<String> STARTER_ONLY = Set.of("enabled", "customizer.enabled", "health-indicator.enabled");
    /**
     * Catalog options that are no property here, with the reason: the nested configuration object, whose every
     * option is a property of its own in Spring Boot (a bean for it would be overwritten by the properties' defaults);
     * {@code meterRegistry}, since a MeterRegistry-typed property would break Boot applications without Micrometer
     * (the endpoint finds Actuator's registry itself).
     */
    private static final Set<String> CATALOG_ONLY = Set.of("configuration", "meterRegistry");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(String resource, String mustContain) throws IOException {
        List<URL> urls = Collections.list(StarterPropertiesMatchCatalogTest.class.getClassLoader().getResources(resource));
        for (URL url : urls) {
            try (InputStream in = url.openStream()) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (text.contains(mustContain)) {
                    return JsonParserFactory.getJsonParser().parseMap(text);
                }
            }
        }
        throw new AssertionError(resource + " with " + mustContain + " is not on the classpath: " + urls);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> catalog() throws IOException {
        Map<String, Object> root = json("META-INF/io/github/s3lite/s3lite.json", "\"scheme\": \"s3lite\"");
        return (Map<String, Map<String, Object>>) root.get("componentProperties");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> starter() throws IOException {
        Map<String, Object> root = json("META-INF/spring-configuration-metadata.json", PREFIX);
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        for (Map<String, Object> p : (List<Map<String, Object>>) root.get("properties")) {
            String name = (String) p.get("name");
            if (name.startsWith(PREFIX)) {
                byName.put(name.substring(PREFIX.length()), p);
            }
        }
        return byName;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, List<String>> hints() throws IOException {
        Map<String, Object> root = json("META-INF/spring-configuration-metadata.json", PREFIX);
        Map<String, List<String>> hints = new LinkedHashMap<>();
        for (Map<String, Object> h : (List<Map<String, Object>>) root.getOrDefault("hints", List.of())) {
            List<String> values = new ArrayList<>();
            for (Map<String, Object> v : (List<Map<String, Object>>) h.get("values")) {
                values.add(String.valueOf(v.get("value")));
            }
            hints.put(((String) h.get("name")).substring(PREFIX.length()), values);
        }
        return hints;
    }

    static String kebab(String camel) {
        StringBuilder b = new StringBuilder();
        for (char ch : camel.toCharArray()) {
            if (Character.isUpperCase(ch)) {
                b.append('-').append(Character.toLowerCase(ch));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    /** The starter type an option of the catalog must have. */
    static String starterType(Map<String, Object> option) {
        String type = (String) option.get("type");
        String javaType = ((String) option.get("javaType")).replace(" ", "");
        if ("duration".equals(type)) {
            return Duration.class.getName();
        }
        if ("long".equals(javaType)) {
            return DataSize.class.getName(); // the size options (partSize, multipartThreshold, maxObjectSize)
        }
        return switch (javaType) {
            case "boolean" -> Boolean.class.getName();
            case "int" -> Integer.class.getName();
            default -> javaType;
        };
    }

    /** A default of either side in a comparable form: milliseconds, bytes or the text. */
    static String normalizedDefault(String starterType, Object value, boolean fromCatalog) {
        if (value == null) {
            return null;
        }
        String text = String.valueOf(value);
        if (starterType.equals(Duration.class.getName())) {
            return Long.toString(fromCatalog ? Long.parseLong(text) : DurationStyle.detectAndParse(text).toMillis());
        }
        if (starterType.equals(DataSize.class.getName())) {
            return Long.toString(fromCatalog ? Long.parseLong(text) : DataSize.parse(text).toBytes());
        }
        return text;
    }

    /** What differs between the catalog's options and the starter's properties, one line per difference. */
    static List<String> mismatches(Map<String, Map<String, Object>> catalog, Map<String, Map<String, Object>> starter,
            Map<String, List<String>> hints) {
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, Map<String, Object>> e : catalog.entrySet()) {
            String option = e.getKey();
            if (CATALOG_ONLY.contains(option)) {
                continue;
            }
            Map<String, Object> o = e.getValue();
            Map<String, Object> p = starter.get(kebab(option));
            if (p == null) {
                mismatches.add(option + ": no starter property " + PREFIX + kebab(option));
                continue;
            }
            String type = starterType(o);
            String actualType = String.valueOf(p.get("type")).replace(" ", "");
            if (!type.equals(actualType)) {
                mismatches.add(option + ": type " + actualType + ", catalog wants " + type);
            }
            String want = normalizedDefault(type, o.get("defaultValue"), true);
            String have = normalizedDefault(type, p.get("defaultValue"), false);
            if (want == null && "java.lang.Boolean".equals(type)) {
                want = "false";
            }
            if (!java.util.Objects.equals(want, have)) {
                mismatches.add(option + ": default " + have + ", catalog " + want);
            }
            if (!java.util.Objects.equals(o.get("description"), p.get("description"))) {
                mismatches.add(option + ": description\n    starter: " + p.get("description") + "\n    catalog: "
                               + o.get("description"));
            }
            if (o.get("enum") != null && !o.get("enum").equals(hints.get(kebab(option)))) {
                mismatches.add(option + ": hints " + hints.get(kebab(option)) + ", catalog enum " + o.get("enum"));
            }
        }
        Set<String> unknown = new TreeSet<>(starter.keySet());
        catalog.keySet().forEach(k -> unknown.remove(kebab(k)));
        unknown.removeAll(STARTER_ONLY);
        unknown.removeIf(k -> k.startsWith("metadata."));
        unknown.forEach(k -> mismatches.add(k + ": starter property the catalog does not know"));
        return mismatches;
    }

    @Test
    void everyCatalogOptionHasAStarterPropertyWithTheSameTypeDefaultAndDescription() throws IOException {
        List<String> mismatches = mismatches(catalog(), starter(), hints());
        assertThat(mismatches).as(String.join("\n", mismatches)).isEmpty();
    }

    /**
     * The check catches each kind of drift: the real metadata with one property's type, default, description or
     * hints changed, one property removed and one unknown property added gives exactly those six differences.
     */
    @Test
    void aDeliberateMismatchOfTypeDefaultDescriptionOrHintsIsReported() throws IOException {
        Map<String, Map<String, Object>> catalog = catalog();
        Map<String, Map<String, Object>> starter = new LinkedHashMap<>();
        starter().forEach((k, v) -> starter.put(k, new LinkedHashMap<>(v)));
        Map<String, List<String>> hints = new LinkedHashMap<>(hints());
        starter.get("max-connections").put("type", "java.lang.Long");
        starter.get("socket-timeout").put("defaultValue", "61s");
        starter.get("region").put("description", starter.get("region").get("description") + " ");
        hints.put("checksum-algorithm", List.of("AUTO", "NONE"));
        starter.remove("path-style-access");
        starter.put("no-such-option", Map.of("name", PREFIX + "no-such-option", "type", "java.lang.String"));
        assertThat(mismatches(catalog, starter, hints)).hasSize(6)
                .anySatisfy(m -> assertThat(m).startsWith("maxConnections: type java.lang.Long"))
                .anySatisfy(m -> assertThat(m).startsWith("socketTimeout: default 61000, catalog 60000"))
                .anySatisfy(m -> assertThat(m).startsWith("region: description"))
                .anySatisfy(m -> assertThat(m).startsWith("checksumAlgorithm: hints [AUTO, NONE]"))
                .anySatisfy(m -> assertThat(m).startsWith("pathStyleAccess: no starter property"))
                .anySatisfy(m -> assertThat(m).startsWith("no-such-option: starter property the catalog does not know"));
    }

    /**
     * The starter README's property table says it is generated from the Spring metadata: it must list exactly the
     * starter's properties (it had drifted to 58 of 87). Regenerate it from
     * target/classes/META-INF/spring-configuration-metadata.json when this fails.
     */
    @Test
    void theReadmeTableListsExactlyTheStarterProperties() throws IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        Set<String> inReadme = new TreeSet<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?m)^\\| `" + java.util.regex.Pattern.quote(PREFIX)
                + "([a-z0-9.-]+)` \\|").matcher(readme);
        while (m.find()) {
            inReadme.add(m.group(1));
        }
        assertThat(inReadme).containsExactlyInAnyOrderElementsOf(new TreeSet<>(starter().keySet()));
    }
}
