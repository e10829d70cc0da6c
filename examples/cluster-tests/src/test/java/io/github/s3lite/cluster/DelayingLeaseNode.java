package io.github.s3lite.cluster;

import java.util.concurrent.atomic.AtomicReference;

import io.github.s3lite.test.DelayingLeaseRepository;
import org.apache.camel.support.service.ServiceHelper;

/**
 * A {@link ClusterNode} whose shared repository is seen through a {@link DelayingLeaseRepository}: a lease
 * {@code add} that comes in the last {@code leaseMarginMillis} of a {@code leaseWindowMillis} window only lands
 * {@code leaseLateMillis} after the boundary (a slow round trip at the worst moment). Prints
 * {@code DELAYED <n>} (adds held back over a boundary) when the JVM exits.
 */
public final class DelayingLeaseNode {

    private DelayingLeaseNode() {
    }

    public static void main(String[] args) throws Exception {
        long window = Long.parseLong(arg(args, "leaseWindowMillis"));
        long margin = Long.parseLong(arg(args, "leaseMarginMillis"));
        long late = Long.parseLong(arg(args, "leaseLateMillis"));
        AtomicReference<DelayingLeaseRepository> delaying = new AtomicReference<>();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DelayingLeaseRepository d = delaying.get();
            System.out.println("DELAYED " + (d == null ? 0 : d.delayedAdds()));
            System.out.flush();
        }));
        ClusterNode.run(args, repository -> {
            // the wrapper is what Camel starts; the Hazelcast/JDBC repository behind it must be started here
            ServiceHelper.startService(repository);
            DelayingLeaseRepository d = new DelayingLeaseRepository(repository, window, margin, late);
            delaying.set(d);
            return d;
        });
    }

    private static String arg(String[] args, String name) {
        for (String a : args) {
            if (a.startsWith(name + "=")) {
                return a.substring(name.length() + 1);
            }
        }
        throw new IllegalArgumentException("missing argument " + name);
    }
}
