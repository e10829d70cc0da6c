package io.github.s3lite.consumer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A bounded local set of object versions known to be done, in front of a shared idempotent repository. A done key
 * {@code bucket/key@etag} names one immutable version and a done mark is never taken back by the consumer, so
 * remembering it locally is safe: an idle poll then asks the repository nothing about the versions in here.
 * Only facts enter it: versions this consumer completed, and done marks the repository confirmed as such (with
 * leases the done key is distinct from claims). Least recently used entries are dropped beyond the capacity (they
 * are then asked of the repository again). An entry removed from the repository by hand stays known here until
 * the consumer restarts.
 */
public final class DoneCache {

    private final int capacity;
    private final Map<String, Boolean> entries;

    /** {@code capacity} 0: remembers nothing (the repository is local anyway). */
    public DoneCache(int capacity) {
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > DoneCache.this.capacity;
            }
        };
    }

    public synchronized boolean contains(String doneKey) {
        return capacity > 0 && entries.containsKey(doneKey);
    }

    public synchronized void add(String doneKey) {
        if (capacity > 0) {
            entries.put(doneKey, Boolean.TRUE);
        }
    }

    public synchronized int size() {
        return entries.size();
    }
}
