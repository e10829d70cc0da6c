package io.github.s3lite.bench;

import java.io.FileInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Locale;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * One client run in its own JVM: one upload or one download through one Camel component, via a route
 * {@code direct:run -> <component uri> [-> copy the InputStream body to a file]}.
 * Prints one line {@code RESULT bytes=.. wallNs=.. cpuNs=.. cpuTotalNs=.. heapPeak=.. rssPeak=.. jitNs=.. gcNs=..}
 * (jitNs, gcNs: CPU of the JIT compiler and GC threads during the transfer, part of cpuNs).
 * <p>
 * Arguments: {@code <component> <op> <body> <file> <port> <bucket> <key> <partSize> <checksum>} where component is
 * s3lite|aws2-s3|minio, op is put-single|put-multipart|get, body is file|stream (put), or for get "file" (s3lite's
 * download to a file with CamelS3LiteDestinationFile) or anything else (the InputStream body copied to the file), file
 * is the source (put) or the target (get), checksum is the s3lite checksumAlgorithm (put) or
 * downloadChecksumValidation (get, "-" for the default). An eleventh argument {@code https} sends to an https
 * endpoint (trust from the JVM's {@code javax.net.ssl.trustStore}, set by the driver). An op ending in {@code -2nd}
 * first makes one unmeasured PUT of the same file to {@code <key>-warm} in the same JVM, so the measured one is the
 * second PUT of the JVM. An optional tenth argument is appended to the endpoint URI
 * (such as {@code &downloadConcurrency=1}).
 * <p>
 * Many small objects: op {@code small-put} or {@code small-get}, body = the number of objects, key = their prefix
 * ({@code <prefix>/<i>}, {@value #SMALL_SIZE} bytes each), sent by {@value #SMALL_THREADS} threads; the file is not used.
 */
public final class Client {
    public static final String ACCESS_KEY = "bench-access";
    public static final String SECRET_KEY = "bench-secret-key-0123456789";

    /** Size of each small object. */
    public static final int SMALL_SIZE = 16 * 1024;
    /** Threads sending small objects. */
    public static final int SMALL_THREADS = 8;

    private Client() {
    }

    /** A stream whose length nobody can learn in advance, like a socket's. */
    static final class UnknownLengthStream extends FilterInputStream {
        UnknownLengthStream(InputStream in) {
            super(in);
        }

        @Override
        public int available() {
            return 0;
        }
    }

    public static void main(String[] a) throws Exception {
        String component = a[0];
        boolean second = a[1].endsWith("-2nd");
        String op = second ? a[1].substring(0, a[1].length() - "-2nd".length()) : a[1];
        String bodyKind = a[2];
        Path file = Paths.get(a[3]);
        int port = Integer.parseInt(a[4]);
        String bucket = a[5];
        String key = a[6];
        long partSize = Long.parseLong(a[7]);
        String checksum = a[8];
        String plainUri = merge(uri(component, op.startsWith("small-") ? op.substring(6) : op, port, bucket, key, partSize, checksum),
                a.length > 9 ? a[9] : "");
        // https: the driver's trust store (javax.net.ssl.trustStore) holds S3Proxy's certificate
        String uri = a.length > 10 && a[10].equals("https") ? plainUri.replace("http://127.0.0.1", "https://127.0.0.1")
                : plainUri;
        boolean small = op.startsWith("small-");

        CamelContext ctx = new DefaultCamelContext();
        // Camel 4 caches streams by default (spooling them to disk above 128 KiB): off, so an InputStream body
        // reaches the component as the stream it is.
        ctx.setStreamCaching(false);
        ctx.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                if (op.equals("small-get")) {
                    from("direct:run").to(uri).process(e -> {
                        try (InputStream in = e.getMessage().getMandatoryBody(InputStream.class)) {
                            long n = in.transferTo(OutputStream.nullOutputStream());
                            if (n != SMALL_SIZE) {
                                throw new IllegalStateException("read " + n + " bytes, expected " + SMALL_SIZE);
                            }
                        }
                    });
                } else if (op.equals("get") && bodyKind.equals("file")) {
                    // s3lite's resumable download to a file (temp file, checks, atomic rename)
                    from("direct:run").setHeader("CamelS3LiteDestinationFile", constant(file.toString())).to(uri);
                } else if (op.equals("get")) {
                    from("direct:run").to(uri).process(e -> {
                        try (InputStream in = e.getMessage().getMandatoryBody(InputStream.class);
                             OutputStream out = Files.newOutputStream(file)) {
                            in.transferTo(out);
                        }
                    });
                } else {
                    from("direct:run").to(uri);
                }
            }
        });
        ctx.start();
        ProducerTemplate template = ctx.createProducerTemplate();
        if (second) {
            // the first PUT of this JVM, not measured: what a long-running application has done before
            Exchange warm = template.send("direct:run", e -> {
                e.getMessage().setBody(file.toFile());
                e.getMessage().setHeader("CamelS3LiteKey", key + "-warm");
                e.getMessage().setHeader("CamelAwsS3Key", key + "-warm");
                e.getMessage().setHeader("CamelMinioObjectName", key + "-warm");
            });
            if (warm.getException() != null) {
                System.out.println("FAILED warm-up PUT: " + warm.getException());
                ctx.stop();
                System.exit(2);
            }
        }
        com.sun.management.OperatingSystemMXBean os
                = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        InputStream stream = null;
        Map<String, long[]> threads0 = jitGcThreadCpu();
        long cpu0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        Object body;
        if (small) {
            long t1 = smallObjects(template, op.equals("small-put"), key, Integer.parseInt(bodyKind));
            long cpu1 = os.getProcessCpuTime();
            long[] jitGc = jitGcBetween(threads0, jitGcThreadCpu());
            long heapPeak = 0;
            for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                    heapPeak += pool.getPeakUsage().getUsed();
                }
            }
            System.out.printf(Locale.ROOT, "RESULT bytes=%d wallNs=%d cpuNs=%d cpuTotalNs=%d heapPeak=%d rssPeak=%d"
                    + " jitNs=%d gcNs=%d%n", (long) Integer.parseInt(bodyKind) * SMALL_SIZE, t1 - t0, cpu1 - cpu0,
                    os.getProcessCpuTime(), heapPeak, vmHwmBytes(), jitGc[0], jitGc[1]);
            System.out.flush();
            ctx.stop();
            System.exit(0);
        }
        if (op.equals("get")) {
            body = null;
        } else if (bodyKind.equals("file")) {
            body = file.toFile();
        } else {
            stream = new UnknownLengthStream(new FileInputStream(file.toFile()));
            body = stream;
        }
        Exchange ex = template.send("direct:run", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader("CamelS3LiteKey", key);
            e.getMessage().setHeader("CamelAwsS3Key", key);
            e.getMessage().setHeader("CamelMinioObjectName", key);
        });
        long t1 = System.nanoTime();
        long cpu1 = os.getProcessCpuTime();
        long[] jitGc = jitGcBetween(threads0, jitGcThreadCpu());
        if (stream != null) {
            stream.close();
        }
        if (ex.getException() != null) {
            System.out.println("FAILED " + ex.getException());
            ex.getException().printStackTrace();
            ctx.stop();
            System.exit(2);
        }
        long heapPeak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                heapPeak += pool.getPeakUsage().getUsed();
            }
        }
        long bytes = Files.size(file);
        long rss = vmHwmBytes();
        long cpuTotal = os.getProcessCpuTime();
        System.out.printf(Locale.ROOT, "RESULT bytes=%d wallNs=%d cpuNs=%d cpuTotalNs=%d heapPeak=%d rssPeak=%d jitNs=%d"
                + " gcNs=%d%n", bytes, t1 - t0, cpu1 - cpu0, cpuTotal, heapPeak, rss, jitGc[0], jitGc[1]);
        System.out.flush();
        ctx.stop();
        System.exit(0);
    }

    /** Sends {@code count} small PUTs or GETs from {@value #SMALL_THREADS} threads; returns System.nanoTime() at the end. */
    static long smallObjects(ProducerTemplate template, boolean put, String prefix, int count) throws Exception {
        byte[] data = new byte[SMALL_SIZE];
        new java.util.Random(count).nextBytes(data);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(SMALL_THREADS);
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<java.util.concurrent.Future<?>> all = new java.util.ArrayList<>();
        for (int t = 0; t < SMALL_THREADS; t++) {
            all.add(pool.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < count;) {
                    String k = prefix + "/" + i;
                    Exchange ex = template.send("direct:run", e -> {
                        e.getMessage().setBody(put ? data : null);
                        e.getMessage().setHeader("CamelS3LiteKey", k);
                        e.getMessage().setHeader("CamelAwsS3Key", k);
                        e.getMessage().setHeader("CamelAwsS3ContentLength", (long) SMALL_SIZE);
                        e.getMessage().setHeader("CamelMinioObjectName", k);
                    });
                    if (ex.getException() != null) {
                        throw new IllegalStateException(k + ": " + ex.getException(), ex.getException());
                    }
                }
                return null;
            }));
        }
        try {
            for (java.util.concurrent.Future<?> f : all) {
                try {
                    f.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    System.out.println("FAILED " + e.getCause());
                    System.exit(2);
                }
            }
        } finally {
            pool.shutdown();
        }
        return System.nanoTime();
    }

    /** {@code uri} with the {@code &name=value} options of {@code extra}, replacing those of the same name. */
    static String merge(String uri, String extra) {
        String result = uri;
        for (String opt : extra.split("&")) {
            if (opt.isEmpty()) {
                continue;
            }
            String name = opt.substring(0, opt.indexOf('='));
            result = result.replaceAll("&" + java.util.regex.Pattern.quote(name) + "=[^&]*", "") + "&" + opt;
        }
        return result;
    }

    static String uri(String component, String op, int port, String bucket, String key, long partSize, String checksum) {
        boolean get = op.equals("get");
        boolean multipart = op.equals("put-multipart");
        switch (component) {
            case "s3lite":
                return "s3lite:" + bucket + "?endpoint=http://127.0.0.1:" + port + "&pathStyleAccess=true&region=us-east-1"
                       + "&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")&keyName=" + key
                       + (get ? "&operation=getObject" + (checksum.equals("-") ? "" : "&downloadChecksumValidation=" + checksum)
                               : "&operation=putObject&checksumAlgorithm=" + checksum + "&partSize=" + partSize
                                 + "&uploadConcurrency=4&contentType=application/octet-stream"
                                 + (multipart ? "&multipartThreshold=" + partSize
                                              : "&multipartThreshold=" + (4L << 30)));
            case "aws2-s3":
                return "aws2-s3:" + bucket + "?overrideEndpoint=true&uriEndpointOverride=http://127.0.0.1:" + port
                       + "&forcePathStyle=true&region=us-east-1&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW("
                       + SECRET_KEY + ")&keyName=" + key
                       + (get ? "&operation=getObject" + (checksum.equals("-") ? "" : "&downloadChecksumValidation=" + checksum)
                               : (multipart ? "&multiPartUpload=true&partSize=" + partSize : "&multiPartUpload=false"));
            case "minio":
                // camel-minio has no part-size or multipart option: minio-java decides (multipart above 5 MiB)
                return "minio:" + bucket + "?endpoint=http://127.0.0.1&proxyPort=" + port + "&secure=false&region=us-east-1"
                       + "&accessKey=RAW(" + ACCESS_KEY + ")&secretKey=RAW(" + SECRET_KEY + ")&keyName=" + key
                       + "&autoCreateBucket=false" + (get ? "&operation=getObject" : "");
            default:
                throw new IllegalArgumentException("unknown component " + component);
        }
    }

    /**
     * Per thread id, {@code {kind, CPU ns}} (utime+stime from /proc/self/task/TID/stat) of this JVM's JIT compiler
     * threads (kind 0) and GC threads (kind 1); null where /proc is not there. A compiler thread that exits during the
     * transfer (the JVM adds and removes them) takes its CPU with it, so the JIT figure is a lower bound.
     */
    static Map<String, long[]> jitGcThreadCpu() {
        Map<String, long[]> m = new java.util.HashMap<>();
        try (java.util.stream.Stream<Path> tasks = Files.list(Paths.get("/proc/self/task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(t.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                int kind = comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler") ? 0
                        : comm.startsWith("GC Thread") || comm.startsWith("G1 ") ? 1 : -1;
                if (kind < 0) {
                    continue;
                }
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
                m.put(t.getFileName().toString(), new long[] {kind, ticks * 10_000_000L}); // USER_HZ 100
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return m;
    }

    /** JIT and GC CPU ns spent between two {@link #jitGcThreadCpu()} samples; -1 each without /proc. */
    static long[] jitGcBetween(Map<String, long[]> before, Map<String, long[]> after) {
        if (before == null || after == null) {
            return new long[] {-1, -1};
        }
        long[] out = new long[2];
        after.forEach((tid, v) -> {
            long[] b = before.get(tid);
            out[(int) v[0]] += v[1] - (b == null ? 0 : b[1]);
        });
        return out;
    }

    /** VmHWM of this process (peak resident set), bytes; -1 where /proc is missing. */
    static long vmHwmBytes() {
        try {
            for (String line : Files.readAllLines(Paths.get("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return -1;
    }
}
