package io.github.s3lite;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The design rules that a build check keeps true, read from the main sources (an import scan, so it needs no
 * bytecode library): no package of the component imports another in a cycle, and the core packages never import
 * Camel. A new cycle fails here with the packages that form it. A main class above {@value #MAX_LINES} lines states
 * in its class javadoc why it is large, by a sentence beginning {@code Size:}.
 */
class PackageStructureTest {

    private static final String ROOT = "io.github.s3lite";
    private static final Path MAIN = Path.of("src/main/java");
    private static final Path README = Path.of("../README.md");
    /** Marks the fenced block of the README that draws the package graph. */
    static final String GRAPH_MARKER = "<!-- package-graph: PackageStructureTest checks this drawing -->";
    private static final Pattern GRAPH_LINE = Pattern.compile("^([\\w.]+)\\s*(?:-->\\s*(.*))?$");
    private static final Pattern PACKAGE = Pattern.compile("^package\\s+([\\w.]+)\\s*;", Pattern.MULTILINE);
    private static final Pattern IMPORT = Pattern.compile("^import\\s+(?:static\\s+)?([\\w.]+)\\s*;", Pattern.MULTILINE);
    /** Same-package or fully qualified references in code, e.g. {@code io.github.s3lite.client.S3LiteClient}. */
    private static final Pattern QUALIFIED = Pattern.compile("\\b(io\\.github\\.s3lite(?:\\.[a-z]\\w*)*)\\.[A-Z]");

    /** Packages (and their subpackages) that hold the S3 logic and must stay Camel-free. */
    private static final List<String> CAMEL_FREE = List.of("client", "upload", "content", "transfer", "journal",
            "checkpoint", "copy", "metrics", "micrometer");

    /** Cycles that exist and are being removed; nothing may be added here. */
    private static final Set<List<String>> KNOWN_CYCLES = Set.of();

    /** Above this many lines a main class states why in its class javadoc ("Size: ..."). */
    static final int MAX_LINES = 350;
    /** The first top-level type declaration of a source file. */
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(?:(?:public|protected|private|final|abstract|sealed|non-sealed|strictfp|static)\\s+)*"
                    + "(?:class|interface|enum|record|@interface)\\s+\\w+", Pattern.MULTILINE);
    private static final Pattern ONLY_ANNOTATIONS = Pattern.compile("(?:\\s*@[\\w.]+(?:\\([^)]*\\))?)*\\s*");
    private static final Pattern SIZE_SENTENCE = Pattern.compile("(?:^|\\s)Size:\\s+\\S");

    private static final Map<String, Set<String>> DEPENDS = new TreeMap<>();
    private static final Map<String, Set<String>> CAMEL_IMPORTS = new TreeMap<>();

    @BeforeAll
    static void scan() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                Matcher pm = PACKAGE.matcher(src);
                if (!pm.find()) {
                    continue;
                }
                String pkg = pm.group(1);
                Set<String> deps = DEPENDS.computeIfAbsent(pkg, k -> new TreeSet<>());
                Matcher im = IMPORT.matcher(src);
                while (im.find()) {
                    String imported = im.group(1);
                    if (imported.startsWith("org.apache.camel")) {
                        CAMEL_IMPORTS.computeIfAbsent(pkg, k -> new TreeSet<>()).add(f.getFileName().toString());
                    }
                    if (imported.startsWith(ROOT + ".") || imported.equals(ROOT)) {
                        deps.add(packageOf(imported));
                    }
                }
                Matcher qm = QUALIFIED.matcher(stripComments(src));
                while (qm.find()) {
                    deps.add(qm.group(1));
                }
                deps.remove(pkg);
            }
        }
    }

    /** The package of an imported type or static member: the name up to the first upper-case segment. */
    private static String packageOf(String imported) {
        String[] parts = imported.split("\\.");
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty() && Character.isUpperCase(p.charAt(0))) {
                break;
            }
            if (b.length() > 0) {
                b.append('.');
            }
            b.append(p);
        }
        return b.toString();
    }

    private static String stripComments(String src) {
        return src.replaceAll("(?s)/\\*.*?\\*/", "").replaceAll("//[^\n]*", "");
    }

    @Test
    void theScanSeesThePackages() {
        assertThat(DEPENDS).containsKeys(ROOT, ROOT + ".client", ROOT + ".upload", ROOT + ".content");
    }

    @Test
    void noPackageCycles() {
        List<List<String>> cycles = stronglyConnected().stream().filter(c -> c.size() > 1)
                .map(c -> c.stream().sorted().toList()).filter(c -> !KNOWN_CYCLES.contains(c)).toList();
        assertThat(cycles).as("package cycles (each list imports itself round); dependencies: %s", DEPENDS).isEmpty();
    }

    @Test
    void corePackagesNeverImportCamel() {
        Map<String, Set<String>> offenders = new TreeMap<>();
        CAMEL_IMPORTS.forEach((pkg, files) -> {
            String rel = pkg.equals(ROOT) ? "" : pkg.substring(ROOT.length() + 1);
            for (String core : CAMEL_FREE) {
                if (rel.equals(core) || rel.startsWith(core + ".")) {
                    offenders.put(pkg, files);
                }
            }
        });
        assertThat(offenders).as("Camel imports in Camel-free packages").isEmpty();
    }

    @Test
    void largeMainClassesStateWhyInTheirJavadoc() throws IOException {
        Map<String, Integer> unexplained = new TreeMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
                String src = Files.readString(f);
                int lines = lineCount(src);
                if (lines > MAX_LINES && !statesSize(src)) {
                    unexplained.put(MAIN.relativize(f).toString(), lines);
                }
            }
        }
        assertThat(unexplained).as("main classes above %d lines without a \"Size: ...\" sentence in their class javadoc "
                + "(split them, or state why they are large)", MAX_LINES).isEmpty();
    }

    @Test
    void theSizeRuleSeesAMissingReason() {
        String body = "    int x;\n".repeat(MAX_LINES);
        String without = "package p;\n\n/** A class. Big for no stated reason. */\n@Deprecated\npublic final class Big {\n"
                + body + "}\n";
        String with = "package p;\n\n/**\n * A class.\n * Size: it must be.\n */\n@SuppressWarnings(\"x\")\n"
                + "public final class Big {\n" + body + "}\n";
        String onAMember = "package p;\n\n/** A class. */\npublic final class Big {\n    /** Size: of a field. */\n"
                + body + "}\n";
        assertThat(lineCount(without)).isGreaterThan(MAX_LINES);
        assertThat(statesSize(without)).isFalse();
        assertThat(statesSize(with)).isTrue();
        assertThat(statesSize(onAMember)).isFalse();
    }

    /** Lines as {@code wc -l} counts them. */
    static int lineCount(String src) {
        return (int) src.chars().filter(c -> c == '\n').count();
    }

    /** Whether the javadoc of the file's first top-level type has a sentence beginning "Size:". */
    static boolean statesSize(String src) {
        Matcher decl = TYPE_DECLARATION.matcher(src);
        if (!decl.find()) {
            return false;
        }
        String before = src.substring(0, decl.start());
        int open = before.lastIndexOf("/**");
        int close = open < 0 ? -1 : before.indexOf("*/", open);
        if (close < 0 || !ONLY_ANNOTATIONS.matcher(before.substring(close + 2)).matches()) {
            return false;
        }
        String javadoc = before.substring(open + 3, close).replaceAll("(?m)^\\s*\\*", " ");
        return SIZE_SENTENCE.matcher(javadoc).find();
    }

    @Test
    void theReadmeDrawsThePackageGraphAsItIs() throws IOException {
        List<String> drawn = graphBlock(Files.readString(README));
        Map<String, Set<String>> readme = new TreeMap<>();
        List<String> order = new ArrayList<>();
        List<String> upward = new ArrayList<>();
        for (String line : drawn) {
            Matcher m = GRAPH_LINE.matcher(line.strip());
            assertThat(m.matches()).as("README package graph line '%s' (expected: package [--> package, ...])", line)
                    .isTrue();
            String from = qualified(m.group(1));
            order.add(from);
            Set<String> to = readme.computeIfAbsent(from, k -> new TreeSet<>());
            if (m.group(2) != null) {
                for (String t : m.group(2).split(",")) {
                    to.add(qualified(t.strip()));
                }
            }
        }
        readme.forEach((from, to) -> to.stream().filter(t -> order.indexOf(t) <= order.indexOf(from))
                .forEach(t -> upward.add(from + " --> " + t)));
        assertThat(edges(readme)).as("package edges drawn in the README (actual) against the imports scanned (expected); "
                + "redraw the block after %s", GRAPH_MARKER).isEqualTo(edges(DEPENDS));
        assertThat(readme.keySet()).as("packages drawn").isEqualTo(DEPENDS.keySet());
        assertThat(upward).as("arrows that point to a line above (the drawing lists a package above what it imports)")
                .isEmpty();
    }

    /** The lines of the fenced block after the marker. */
    static List<String> graphBlock(String readme) {
        int at = readme.indexOf(GRAPH_MARKER);
        assertThat(at).as("README has the package graph block (%s)", GRAPH_MARKER).isNotNegative();
        List<String> lines = readme.substring(at + GRAPH_MARKER.length()).lines().toList();
        int open = 0;
        while (open < lines.size() && !lines.get(open).startsWith("```")) {
            open++;
        }
        List<String> block = new ArrayList<>();
        for (int i = open + 1; i < lines.size() && !lines.get(i).startsWith("```"); i++) {
            if (!lines.get(i).isBlank()) {
                block.add(lines.get(i));
            }
        }
        return block;
    }

    private static String qualified(String drawn) {
        return drawn.equals(ROOT) ? ROOT : ROOT + "." + drawn;
    }

    /** "from --> to" for every edge, short names, sorted. */
    static List<String> edges(Map<String, Set<String>> graph) {
        List<String> out = new ArrayList<>();
        graph.forEach((from, to) -> to.forEach(t -> out.add(shortName(from) + " --> " + shortName(t))));
        return out.stream().sorted().toList();
    }

    private static String shortName(String pkg) {
        return pkg.equals(ROOT) ? ROOT : pkg.substring(ROOT.length() + 1);
    }

    /** Tarjan's algorithm over the package graph. */
    private static List<List<String>> stronglyConnected() {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> out = new ArrayList<>();
        int[] counter = {0};
        for (String v : DEPENDS.keySet()) {
            if (!index.containsKey(v)) {
                connect(v, index, low, stack, onStack, out, counter);
            }
        }
        return out;
    }

    private static void connect(String v, Map<String, Integer> index, Map<String, Integer> low, Deque<String> stack,
            Set<String> onStack, List<List<String>> out, int[] counter) {
        index.put(v, counter[0]);
        low.put(v, counter[0]);
        counter[0]++;
        stack.push(v);
        onStack.add(v);
        for (String w : DEPENDS.getOrDefault(v, Set.of())) {
            if (!DEPENDS.containsKey(w)) {
                continue;
            }
            if (!index.containsKey(w)) {
                connect(w, index, low, stack, onStack, out, counter);
                low.put(v, Math.min(low.get(v), low.get(w)));
            } else if (onStack.contains(w)) {
                low.put(v, Math.min(low.get(v), index.get(w)));
            }
        }
        if (low.get(v).equals(index.get(v))) {
            List<String> component = new ArrayList<>();
            String w;
            do {
                w = stack.pop();
                onStack.remove(w);
                component.add(w);
            } while (!w.equals(v));
            out.add(component);
        }
    }
}
