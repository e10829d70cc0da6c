package io.github.s3lite;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import javax.lang.model.element.Modifier;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ModifiersTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePathScanner;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 16 point 6: every public type, constructor, method and constant of the classes a user touches has a Javadoc
 * comment, so an IDE shows one. The sources are parsed with javac's tree API (no compilation); a member needs a
 * comment when it is public or protected (or implicitly public in an interface) in a public type. Methods with
 * {@code @Override} inherit theirs, and a record's compact constructor is covered by the record's {@code @param}s.
 * A new public method or option accessor without a comment fails this test: write the comment (a true one).
 */
class JavadocCoverageTest {

    /** The user-facing classes (README: "Use it", the options, the SPIs a user implements). */
    static final List<String> USER_FACING = List.of(
            "S3LiteComponent", "S3LiteEndpoint", "S3LiteConfiguration", "S3LiteConstants", "MetadataContributor",
            "client/S3LiteClient", "client/S3ClientConfig",
            "client/auth/CredentialsProvider", "client/auth/Credentials",
            "content/ContentTypeResolver", "content/DefaultContentTypeResolver",
            "repository/JournalIdempotentRepository", "metrics/TransferListener", "metrics/TransferEvent",
            "metrics/S3LiteMetrics");

    static final Path SOURCES = Path.of("src/main/java/io/github/s3lite");

    /** "File.java:line kind name" of each public member without a Javadoc comment. */
    static List<String> undocumented(List<Path> files) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> missing = new ArrayList<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, d -> { }, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(files));
            DocTrees docs = DocTrees.instance(task);
            for (CompilationUnitTree unit : task.parse()) {
                new TreePathScanner<Void, Boolean>() {
                    private final List<ClassTree> enclosing = new ArrayList<>();

                    @Override
                    public Void visitClass(ClassTree c, Boolean visibleParent) {
                        boolean visible = (visibleParent == null || visibleParent) && isVisible(c.getModifiers());
                        if (visible) {
                            need("type " + c.getSimpleName());
                        }
                        enclosing.add(c);
                        try {
                            for (Tree member : c.getMembers()) {
                                scan(member, visible);
                            }
                        } finally {
                            enclosing.remove(enclosing.size() - 1);
                        }
                        return null;
                    }

                    @Override
                    public Void visitMethod(MethodTree m, Boolean visibleParent) {
                        ClassTree owner = enclosing.get(enclosing.size() - 1);
                        boolean override = m.getModifiers().getAnnotations().stream()
                                .anyMatch(a -> a.getAnnotationType().toString().endsWith("Override"));
                        boolean constructor = m.getName().contentEquals("<init>");
                        boolean compact = constructor && owner.getKind() == Tree.Kind.RECORD && m.getBody() != null
                                && !source(Math.max(docs.getSourcePositions().getEndPosition(unit, m.getModifiers()),
                                                docs.getSourcePositions().getStartPosition(unit, m)),
                                        docs.getSourcePositions().getStartPosition(unit, m.getBody())).contains("(");
                        if (visibleParent && isVisible(m.getModifiers()) && !override && !compact) {
                            need((constructor ? "constructor " + owner.getSimpleName() : "method " + m.getName())
                                 + "(" + m.getParameters().size() + " args)");
                        }
                        return null; // not into bodies (anonymous classes)
                    }

                    @Override
                    public Void visitVariable(VariableTree v, Boolean visibleParent) {
                        if (visibleParent && isVisible(v.getModifiers())) {
                            need("field " + v.getName());
                        }
                        return null;
                    }

                    private boolean isVisible(ModifiersTree mods) {
                        Set<Modifier> flags = mods.getFlags();
                        if (flags.contains(Modifier.PRIVATE)) {
                            return false;
                        }
                        boolean inInterface = !enclosing.isEmpty()
                                && (enclosing.get(enclosing.size() - 1).getKind() == Tree.Kind.INTERFACE
                                    || enclosing.get(enclosing.size() - 1).getKind() == Tree.Kind.ANNOTATION_TYPE);
                        return inInterface || flags.contains(Modifier.PUBLIC)
                               || flags.contains(Modifier.PROTECTED);
                    }

                    private String source(long from, long to) {
                        try {
                            return unit.getSourceFile().getCharContent(true).subSequence((int) from, (int) to).toString();
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }

                    private void need(String what) {
                        DocCommentTree doc = docs.getDocCommentTree(getCurrentPath());
                        if (doc == null || doc.getFullBody().isEmpty() && doc.getBlockTags().isEmpty()) {
                            long line = unit.getLineMap().getLineNumber(
                                    docs.getSourcePositions().getStartPosition(unit, getCurrentPath().getLeaf()));
                            missing.add(Path.of(unit.getSourceFile().toUri()).getFileName() + ":" + line + " " + what);
                        }
                    }
                }.scan(unit, null);
            }
        }
        return missing;
    }

    @Test
    void everyPublicTypeAndMemberAUserTouchesHasJavadoc() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String name : USER_FACING) {
            Path file = SOURCES.resolve(name + ".java");
            assertThat(file).as("a user-facing class moved: update USER_FACING").exists();
            files.add(file);
        }
        List<String> missing = undocumented(files);
        assertThat(missing).as("public types and members without Javadoc (%d):%n%s", missing.size(),
                String.join("\n", missing)).isEmpty();
    }

    /** The check itself finds what is missing: a public method, a constant, a nested type, an interface method and an enum constant without comments. */
    @Test
    void theCheckFindsAnUndocumentedMember(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Path file = dir.resolve("Sample.java");
        Files.writeString(file, """
                /** Documented. */
                public class Sample {
                    /** Documented. */
                    public static final String A = "a";
                    public static final String B = "b";
                    private int hidden;
                    /** Documented. */
                    public void documented() { }
                    public void bare() { new Object() { public void inner() { } }; }
                    @Override public String toString() { return ""; }
                    public static class Nested { }
                    /** Documented. */
                    public interface Spi { void call(); /** Documented. */ void other(); }
                    /** Documented. */
                    public enum Mode { /** Documented. */ X, Y }
                    /** Documented. @param a a */
                    public record Pair(String a) { public Pair { } public Pair(int a) { this("" + a); } }
                }
                """);
        assertThat(undocumented(List.of(file))).containsExactly("Sample.java:5 field B", "Sample.java:9 method bare(0 args)",
                "Sample.java:11 type Nested", "Sample.java:13 method call(0 args)", "Sample.java:15 field Y",
                "Sample.java:17 constructor Pair(1 args)");
    }
}
