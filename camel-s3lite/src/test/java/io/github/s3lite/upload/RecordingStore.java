package io.github.s3lite.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory checkpoint store that logs every write ("add k", "remove k"), so tests can check their order. */
final class RecordingStore implements CheckpointStore {
    final Set<String> keys = ConcurrentHashMap.newKeySet();
    final List<String> log = new ArrayList<>();
    /** Set for a store that is private to its JVM: it answers {@link #mayHold} from what was added to it. */
    KeyPrefixIndex index;

    /** A private store (like the endpoint's in-memory default). */
    static RecordingStore privateStore() {
        RecordingStore s = new RecordingStore();
        s.index = new KeyPrefixIndex();
        return s;
    }

    @Override
    public boolean shared() {
        return index == null;
    }

    @Override
    public boolean mayHold(String prefix) {
        return index == null || index.mayHold(prefix);
    }

    @Override
    public synchronized boolean add(String key) {
        if (index != null) {
            index.adding(key);
        }
        log.add("add " + key);
        return keys.add(key);
    }

    @Override
    public boolean contains(String key) {
        return keys.contains(key);
    }

    @Override
    public synchronized boolean remove(String key) {
        log.add("remove " + key);
        return keys.remove(key);
    }

    /** Logged as one write ("removeAll [k1, k2]"), the way a batch-capable repository would write it. */
    @Override
    public synchronized void removeAll(java.util.Collection<String> batch) {
        log.add("removeAll " + batch);
        keys.removeAll(batch);
    }

    /** A store holding what this one held after its first {@code writes} writes: the state a crash leaves. */
    synchronized RecordingStore afterWrites(int writes) {
        RecordingStore s = new RecordingStore();
        if (index != null) {
            s.index = new KeyPrefixIndex(); // the same JVM: what it was given before the failure, it still knows
        }
        for (String w : log.subList(0, writes)) {
            if (w.startsWith("add ")) {
                if (s.index != null) {
                    s.index.adding(w.substring(4));
                }
                s.keys.add(w.substring(4));
            } else if (w.startsWith("remove ")) {
                s.keys.remove(w.substring(7));
            } else {
                String list = w.substring("removeAll [".length(), w.length() - 1);
                for (String k : list.split(", ")) {
                    s.keys.remove(k);
                }
            }
        }
        return s;
    }

    @Override
    public void confirm(String key) {
        // one phase
    }

    synchronized List<String> writes() {
        return List.copyOf(log);
    }

    synchronized void clearLog() {
        log.clear();
    }

    List<String> keysStartingWith(String prefix) {
        return keys.stream().filter(k -> k.startsWith(prefix)).sorted().toList();
    }
}
