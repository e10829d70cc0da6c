package io.github.s3lite.cluster;

import java.util.List;

import com.hazelcast.config.Config;
import com.hazelcast.config.JoinConfig;
import com.hazelcast.config.MapConfig;
import com.hazelcast.config.NetworkConfig;
import com.hazelcast.core.Hazelcast;
import com.hazelcast.core.HazelcastInstance;

/**
 * An embedded Hazelcast member on 127.0.0.1: fixed port, TCP-IP join to the given member ports, no multicast,
 * no auto-detection, no phone-home. Every IMap keeps one synchronous backup on another member
 * ({@code backup-count 1}), so a checkpoint written by a member that dies is still held by a surviving one.
 */
public final class Hz {
    private Hz() {
    }

    public static HazelcastInstance member(String clusterName, int port, List<Integer> memberPorts) {
        Config cfg = new Config();
        cfg.setClusterName(clusterName);
        cfg.setInstanceName(clusterName + "-" + port);
        cfg.setProperty("hazelcast.phone.home.enabled", "false");
        cfg.setProperty("hazelcast.logging.type", "slf4j");
        cfg.setProperty("hazelcast.wait.seconds.before.join", "0");
        cfg.setProperty("hazelcast.socket.bind.any", "false");
        cfg.setProperty("hazelcast.local.localAddress", "127.0.0.1");
        // a killed JVM closes its sockets at once; still, do not wait a minute for silent members
        cfg.setProperty("hazelcast.max.no.heartbeat.seconds", "15");
        cfg.setProperty("hazelcast.heartbeat.interval.seconds", "1");
        cfg.setProperty("hazelcast.partition.count", "71");
        NetworkConfig net = cfg.getNetworkConfig();
        net.setPort(port).setPortAutoIncrement(false);
        net.getInterfaces().setEnabled(true).addInterface("127.0.0.1");
        JoinConfig join = net.getJoin();
        join.getMulticastConfig().setEnabled(false);
        join.getAutoDetectionConfig().setEnabled(false);
        join.getTcpIpConfig().setEnabled(true).setConnectionTimeoutSeconds(2);
        for (int p : memberPorts) {
            join.getTcpIpConfig().addMember("127.0.0.1:" + p);
        }
        cfg.addMapConfig(new MapConfig("*").setBackupCount(1).setAsyncBackupCount(0));
        return Hazelcast.newHazelcastInstance(cfg);
    }
}
