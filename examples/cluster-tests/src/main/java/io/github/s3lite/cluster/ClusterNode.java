package io.github.s3lite.cluster;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import com.hazelcast.core.HazelcastInstance;
import io.github.s3lite.S3LiteComponent;
import io.github.s3lite.S3LiteConstants;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.processor.idempotent.hazelcast.HazelcastIdempotentRepository;
import org.apache.camel.processor.idempotent.jdbc.JdbcMessageIdRepository;
import org.apache.camel.spi.IdempotentRepository;
import org.h2.jdbcx.JdbcDataSource;

/**
 * One Camel node, run in its own JVM by the cluster tests and by the two-node demo. Its repository (checkpoints
 * of the producer, claims of the consumer) is shared with the other nodes through Hazelcast (this JVM embeds a
 * member of the cluster) or through a JDBC database (H2 server over TCP).
 * <p>
 * Arguments are {@code name=value}:
 * <ul>
 * <li>{@code mode}: {@code upload} (one file through {@code direct:upload}, prints {@code RESULT ...}) or
 * {@code consume} (polls the bucket; appends each delivered key to {@code out}; runs until killed or until
 * {@code stopFile} exists)</li>
 * <li>{@code endpoint}, {@code accessKey}, {@code secretKey}, {@code bucket}, {@code key}, {@code file}</li>
 * <li>{@code store}: {@code hazelcast} with {@code cluster}, {@code port}, {@code members} (comma-separated
 * ports), or {@code jdbc} with {@code jdbcUrl}</li>
 * <li>{@code goFile}: wait until this file exists before uploading (to start two nodes at the same moment, or
 * to have a member up before the work starts)</li>
 * <li>{@code maxPerPoll}: the consumer's maxMessagesPerPoll (default 10): how many objects one poll claims
 * before processing them, hence how many claims a killed node can leave behind</li>
 * <li>{@code partSize} (default 5 MiB), {@code concurrency} (default 4), {@code delayMillis} (consumer: time
 * spent per object)</li>
 * <li>{@code bodies=true} (consumer): deliver the bodies and append {@code key SHA-256-of-the-body} instead of the
 * key alone</li>
 * </ul>
 * Tests that need another repository behaviour in the node (a wrapper that delays some calls) start their own main
 * class that calls {@link #run(String[], UnaryOperator)}.
 */
public final class ClusterNode {

    public static final String REPOSITORY = "s3lite-shared";

    public static void main(String[] args) throws Exception {
        run(args, UnaryOperator.identity());
    }

    /**
     * Runs the node with the shared repository seen through {@code wrap} (by the routes; Hazelcast and JDBC still
     * hold the data), then exits the JVM.
     */
    public static void run(String[] args, UnaryOperator<IdempotentRepository> wrap) throws Exception {
        Map<String, String> a = new HashMap<>();
        for (String arg : args) {
            int i = arg.indexOf('=');
            a.put(arg.substring(0, i), arg.substring(i + 1));
        }
        String mode = a.get("mode");
        HazelcastInstance hz = null;
        IdempotentRepository repository;
        if ("jdbc".equals(a.get("store"))) {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL(a.get("jdbcUrl"));
            ds.setUser("sa");
            ds.setPassword("");
            repository = new JdbcMessageIdRepository(ds, REPOSITORY);
        } else {
            List<Integer> members = Arrays.stream(a.get("members").split(",")).map(Integer::parseInt).toList();
            hz = Hz.member(a.get("cluster"), Integer.parseInt(a.get("port")), members);
            repository = new HazelcastIdempotentRepository(hz, REPOSITORY);
            System.out.println("MEMBER " + hz.getCluster().getMembers().size());
        }
        String go = a.get("goFile");
        if (go != null) {
            while (!Files.exists(Path.of(go))) {
                Thread.sleep(10);
            }
        }
        String bucket = a.get("bucket");
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            S3LiteComponent s3 = new S3LiteComponent();
            s3.getConfiguration().setEndpoint(a.get("endpoint"));
            s3.getConfiguration().setPathStyleAccess(true);
            s3.getConfiguration().setAccessKey(a.get("accessKey"));
            s3.getConfiguration().setSecretKey(a.get("secretKey"));
            context.addComponent("s3lite", s3);
            context.getRegistry().bind("shared", wrap.apply(repository));
            String partSize = a.getOrDefault("partSize", String.valueOf(5 * 1024 * 1024));
            Path out = a.containsKey("out") ? Path.of(a.get("out")) : null;
            long delay = Long.parseLong(a.getOrDefault("delayMillis", "0"));
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("direct:upload").to("s3lite:" + bucket + "?multipartThreshold=" + partSize + "&partSize=" + partSize
                                              + "&uploadConcurrency=" + a.getOrDefault("concurrency", "4")
                                              + "&checkpointRepository=#shared");
                    if ("consume".equals(mode)) {
                        boolean bodies = Boolean.parseBoolean(a.get("bodies"));
                        from("s3lite:" + bucket + "?idempotentRepository=#shared&includeBody=" + bodies + "&maxMessagesPerPoll="
                             + a.getOrDefault("maxPerPoll", "10")
                             + "&delay=50&greedy=true" + a.getOrDefault("consumerOptions", ""))
                                .routeId("consumer")
                                .process(e -> {
                                    if (delay > 0) {
                                        Thread.sleep(delay);
                                    }
                                    String line = e.getMessage().getHeader(S3LiteConstants.KEY, String.class);
                                    if (bodies) {
                                        try (InputStream in = e.getMessage().getMandatoryBody(InputStream.class)) {
                                            line += " " + sha256(in);
                                        }
                                    }
                                    // one write(2) per key: survives the JVM being killed right after
                                    Files.writeString(out, line + "\n",
                                            StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                                            StandardOpenOption.WRITE);
                                });
                    }
                }
            });
            context.start();
            if ("upload".equals(mode)) {
                ProducerTemplate template = context.createProducerTemplate();
                long t0 = System.nanoTime();
                Exchange ex = template.request("direct:upload", e -> {
                    e.getMessage().setHeader(S3LiteConstants.KEY, a.get("key"));
                    e.getMessage().setBody(Path.of(a.get("file")).toFile());
                });
                if (ex.getException() != null) {
                    ex.getException().printStackTrace();
                    System.out.flush();
                    Runtime.getRuntime().halt(2);
                }
                var m = ex.getMessage();
                System.out.println("RESULT parts=" + m.getHeader(S3LiteConstants.PART_COUNT)
                                   + " resumed=" + m.getHeader(S3LiteConstants.RESUMED_PART_COUNT)
                                   + " uploadId=" + m.getHeader(S3LiteConstants.UPLOAD_ID)
                                   + " alreadyUploaded=" + m.getHeader(S3LiteConstants.ALREADY_UPLOADED)
                                   + " etag=" + m.getHeader(S3LiteConstants.E_TAG)
                                   + " millis=" + (System.nanoTime() - t0) / 1_000_000);
            } else {
                Path stop = a.containsKey("stopFile") ? Path.of(a.get("stopFile")) : null;
                while (stop == null || !Files.exists(stop)) {
                    Thread.sleep(50);
                }
            }
        }
        System.out.flush();
        // a graceful leave hands this member's partitions over before the JVM exits
        if (hz != null) {
            hz.shutdown();
        }
        System.exit(0);
    }

    static String sha256(InputStream in) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        byte[] buf = new byte[1 << 16];
        int n;
        while ((n = in.read(buf)) != -1) {
            md.update(buf, 0, n);
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
