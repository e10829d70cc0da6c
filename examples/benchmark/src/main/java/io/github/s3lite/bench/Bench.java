package io.github.s3lite.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3ClientConfig;
import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;

/**
 * The benchmark driver: generates the data, starts S3Proxy in its own JVM, runs every (scenario, size, client)
 * configuration in a fresh process (a forked JVM per Camel run, curl for the ceiling), round-robin so that load
 * drift hits all clients alike, and prints medians as a text table and as Markdown.
 * <p>
 * Options: {@code --quick} (64 MiB, 1 run each), {@code --runs N}, {@code --sizes 64m,1g}, {@code --part-size BYTES},
 * {@code --out FILE.md}, {@code --work DIR} (default: a new temp dir, deleted at the end), {@code --only REGEX} (the
 * configurations whose "scenario size [-Xmx..], client" it finds, e.g. {@code "put multipart, file"}),
 * {@code --wan-delay MS} (one-way delay of the WAN path, default 25: 50 ms round trip), {@code --wan-rate BYTES} (its
 * per-connection cap, default 20000000 = 20 MB/s), {@code --small N} (objects per small-object run, default 2000; 0: none).
 * After the table: objects/s of the small-object runs, and s3lite's ratios against each peer computed per round.
 */
public final class Bench {
    private static final long MIB = 1024 * 1024;
    private static final long GIB = 1024 * MIB;
    private static final String BUCKET = "bench";

    /**
     * One configuration: a scenario, a size, a client and how it is started; {@code uriExtra} is appended to the
     * client's endpoint URI (replacing options of the same name), {@code wan} sends it through the {@link DelayProxy}.
     */
    record Config(String scenario, long size, String client, String component, String op, String body, String checksum,
            String xmx, int runs, String uriExtra, boolean wan) {
        Config(String scenario, long size, String client, String component, String op, String body, String checksum,
                String xmx, int runs) {
            this(scenario, size, client, component, op, body, checksum, xmx, runs, "", false);
        }

        String label() {
            return scenario + " " + sizeLabel(size) + (xmx.equals(DEFAULT_XMX) || xmx.equals("-") ? "" : " -Xmx" + xmx);
        }

        boolean small() {
            return op.startsWith("small-");
        }
    }

    /**
     * One run's measurements; cpu values in seconds, memory in bytes (-1 unknown). {@code jitS}, {@code gcS}: CPU of
     * the client JVM's JIT compiler and GC threads during the transfer, part of {@code cpuS} (-1: unknown, and curl).
     */
    record Run(boolean ok, String error, long bytes, double wallS, double cpuS, double cpuTotalS, double serverCpuS,
            long heapPeak, long rssPeak, double jitS, double gcS) {
        Run(boolean ok, String error, long bytes, double wallS, double cpuS, double cpuTotalS, double serverCpuS,
                long heapPeak, long rssPeak) {
            this(ok, error, bytes, wallS, cpuS, cpuTotalS, serverCpuS, heapPeak, rssPeak, -1, -1);
        }

        /** Client CPU without the JIT and GC threads' share (a client without that split, such as curl: all of it). */
        double cpuWithoutJitGcS() {
            return cpuS - Math.max(0, jitS) - Math.max(0, gcS);
        }
    }

    static final String DEFAULT_XMX = "4g";

    private final Path work;
    private final boolean ownWork;
    private final long partSize;
    private final String javaBin = Paths.get(System.getProperty("java.home"), "bin", "java").toString();
    private final String classpath = System.getProperty("java.class.path");
    private final PrintStream log = System.out;
    private Process server;
    private int port;
    private S3LiteClient s3;
    /** Only configurations whose "label, client" this finds. */
    private java.util.regex.Pattern only;
    private final boolean haveTime = Files.isExecutable(Paths.get("/usr/bin/time"));
    /** The WAN path: one-way delay (ms) and per-connection cap (bytes/s) of the {@link DelayProxy}. */
    private long wanDelayMillis = 25;
    private long wanBytesPerSecond = 20_000_000;
    private DelayProxy wan;
    /** Number of small objects per small-object run (0: none). */
    private int smallCount = 2000;
    /** Extra arguments for every client JVM ({@code --jvm-arg}, repeatable), e.g. a JFR recording to profile one. */
    private List<String> clientJvmArgs = List.of();
    /** The load average at the start of each round. */
    private final List<String> roundLoads = new ArrayList<>();
    /** S3Proxy's https port, its key store (for the client JVMs' trust store) and certificate (for curl). */
    private int securePort;
    private Path keystore;
    private Path certPem;
    static final String TLS_PASSWORD = "bench-changeit";

    Bench(Path work, boolean ownWork, long partSize) {
        this.work = work;
        this.ownWork = ownWork;
        this.partSize = partSize;
    }

