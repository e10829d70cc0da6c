package io.github.s3lite.upload;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** An in-memory checkpoint store that logs every write ("add k", "remove k"), so tests can check their order. */
final class RecordingStore implements CheckpointStore {
    final Set<String> keys = ConcurrentHashMap.newKeySet();
    final List<String> log = new ArrayList<>();

    @Override
    public synchronized boolean add(String key) {
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
