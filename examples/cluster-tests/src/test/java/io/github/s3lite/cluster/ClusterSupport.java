package io.github.s3lite.cluster;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.s3lite.test.EmbeddedS3;

/** Forked node JVMs ({@link ClusterNode}) and free ports (test files: the component's {@code TestFiles}). */
final class ClusterSupport {
    static final long MIB = 1024 * 1024;
    static final Pattern RESULT = Pattern.compile(
            "RESULT parts=(\\S+) resumed=(\\S+) uploadId=(\\S+) alreadyUploaded=(\\S+) etag=(\\S+) millis=(\\S+)");

    private ClusterSupport() {
    }

    /** A node JVM and the lines it printed so far. */
    record Node(String name, Process process, List<String> output) {
        Matcher result() {
            for (String l : new ArrayList<>(output)) {
                Matcher m = RESULT.matcher(l);
                if (m.find()) {
                    return m;
                }
            }
            throw new AssertionError("no RESULT line from " + name + ":\n" + String.join("\n", output));
        }

        String log() {
            return name + " output:\n" + String.join("\n", new ArrayList<>(output));
        }

        void kill() throws InterruptedException {
            process.destroyForcibly().waitFor();
        }
    }

    static Node start(String name, List<String> args) throws IOException {
        return start(name, ClusterNode.class, args);
    }

    /** A node JVM running {@code mainClass} (ClusterNode, or a test main that calls {@link ClusterNode#run}). */
    static Node start(String name, Class<?> mainClass, List<String> args) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", System.getProperty("java.class.path"), mainClass.getName()));
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                    System.out.println("[" + name + "] " + line);
                }
            } catch (IOException ignored) {
                // killed
            }
        }, "out-" + name);
        reader.setDaemon(true);
        reader.start();
        return new Node(name, p, out);
    }

    static List<String> s3Args(String endpoint, String bucket) {
        return List.of("endpoint=" + endpoint, "bucket=" + bucket, "accessKey=" + EmbeddedS3.ACCESS_KEY,
                "secretKey=" + EmbeddedS3.SECRET_KEY);
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