    public static void main(String[] args) throws Exception {
        boolean quick = false;
        int runs = 3;
        List<Long> sizes = List.of(64 * MIB, GIB);
        long partSize = 8 * MIB;
        Path out = Paths.get("benchmark-results.md");
        Path work = null;
        java.util.regex.Pattern only = null;
        long wanDelay = 25;
        long wanRate = 20_000_000;
        int small = 2000;
        List<String> jvmArgs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> quick = true;
                case "--runs" -> runs = Integer.parseInt(args[++i]);
                case "--sizes" -> sizes = Arrays.stream(args[++i].split(",")).map(Bench::parseSize).toList();
                case "--part-size" -> partSize = parseSize(args[++i]);
                case "--out" -> out = Paths.get(args[++i]);
                case "--work" -> work = Paths.get(args[++i]);
                case "--only" -> only = java.util.regex.Pattern.compile(args[++i]);
                case "--wan-delay" -> wanDelay = Long.parseLong(args[++i]);
                case "--wan-rate" -> wanRate = parseSize(args[++i]);
                case "--small" -> small = Integer.parseInt(args[++i]);
                case "--jvm-arg" -> jvmArgs.add(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (quick) {
            runs = 1;
            sizes = List.of(64 * MIB);
        }
        boolean own = work == null;
        if (own) {
            work = Files.createTempDirectory("s3lite-bench");
        } else {
            Files.createDirectories(work);
        }
        Bench b = new Bench(work, own, partSize);
        b.only = only;
        b.wanDelayMillis = wanDelay;
        b.wanBytesPerSecond = wanRate;
        b.smallCount = small;
        b.clientJvmArgs = List.copyOf(jvmArgs);
        try {
            b.run(sizes, runs, out);
        } finally {
            b.close();
        }
    }

    void run(List<Long> sizes, int runs, Path out) throws Exception {
        String started = ZonedDateTime.now().toString();
        log.printf("work dir %s, part size %d MiB, %d run(s) per configuration, load %s%n", work, partSize / MIB, runs,
                loadAvg());
        log.printf("WAN path: %d ms one-way delay (%d ms round trip), %.1f MB/s per connection and direction%n",
                wanDelayMillis, 2 * wanDelayMillis, wanBytesPerSecond / 1e6);
        Map<Long, Path> sources = new LinkedHashMap<>();
        for (long size : sizes) {
            sources.put(size, generate(size));
        }
        startServer();
        s3 = new S3LiteClient(S3ClientConfig.of(URI.create("http://127.0.0.1:" + port), "us-east-1", true,
                CredentialsProvider.of(new Credentials(Client.ACCESS_KEY, Client.SECRET_KEY))));
        s3.createBucket(BUCKET);
        for (Map.Entry<Long, Path> e : sources.entrySet()) {
            // the object every download reads
            Run r = curl("put", e.getValue(), "dl-" + sizeLabel(e.getKey()));
            if (!r.ok()) {
                throw new IllegalStateException("Could not store the download object: " + r.error());
            }
        }

        wan = new DelayProxy(port, wanDelayMillis, wanBytesPerSecond);
        List<Config> configs = configs(sizes, runs).stream()
                .filter(c -> only == null || only.matcher(c.label() + ", " + c.client()).find()).toList();
        if (configs.stream().anyMatch(Bench::https)) {
            // S3Proxy's JVM compiles its TLS code during its first https uploads: without this the first https client
            // of round 1 (always s3lite) runs against a slower server
            Path largest = sources.get(sizes.stream().max(Long::compare).orElseThrow());
            for (int i = 0; i < 3; i++) {
                Run r = curl("put", largest, "warm-tls", securePort, true);
                log.printf(Locale.ROOT, "server TLS warm-up %d: %s%n", i + 1, r.ok()
                        ? String.format(Locale.ROOT, "%.1f MB/s, server cpu %.2f s", r.bytes() / 1e6 / r.wallS(), r.serverCpuS())
                        : "FAILED " + r.error());
            }
            s3.deleteObject(BUCKET, "warm-tls");
        }
        if (configs.stream().anyMatch(c -> c.small() && c.op().equals("small-get"))) {
            storeSmallObjects();
        }
        Map<Config, List<Run>> results = new LinkedHashMap<>();
        configs.forEach(c -> results.put(c, new ArrayList<>()));
        int maxRuns = configs.stream().mapToInt(Config::runs).max().orElse(0);
        for (int round = 1; round <= maxRuns; round++) {
            roundLoads.add(loadAvg());
            log.printf("round %d, load %s%n", round, roundLoads.get(round - 1));
            for (Config c : configs) {
                if (round > c.runs()) {
                    continue;
                }
                Run r = runOne(c, sources.get(c.size()), round);
                results.get(c).add(r);
                log.printf(Locale.ROOT, "[%d/%d] %-40s %-22s %s%n", round, c.runs(), c.label(), c.client(), r.ok()
                        ? String.format(Locale.ROOT, "%7.1f MB/s  cpu %6.2f s (jit %5.2f, gc %5.2f)  heap %5d MiB  rss %5d MiB"
                                + "  server cpu %5.2f s", r.bytes() / 1e6 / r.wallS(), r.cpuS(), r.jitS(), r.gcS(),
                                r.heapPeak() / MIB, r.rssPeak() / MIB, r.serverCpuS())
                        : "FAILED " + r.error());
            }
        }
        String table = markdown(results, started, runs);
        log.println();
        log.println(table);
        Files.writeString(out, table);
        log.println("Markdown written to " + out.toAbsolutePath());
    }

    List<Config> configs(List<Long> sizes, int runs) {
        List<Config> l = new ArrayList<>();
        for (long size : sizes) {
            uploadCases(l, size, runs);
            for (String cs : List.of("AUTO", "MD5")) {
                l.add(new Config("put single, file", size, "s3lite " + cs, "s3lite", "put-single", "file", cs, DEFAULT_XMX, runs));
            }
            l.add(new Config("put single, file", size, "aws2-s3", "aws2-s3", "put-single", "file", "-", DEFAULT_XMX, runs));
            l.add(new Config("put single, file", size, "curl", "curl", "put", "file", "-", "-", runs));
            for (String body : List.of("file", "stream")) {
                String sc = "put multipart, " + body;
                for (String cs : List.of("AUTO", "MD5")) {
                    l.add(new Config(sc, size, "s3lite " + cs, "s3lite", "put-multipart", body, cs, DEFAULT_XMX, runs));
                }
                l.add(new Config(sc, size, "aws2-s3", "aws2-s3", "put-multipart", body, "-", DEFAULT_XMX, runs));
                l.add(new Config(sc, size, "minio", "minio", "put-multipart", body, "-", DEFAULT_XMX, runs));
                if (body.equals("file")) {
                    // the ceiling of issue 15's goal "multipart upload >= 0.9x curl's single-PUT throughput"
                    l.add(new Config(sc, size, "curl (single PUT)", "curl", "put", "file", "-", "-", runs));
                }
            }
            for (String c : List.of("s3lite", "aws2-s3", "minio")) {
                l.add(new Config("get", size, c, c, "get", "-", "-", DEFAULT_XMX, runs));
            }
            l.add(new Config("get", size, "curl", "curl", "get", "-", "-", "-", runs));
            // curl does not fsync; s3lite forces every range (and the one GET) to disk before it counts as done:
            // curl followed by an fsync of its file is the like-for-like ceiling for a download to a file
            l.add(new Config("get", size, "curl + fsync", "curl", "get-fsync", "-", "-", "-", runs));
            // the cost of checking a download: to a file, with no check and with the single-part ETag as MD5
            for (String v : List.of("NEVER", "ALWAYS")) {
                l.add(new Config("get to file", size, "s3lite " + v, "s3lite", "get", "file", v, DEFAULT_XMX, runs));
            }
            // parallel ranged download to a file (default: 16 MiB ranges, 4 at a time) against one GET
            l.add(new Config("get to file", size, "s3lite 4 ranges", "s3lite", "get", "file", "-", DEFAULT_XMX, runs));
            l.add(new Config("get to file", size, "s3lite 1 GET", "s3lite", "get", "file", "-", DEFAULT_XMX, runs,
                    "&downloadConcurrency=1", false));
            // the WAN path (DelayProxy): delay plus a per-connection cap, where parallel connections pay
            String wg = "get WAN";
            l.add(new Config(wg, size, "s3lite file 4 ranges", "s3lite", "get", "file", "-", DEFAULT_XMX, runs, "", true));
            l.add(new Config(wg, size, "s3lite file 8 ranges", "s3lite", "get", "file", "-", DEFAULT_XMX, runs,
                    "&downloadConcurrency=8", true));
            l.add(new Config(wg, size, "s3lite stream", "s3lite", "get", "-", "-", DEFAULT_XMX, runs, "", true));
            l.add(new Config(wg, size, "aws2-s3", "aws2-s3", "get", "-", "-", DEFAULT_XMX, runs, "", true));
            l.add(new Config(wg, size, "curl", "curl", "get", "-", "-", "-", runs, "", true));
            String wp = "put multipart WAN, file";
            l.add(new Config(wp, size, "s3lite AUTO", "s3lite", "put-multipart", "file", "AUTO", DEFAULT_XMX, runs, "", true));
            l.add(new Config(wp, size, "s3lite AUTO 8 parts", "s3lite", "put-multipart", "file", "AUTO", DEFAULT_XMX, runs,
                    "&uploadConcurrency=8", true));
            l.add(new Config(wp, size, "aws2-s3", "aws2-s3", "put-multipart", "file", "-", DEFAULT_XMX, runs, "", true));
            l.add(new Config(wp, size, "curl (single PUT)", "curl", "put", "file", "-", "-", runs, "", true));
            if (size >= GIB) {
                // bounded memory: the same uploads in a 64 MiB heap
                for (String body : List.of("file", "stream")) {
                    l.add(new Config("put multipart, " + body, size, "s3lite AUTO", "s3lite", "put-multipart", body, "AUTO", "64m",
                            runs));
                }
                // once: it is expected to run out of memory (camel-minio cannot take a stream of unknown length at all)
                l.add(new Config("put multipart, stream", size, "aws2-s3", "aws2-s3", "put-multipart", "stream", "-", "64m", 1));
            }
        }
        if (smallCount > 0) {
            // many small objects, 8 threads in one JVM: objects/s and CPU per object
            long bytes = (long) smallCount * Client.SMALL_SIZE;
            for (String op : List.of("put", "get")) {
                String sc = "small " + op + " " + smallCount + " x 16KiB, 8 threads";
                for (String c : List.of("s3lite", "aws2-s3")) {
                    l.add(new Config(sc, bytes, c, c, "small-" + op, String.valueOf(smallCount), op.equals("put") ? "AUTO" : "-",
                            DEFAULT_XMX, runs));
                }
            }
        }
        return l;
    }

    /** The objects small-get reads: {@code small/<i>}, stored once. */
    private void storeSmallObjects() throws InterruptedException {
        byte[] data = new byte[Client.SMALL_SIZE];
        new java.util.Random(7).nextBytes(data);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        for (int i = 0; i < smallCount; i++) {
            String k = "small/" + i;
            pool.submit(() -> s3.putObject(BUCKET, k, io.github.s3lite.client.RequestBody.of(data),
                    io.github.s3lite.client.ObjectWriteOptions.DEFAULTS, io.github.s3lite.client.ChecksumAlgorithm.NONE));
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        log.printf("stored %d small objects for small-get%n", smallCount);
    }

    /**
     * Upload CPU where users feel it (issue 15): the second PUT of a JVM against the first (every other row is the
     * first transfer of a fresh JVM), and uploads over https (S3Proxy serving TLS; the AWS SDK signs every chunk
     * over plain http but not over https, so CPU ratios against aws2-s3 are fairer there).
     */
    void uploadCases(List<Config> l, long size, int runs) {
        for (String c : List.of("s3lite AUTO", "aws2-s3")) {
            String component = c.startsWith("s3lite") ? "s3lite" : c;
            l.add(new Config("put single, file, 2nd PUT of the JVM", size, c, component, "put-single-2nd", "file",
                    c.startsWith("s3lite") ? "AUTO" : "-", DEFAULT_XMX, runs));
        }
        for (String sc : List.of("https put single, file", "https put multipart, file")) {
            boolean single = sc.contains("single");
            l.add(new Config(sc, size, "s3lite AUTO", "s3lite", single ? "put-single" : "put-multipart", "file", "AUTO",
                    DEFAULT_XMX, runs));
            if (!single) {
                // camel-aws2-s3 sends its parts one after the other: the same here, to see what parallel parts cost
                // a cold JVM over TLS (four sending threads compete with the JIT for two cores)
                l.add(new Config(sc, size, "s3lite AUTO 1 part at a time", "s3lite", "put-multipart", "file", "AUTO",
                        DEFAULT_XMX, runs, "&uploadConcurrency=1", false));
            }
            l.add(new Config(sc, size, "aws2-s3", "aws2-s3", single ? "put-single" : "put-multipart", "file", "-",
                    DEFAULT_XMX, runs));
            l.add(new Config(sc, size, "curl", "curl", "put", "file", "-", "-", runs));
        }
    }

    static boolean https(Config c) {
        return c.scenario().startsWith("https ");
    }

    Run runOne(Config c, Path source, int round) throws Exception {
        String key = "k-" + c.scenario().replaceAll("[^a-z]", "") + "-" + sizeLabel(c.size()) + "-"
                     + c.client().replaceAll("[^A-Za-z0-9]", "") + "-" + c.xmx() + "-" + round;
        Path target = work.resolve("download.bin");
        int to = c.wan() ? wan.port() : https(c) ? securePort : port;
        Run r;
        if (c.small()) {
            r = java(c, target, c.op().equals("small-get") ? "small" : key, to);
        } else if (c.component().equals("curl")) {
            r = c.op().startsWith("get") ? curl(c.op(), target, "dl-" + sizeLabel(c.size()), to, false)
                    : curl("put", source, key, to, https(c));
        } else {
            boolean get = c.op().equals("get");
            r = java(c, get ? target : source, get ? "dl-" + sizeLabel(c.size()) : key, to);
        }
        if (r.ok() && r.bytes() != c.size()) {
            r = fail("transferred " + r.bytes() + " bytes, expected " + c.size());
        }
        if (c.small()) {
            // small-put objects stay (a few MiB; the keys are unique per run)
        } else if (c.op().startsWith("get")) {
            Files.deleteIfExists(target);
        } else {
            for (String k : List.of(key, key + "-warm")) {
                try {
                    s3.deleteObject(BUCKET, k);
                } catch (RuntimeException e) {
                    // not there when the upload failed (or there was no warm-up PUT)
                }
            }
        }
        return r;
    }

    private Run java(Config c, Path file, String key, int toPort) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(javaBin, "-Xmx" + c.xmx(), "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"));
        cmd.addAll(clientJvmArgs);
        if (https(c)) {
            cmd.addAll(List.of("-Djavax.net.ssl.trustStore=" + keystore, "-Djavax.net.ssl.trustStorePassword=" + TLS_PASSWORD,
                    "-Djavax.net.ssl.trustStoreType=PKCS12"));
        }
        cmd.addAll(List.of("-cp", classpath, Client.class.getName(), c.component(), c.op(), c.body(), file.toString(),
                String.valueOf(toPort), BUCKET, key, String.valueOf(partSize), c.checksum(), c.uriExtra(),
                https(c) ? "https" : "http"));
        long s0 = serverCpuTicks();
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        Process p = pb.start();
        List<String> lines = readAll(p);
        boolean done = p.waitFor(20, TimeUnit.MINUTES);
        double serverCpu = (serverCpuTicks() - s0) / 100.0;
        if (!done) {
            p.destroyForcibly();
            return fail("timed out");
        }
        for (String line : lines) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> kv = new LinkedHashMap<>();
                for (String part : line.substring(7).split(" ")) {
                    String[] x = part.split("=", 2);
                    kv.put(x[0], x[1]);
                }
                return new Run(true, null, Long.parseLong(kv.get("bytes")), Long.parseLong(kv.get("wallNs")) / 1e9,
                        Long.parseLong(kv.get("cpuNs")) / 1e9, Long.parseLong(kv.get("cpuTotalNs")) / 1e9, serverCpu,
                        Long.parseLong(kv.get("heapPeak")), Long.parseLong(kv.get("rssPeak")),
                        Long.parseLong(kv.getOrDefault("jitNs", "-1")) / 1e9, Long.parseLong(kv.getOrDefault("gcNs", "-1")) / 1e9);
            }
        }
        return fail("exit " + p.exitValue() + ": " + summary(lines));
    }

    /** curl with SigV4 as the ceiling; CPU and peak RSS from /usr/bin/time. */
    private Run curl(String op, Path file, String key) throws Exception {
        return curl(op, file, key, port);
    }

    private Run curl(String op, Path file, String key, int toPort) throws Exception {
        return curl(op, file, key, toPort, false);
    }

    /**
     * curl over http, or over https to S3Proxy's TLS port trusting its certificate. {@code op} "put", "get", or
     * "get-fsync": the download, then coreutils {@code sync FILE} (fsync of that file) in the same timed process tree.
     */
    private Run curl(String op, Path file, String key, int toPort, boolean tls) throws Exception {
        Path timeOut = work.resolve("time.txt");
        List<String> cmd = new ArrayList<>();
        if (haveTime) {
            cmd.addAll(List.of("/usr/bin/time", "-o", timeOut.toString(), "-f", "%e %U %S %M"));
        }
        if (op.equals("get-fsync")) {
            cmd.addAll(List.of("sh", "-c", "\"$@\" && sync \"" + file + "\"", "sh"));
        }
        // curl 7.88 signs a -T upload as if its payload were empty unless told UNSIGNED-PAYLOAD (what s3lite sends too)
        cmd.addAll(List.of("curl", "-sS", "--fail-with-body", "--aws-sigv4", "aws:amz:us-east-1:s3", "--user",
                Client.ACCESS_KEY + ":" + Client.SECRET_KEY, "-H", "x-amz-content-sha256: UNSIGNED-PAYLOAD"));
        if (op.equals("put")) {
            cmd.addAll(List.of("-T", file.toString(), "-o", "/dev/null"));
        } else {
            cmd.addAll(List.of("-o", file.toString()));
        }
        if (tls) {
            cmd.addAll(List.of("--cacert", certPem.toString()));
        }
        cmd.add((tls ? "https" : "http") + "://127.0.0.1:" + toPort + "/" + BUCKET + "/" + key);
        long s0 = serverCpuTicks();
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        List<String> lines = readAll(p);
        p.waitFor();
        double wall = (System.nanoTime() - t0) / 1e9;
        double serverCpu = (serverCpuTicks() - s0) / 100.0;
        if (p.exitValue() != 0) {
            return fail("curl exit " + p.exitValue() + ": " + summary(lines));
        }
        double cpu = -1;
        long rss = -1;
        if (haveTime) {
            String[] t = Files.readString(timeOut).trim().split("\\s+");
            String[] last = Arrays.copyOfRange(t, t.length - 4, t.length);
            cpu = Double.parseDouble(last[1]) + Double.parseDouble(last[2]);
            rss = Long.parseLong(last[3]) * 1024;
        }
        return new Run(true, null, Files.size(file), wall, cpu, cpu, serverCpu, -1, rss);
    }

    private static Run fail(String why) {
        return new Run(false, why, 0, 0, 0, 0, 0, -1, -1);
    }

    private static List<String> readAll(Process p) throws IOException {
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null;) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static String summary(List<String> lines) {
        for (String l : lines) {
            if (l.startsWith("FAILED ")) {
                return shorten(l.substring(7));
            }
        }
        for (String l : lines) {
            if (l.contains("OutOfMemoryError")) {
                return "java.lang.OutOfMemoryError";
            }
        }
        return shorten(String.join(" | ", lines.subList(Math.max(0, lines.size() - 3), lines.size())));
    }

    private static String shorten(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    private long serverCpuTicks() {
        try {
            String stat = Files.readString(Paths.get("/proc/" + server.pid() + "/stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14 and 15)
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private Path generate(long size) throws IOException {
        Path p = work.resolve("data-" + sizeLabel(size) + ".bin");
        SplittableRandom rnd = new SplittableRandom(size);
        byte[] buf = new byte[(int) MIB];
        try (OutputStream out = Files.newOutputStream(p)) {
            for (long done = 0; done < size; done += buf.length) {
                for (int i = 0; i < buf.length; i += 8) {
                    long v = rnd.nextLong();
                    for (int j = 0; j < 8; j++) {
                        buf[i + j] = (byte) (v >>> (8 * j));
                    }
                }
                out.write(buf, 0, (int) Math.min(buf.length, size - done));
            }
        }
        log.printf("generated %s (%d bytes of random data)%n", p, size);
        return p;
    }

    private void startServer() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            securePort = s.getLocalPort();
        }
        makeCertificate();
        Path storage = Files.createDirectories(work.resolve("s3proxy-store"));
        Path serverLog = work.resolve("s3proxy.log");
        server = new ProcessBuilder(javaBin, "-Xmx2g", "-cp", classpath,
                S3ProxyServer.class.getName(), String.valueOf(port), storage.toString(), Client.ACCESS_KEY, Client.SECRET_KEY,
                String.valueOf(securePort), keystore.toString(), TLS_PASSWORD)
                .redirectErrorStream(true).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        List<String> early = new ArrayList<>();
        for (String line; (line = r.readLine()) != null;) {
            early.add(line);
            if (line.startsWith("READY ")) {
                break;
            }
        }
        if (!server.isAlive()) {
            throw new IllegalStateException("S3Proxy did not start: " + String.join("\n", early));
        }
        Thread drain = new Thread(() -> {
            try (OutputStream o = Files.newOutputStream(serverLog)) {
                server.getInputStream().transferTo(o);
            } catch (IOException ignored) {
                // server gone
            }
        }, "s3proxy-log");
        drain.setDaemon(true);
        drain.start();
        log.printf("S3Proxy 4.1.0 started as pid %d on port %d, https on %d (filesystem-nio2 store %s)%n", server.pid(), port,
                securePort, storage);
    }

    /** A self-signed key pair for 127.0.0.1 made with the JDK's keytool, and its certificate as PEM for curl. */
    private void makeCertificate() throws Exception {
        keystore = work.resolve("s3proxy-tls.p12");
        certPem = work.resolve("s3proxy-tls.pem");
        String keytool = Paths.get(System.getProperty("java.home"), "bin", "keytool").toString();
        exec(keytool, "-genkeypair", "-alias", "s3proxy", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
                "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12", "-keystore",
                keystore.toString(), "-storepass", TLS_PASSWORD, "-keypass", TLS_PASSWORD);
        exec(keytool, "-exportcert", "-rfc", "-alias", "s3proxy", "-keystore", keystore.toString(), "-storepass",
                TLS_PASSWORD, "-file", certPem.toString());
    }

    private static void exec(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException(cmd[0] + " failed: " + out);
        }
    }

    void close() throws IOException {
        if (wan != null) {
            wan.close();
        }
        if (s3 != null) {
            s3.close();
        }
        if (server != null) {
            server.destroy();
            try {
                server.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            server.destroyForcibly();
        }
        if (ownWork) {
            try (Stream<Path> s = Files.walk(work)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
            log.println("deleted " + work);
        }
    }

    // ------------------------------------------------------------------ report

    String markdown(Map<Config, List<Run>> results, String started, int runs) {
        StringBuilder sb = new StringBuilder();
        sb.append("Started ").append(started).append(", finished ").append(ZonedDateTime.now()).append(", load average now ")
                .append(loadAvg()).append(". Part size ").append(partSize / MIB).append(" MiB, s3lite uploadConcurrency=4, ")
                .append(runs).append(" run(s) per configuration (medians).\n\n");
        sb.append("| scenario | size | client | MB/s | client CPU s/GiB | of which JIT / GC s/GiB | server CPU s/GiB"
                + " | peak heap MiB | peak RSS MiB | runs ok |\n");
        sb.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        for (Map.Entry<Config, List<Run>> e : results.entrySet()) {
            Config c = e.getKey();
            List<Run> ok = e.getValue().stream().filter(Run::ok).toList();
            String scenario = c.scenario() + (c.xmx().equals(DEFAULT_XMX) || c.xmx().equals("-") ? "" : ", -Xmx" + c.xmx());
            sb.append("| ").append(scenario).append(" | ").append(sizeLabel(c.size())).append(" | ").append(c.client())
                    .append(" | ");
            if (ok.isEmpty()) {
                String err = e.getValue().isEmpty() ? "not run" : e.getValue().get(0).error();
                sb.append("FAILED | | | | | | ").append(0).append("/").append(e.getValue().size()).append(": ")
                        .append(err.replace("|", "/")).append(" |\n");
                continue;
            }
            double gib = c.size() / (double) GIB;
            sb.append(fmt(median(ok.stream().mapToDouble(r -> r.bytes() / 1e6 / r.wallS()).toArray()), 1)).append(" | ")
                    .append(ok.get(0).cpuS() < 0 ? "n/a"
                            : fmt(median(ok.stream().mapToDouble(r -> r.cpuS() / gib).toArray()), 2)).append(" | ")
                    .append(ok.get(0).jitS() < 0 ? "n/a"
                            : fmt(median(ok.stream().mapToDouble(r -> r.jitS() / gib).toArray()), 2) + " / "
                              + fmt(median(ok.stream().mapToDouble(r -> r.gcS() / gib).toArray()), 2)).append(" | ")
                    .append(fmt(median(ok.stream().mapToDouble(r -> r.serverCpuS() / gib).toArray()), 2)).append(" | ")
                    .append(ok.get(0).heapPeak() < 0 ? "n/a"
                            : String.valueOf(ok.stream().mapToLong(Run::heapPeak).max().getAsLong() / MIB)).append(" | ")
                    .append(ok.get(0).rssPeak() < 0 ? "n/a"
                            : String.valueOf(ok.stream().mapToLong(Run::rssPeak).max().getAsLong() / MIB)).append(" | ")
                    .append(ok.size()).append("/").append(e.getValue().size());
            if (ok.size() < e.getValue().size()) {
                e.getValue().stream().filter(r -> !r.ok()).findFirst()
                        .ifPresent(r -> sb.append(": ").append(r.error().replace("|", "/")));
            }
            sb.append(" |\n");
        }
        sb.append(smallObjects(results));
        sb.append(ratios(results));
        sb.append(firstVsSecond(results));
        sb.append("\nLoad average at the start of each round: ");
        for (int i = 0; i < roundLoads.size(); i++) {
            sb.append(i == 0 ? "" : "; ").append(i + 1).append(": ").append(roundLoads.get(i));
        }
        sb.append(". WAN path (DelayProxy): ").append(wanDelayMillis).append(" ms one-way (")
                .append(2 * wanDelayMillis).append(" ms round trip), ").append(fmt(wanBytesPerSecond / 1e6, 1))
                .append(" MB/s per connection and direction.\n");
        sb.append("\nRaw runs (wall s, client CPU s during the transfer, client CPU s of the whole process incl. JVM start, "
                  + "server CPU s; then the JIT and GC threads' CPU s during the transfer, where known):\n\n");
        for (Map.Entry<Config, List<Run>> e : results.entrySet()) {
            sb.append("- ").append(e.getKey().label()).append(", ").append(e.getKey().client()).append(":");
            for (Run r : e.getValue()) {
                sb.append(r.ok() ? String.format(Locale.ROOT, " [%.2f, %.2f, %.2f, %.2f%s]", r.wallS(), r.cpuS(), r.cpuTotalS(),
                        r.serverCpuS(), r.jitS() < 0 ? "" : String.format(Locale.ROOT, "; %.2f, %.2f", r.jitS(), r.gcS()))
                        : " [failed]");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Objects/s and client CPU ms per object of the small-object runs. */
    String smallObjects(Map<Config, List<Run>> results) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Config, List<Run>> e : results.entrySet()) {
            Config c = e.getKey();
            List<Run> ok = e.getValue().stream().filter(Run::ok).toList();
            if (!c.small() || ok.isEmpty()) {
                continue;
            }
            if (sb.length() == 0) {
                sb.append("\n| small objects | client | objects/s | client CPU ms/object | server CPU ms/object | runs ok |\n")
                        .append("|---|---|---:|---:|---:|---|\n");
            }
            double n = c.size() / (double) Client.SMALL_SIZE;
            sb.append("| ").append(c.scenario()).append(" | ").append(c.client()).append(" | ")
                    .append(fmt(median(ok.stream().mapToDouble(r -> n / r.wallS()).toArray()), 0)).append(" | ")
                    .append(fmt(median(ok.stream().mapToDouble(r -> r.cpuS() * 1000 / n).toArray()), 3)).append(" | ")
                    .append(fmt(median(ok.stream().mapToDouble(r -> r.serverCpuS() * 1000 / n).toArray()), 3)).append(" | ")
                    .append(ok.size()).append("/").append(e.getValue().size()).append(" |\n");
        }
        return sb.toString();
    }

    /** The scenario whose peers (aws2-s3, curl, minio) an s3lite configuration is compared with. */
    static String peerScenario(String scenario) {
        return scenario.equals("get to file") ? "get" : scenario;
    }

    /**
     * Each "2nd PUT of the JVM" row against the first PUT of a fresh JVM of the same client, per interleaved round:
     * what the first request of a JVM costs more (client CPU ratio 2nd / 1st; 1.00 = no first-request tax).
     */
    String firstVsSecond(Map<Config, List<Run>> results) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Config, List<Run>> s : results.entrySet()) {
            Config sc = s.getKey();
            if (!sc.scenario().endsWith(", 2nd PUT of the JVM")) {
                continue;
            }
            for (Map.Entry<Config, List<Run>> p : results.entrySet()) {
                Config pc = p.getKey();
                if (!pc.scenario().equals("put single, file") || pc.size() != sc.size() || !pc.client().equals(sc.client())) {
                    continue;
                }
                List<Double> thr = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                List<Double> cpuNoJit = new ArrayList<>();
                for (int i = 0; i < Math.min(s.getValue().size(), p.getValue().size()); i++) {
                    Run a = s.getValue().get(i);
                    Run b = p.getValue().get(i);
                    if (a.ok() && b.ok()) {
                        thr.add((a.bytes() / a.wallS()) / (b.bytes() / b.wallS()));
                        if (b.cpuS() > 0) {
                            cpu.add(a.cpuS() / b.cpuS());
                        }
                        if (a.jitS() >= 0 && b.jitS() >= 0 && b.cpuWithoutJitGcS() > 0) {
                            cpuNoJit.add(a.cpuWithoutJitGcS() / b.cpuWithoutJitGcS());
                        }
                    }
                }
                if (thr.isEmpty()) {
                    continue;
                }
                if (sb.length() == 0) {
                    sb.append("\nSecond PUT of a JVM against the first (2nd / 1st per interleaved round, median):\n\n")
                            .append("| size | client | throughput ratio | per round | client CPU ratio | per round"
                                    + " | CPU ratio without JIT and GC threads | per round |\n")
                            .append("|---|---|---:|---|---:|---|---:|---|\n");
                }
                sb.append("| ").append(sizeLabel(sc.size())).append(" | ").append(sc.client()).append(" | ")
                        .append(ratioCells(thr)).append(" | ").append(ratioCells(cpu)).append(" | ")
                        .append(ratioCells(cpuNoJit)).append(" |\n");
            }
        }
        return sb.toString();
    }

    /**
     * s3lite against each peer of its scenario and size, computed per interleaved round (both runs of a ratio ran
     * within minutes of each other, so load drift cancels), with the median over rounds: throughput (or objects/s)
     * ratio and client CPU ratio.
     */
    String ratios(Map<Config, List<Run>> results) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<Config, List<Run>> s : results.entrySet()) {
            Config sc = s.getKey();
            if (!sc.component().equals("s3lite")) {
                continue;
            }
            for (Map.Entry<Config, List<Run>> p : results.entrySet()) {
                Config pc = p.getKey();
                if (pc.component().equals("s3lite") || pc.size() != sc.size() || !pc.xmx().equals(sc.xmx()) && !pc.xmx().equals("-")
                    || !pc.scenario().equals(peerScenario(sc.scenario()))) {
                    continue;
                }
                List<Double> thr = new ArrayList<>();
                List<Double> cpu = new ArrayList<>();
                List<Double> cpuNoJit = new ArrayList<>();
                int rounds = Math.min(s.getValue().size(), p.getValue().size());
                for (int i = 0; i < rounds; i++) {
                    Run a = s.getValue().get(i);
                    Run b = p.getValue().get(i);
                    if (!a.ok() || !b.ok()) {
                        continue;
                    }
                    thr.add((a.bytes() / a.wallS()) / (b.bytes() / b.wallS()));
                    if (b.cpuS() > 0 && a.cpuS() >= 0) {
                        cpu.add(a.cpuS() / b.cpuS());
                        // without the JIT and GC threads' CPU on either side (curl has none): the cold JVM's share
                        if (a.jitS() >= 0 && b.cpuWithoutJitGcS() > 0) {
                            cpuNoJit.add(a.cpuWithoutJitGcS() / b.cpuWithoutJitGcS());
                        }
                    }
                }
                if (thr.isEmpty()) {
                    continue;
                }
                if (sb.length() == 0) {
                    sb.append("\nRatios per interleaved round (s3lite / peer; throughput: higher is better, client CPU: "
                              + "lower is better), median over rounds:\n\n")
                            .append("| scenario | size | s3lite | peer | throughput ratio | per round | client CPU ratio | per round"
                                    + " | CPU ratio without JIT and GC threads | per round |\n")
                            .append("|---|---|---|---|---:|---|---:|---|---:|---|\n");
                }
                sb.append("| ").append(sc.scenario()).append(" | ").append(sizeLabel(sc.size())).append(" | ")
                        .append(sc.client()).append(" | ").append(pc.client()).append(" | ")
                        .append(ratioCells(thr)).append(" | ").append(ratioCells(cpu)).append(" | ")
                        .append(ratioCells(cpuNoJit)).append(" |\n");
            }
        }
        return sb.toString();
    }

    /** Two table cells: the median ratio ("1.23x", or "n/a" when empty) and the per-round ratios. */
    private static String ratioCells(List<Double> v) {
        return (v.isEmpty() ? "n/a" : fmt(median(v.stream().mapToDouble(Double::doubleValue).toArray()), 2) + "x")
                + " | " + list(v);
    }

    private static String list(List<Double> v) {
        StringBuilder sb = new StringBuilder();
        for (double d : v) {
            sb.append(sb.length() == 0 ? "" : ", ").append(fmt(d, 2));
        }
        return sb.toString();
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    static String fmt(double v, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    static String sizeLabel(long size) {
        return size % GIB == 0 ? size / GIB + "GiB" : size % MIB == 0 ? size / MIB + "MiB"
                : size % 1024 == 0 ? size / 1024 + "KiB" : size + "B";
    }

    static long parseSize(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        long mult = 1;
        if (t.endsWith("g")) {
            mult = GIB;
        } else if (t.endsWith("m")) {
            mult = MIB;
        }
        return Long.parseLong(mult == 1 ? t : t.substring(0, t.length() - 1)) * mult;
    }

    private static String loadAvg() {
        try {
            return Files.readString(Paths.get("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
