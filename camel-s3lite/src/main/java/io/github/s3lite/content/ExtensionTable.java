package io.github.s3lite.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The extension table, read once from the resource {@code extensions.txt} next to this class (one MIME type a
 * line: type, family, extensions). Adding a type is an edit of that file; a malformed line or an extension listed
 * twice fails class initialisation, which {@code DefaultContentTypeResolverTest} catches in the build.
 */
final class ExtensionTable {

    /** What the table says of one extension. */
    record Entry(String type, Family family) {
        boolean textual() {
            return family.textual();
        }
    }

    static final String RESOURCE = "extensions.txt";

    private static final Map<String, Entry> TABLE = load();

    private ExtensionTable() {
    }

    /** The entry for a lower-case extension without the dot, or null. */
    static Entry get(String extension) {
        return TABLE.get(extension);
    }

    static int size() {
        return TABLE.size();
    }

    private static Map<String, Entry> load() {
        try (InputStream in = ExtensionTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("resource " + RESOURCE + " missing next to " + ExtensionTable.class);
            }
            return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Entry> parse(BufferedReader reader) throws IOException {
        Map<String, Entry> m = new HashMap<>();
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] f = t.split("\\s+");
            if (f.length < 3) {
                throw new IllegalStateException(RESOURCE + " line " + number + ": want 'type family ext...': " + t);
            }
            Entry entry = new Entry(f[0], Family.valueOf(f[1]));
            for (int i = 2; i < f.length; i++) {
                String ext = f[i].toLowerCase(Locale.ROOT);
                if (m.put(ext, entry) != null) {
                    throw new IllegalStateException(RESOURCE + " line " + number + ": duplicate extension " + ext);
                }
            }
        }
        return Collections.unmodifiableMap(m);
    }
}
