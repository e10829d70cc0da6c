package io.github.s3lite.cluster;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.github.s3lite.test.Await;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.TestFiles;
import org.h2.tools.Server;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.github.s3lite.cluster.ClusterSupport.MIB;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same kill-and-resume as {@link HazelcastResumeIT}, with the checkpoints in camel-sql's
 * JdbcMessageIdRepository on an H2 database server (TCP, 127.0.0.1, free port, run by the test JVM). The two node
 * JVMs reach it only over TCP, as they would reach PostgreSQL or MySQL.
 */
class JdbcResumeIT extends ClusterTestBase {

    Server h2;
    String url;

    @Override
    String bucketPrefix() {
        return "jdbc-resume";
    }

    @BeforeEach
    void startDatabase() throws Exception {
        int port = ClusterSupport.freePort();
        h2 = Server.createTcpServer("-tcp", "-tcpPort", String.valueOf(port), "-ifNotExists", "-baseDir",
                tmp.resolve("h2").toString()).start();
        url = "jdbc:h2:tcp://127.0.0.1:" + port + "/checkpoints";
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement()) {
            // JdbcMessageIdRepository's own (stock) DDL, messageId VARCHAR(100): every checkpoint key fits it. Created
            // here only so that partRows() can count before node A starts.
            st.execute("CREATE TABLE CAMEL_MESSAGEPROCESSED (processorName VARCHAR(255), messageId VARCHAR(100), "
                       + "createdAt TIMESTAMP, PRIMARY KEY (processorName, messageId))");
        }
    }

    @AfterEach
    void stopDatabase() throws Exception {
        for (ClusterSupport.Node n : nodes) {
            n.kill(); // before the database they write to
        }
        h2.stop();
    }

    private long partRows() {
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM CAMEL_MESSAGEPROCESSED WHERE processorName = '"
                                            + ClusterNode.REPOSITORY + "' AND messageId LIKE 's3lite:part:%'")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void killedNodeUploadIsFinishedByAnotherNode() throws Exception {
        long t0 = System.nanoTime();
        Path file = tmp.resolve("big.bin");
        TestFiles.writeRandom(file, 150 * MIB + 99, 22);
        int totalParts = 31;
        List<String> common = new ArrayList<>(ClusterSupport.s3Args(proxy.endpoint().toString(), bucket));
        common.addAll(List.of("mode=upload", "store=jdbc", "jdbcUrl=" + url, "key=cluster/jdbc.bin", "file=" + file));

        proxy.rule(s -> s.isUploadPart() ? new FaultProxy.Slow(150, 0) : FaultProxy.PASS);
        ClusterSupport.Node a = ClusterSupport.start("jdbc-a", common);
        nodes.add(a);
        Await.until("8 parts confirmed by node A", Duration.ofSeconds(120), () -> partRows() >= 8 || !a.process().isAlive());
        assertThat(a.process().isAlive()).as(a.log()).isTrue();
        a.kill();
        long confirmedAtKill = partRows();
        long sentByA = proxy.seen().stream().filter(FaultProxy.Seen::isUploadPart).count();
        assertThat(confirmedAtKill).isBetween(8L, (long) totalParts - 1);

        proxy.clear();
        proxy.rule(s -> FaultProxy.PASS);
        ClusterSupport.Node b = ClusterSupport.start("jdbc-b", common);
        nodes.add(b);
        Finished f = assertFinishedByNodeB(b, "cluster/jdbc.bin", file, totalParts, confirmedAtKill);
        assertThat(partRows()).isZero();
        System.out.printf("jdbc resume: A sent %d parts (%d confirmed) and was killed; B resumed %d, sent %d of %d; %d ms%n",
                sentByA, confirmedAtKill, f.resumed(), f.sentByB(), totalParts, (System.nanoTime() - t0) / 1_000_000);
    }
}
