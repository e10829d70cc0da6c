package io.github.s3lite.journal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The deterministic operations one thread of {@link JournalKillChild} performs, and the set they leave: the child
 * and the test replay the same plan, so the test knows what every acknowledged operation left behind.
 */
final class KillPlan {
    record Op(boolean add, String key, boolean expected) {
    }

    private final String prefix;
    private final Random random;
    private final List<String> live = new ArrayList<>();
    private int next;

    KillPlan(long seed, int run, int thread) {
        // keys shaped like s3lite checkpoint keys, so records have a realistic size
        this.prefix = "s3lite:part:r" + run + "-t" + thread + "-2~Xk9FqPzJ0dM3bVw7sLhYcTg5nRu:";
        this.random = new Random(seed * 1_000_003L + run * 131L + thread);
    }

    static String runPrefix(int run) {
        return "s3lite:part:r" + run + "-";
    }

    Op next() {
        int p = random.nextInt(10);
        if (p < 4 || live.isEmpty()) {
            String k = prefix + (next++) + ":\"0123456789abcdef0123456789abcdef\"";
            live.add(k);
            return new Op(true, k, true);
        }
        int i = random.nextInt(live.size());
        String k = live.get(i);
        if (p < 8) {
            live.set(i, live.get(live.size() - 1));
            live.remove(live.size() - 1);
            return new Op(false, k, true);
        }
        return new Op(true, k, false); // a second add of a live key must answer false
    }

    Set<String> state() {
        return new HashSet<>(live);
    }
}
