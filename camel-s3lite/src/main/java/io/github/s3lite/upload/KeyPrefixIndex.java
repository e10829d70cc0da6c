package io.github.s3lite.upload;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What a <em>private</em> checkpoint store (one only this JVM writes, such as an endpoint's own in-memory
 * repository) can say without being able to list its keys: whether it may hold any {@code done}, {@code src} or
 * {@code mpu} key of a source or target. It remembers the {@code s3lite:<kind>:<id>:} prefix of every such key
 * added, before the key itself is added, so "no" is certain: no key with that prefix was ever written here. Removed
 * keys are not forgotten ("may hold" stays a superset). Past {@value #MAX_PREFIXES} prefixes it stops remembering
 * and answers "may hold" to everything, which only costs the look-ups it saves otherwise.
 * <p>
 * The uploader uses it to skip the HEAD and the ListMultipartUploads of a first attempt that nothing in the store
 * could resume. Never use it for a shared store: another JVM may have written keys this one never saw.
 */
public final class KeyPrefixIndex {
    static final int MAX_PREFIXES = 100_000;

    private final Set<String> prefixes = ConcurrentHashMap.newKeySet();
    private volatile boolean saturated;

    /** Call before the key is added to the store. */
    public void adding(String key) {
        String p = prefixOf(key);
        if (p == null || saturated) {
            return;
        }
        if (prefixes.size() >= MAX_PREFIXES) {
            saturated = true;
            return;
        }
        prefixes.add(p);
    }

    /** False only when no key starting with {@code prefix} (as {@link #prefixOf} forms it) was ever added. */
    public boolean mayHold(String prefix) {
        return saturated || prefixes.contains(prefix);
    }

    /** {@code s3lite:done:<source>:}, {@code s3lite:src:<source>:} or {@code s3lite:mpu:<target>:}; else null. */
    static String prefixOf(String key) {
        if (!(key.startsWith("s3lite:done:") || key.startsWith("s3lite:src:") || key.startsWith("s3lite:mpu:"))) {
            return null;
        }
        int kindEnd = key.indexOf(':', "s3lite:".length());
        int idEnd = key.indexOf(':', kindEnd + 1);
        return idEnd < 0 ? null : key.substring(0, idEnd + 1);
    }

    /** The prefix of every {@code done} key of a source. */
    static String done(String source) {
        return "s3lite:done:" + source + ":";
    }

    /** The prefix of every {@code src} key of a source. */
    static String src(String source) {
        return "s3lite:src:" + source + ":";
    }

    /** The prefix of every {@code mpu} key of a target. */
    static String mpu(String target) {
        return "s3lite:mpu:" + target + ":";
    }
}
