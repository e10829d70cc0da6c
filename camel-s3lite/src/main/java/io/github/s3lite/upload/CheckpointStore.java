package io.github.s3lite.upload;

import java.util.Collection;

/**
 * Where checkpoints are kept: a set of string keys, nothing more (the shape of Camel's
 * {@code IdempotentRepository}, which cannot list its keys). Facts are recorded as keys and looked up by
 * building the key again from what the S3 server lists; see {@link CheckpointKeys}.
 */
public interface CheckpointStore {
    /** Records a key; false when it was already there. */
    boolean add(String key);

    boolean contains(String key);

    boolean remove(String key);

    /** Makes an added key durable (repositories with two-phase add). */
    void confirm(String key);

    /** Adds and confirms. */
    default void record(String key) {
        add(key);
        confirm(key);
    }

    /**
     * Removes several keys at once. The uploader calls this once per finished upload, so a repository that can write
     * a batch in one step (one journal record, one transaction) should override it; by default one remove per key.
     */
    default void removeAll(Collection<String> keys) {
        for (String k : keys) {
            remove(k);
        }
    }

    /**
     * Whether other JVMs may read and write the same keys. Only then does the uploader wait for another node's
     * result (after a completion it cannot account for). True unless the store is known to be private.
     */
    default boolean shared() {
        return true;
    }

    /**
     * False only when the store is certain it holds no key starting with {@code prefix} (a {@code done}, {@code src}
     * or {@code mpu} prefix, see {@link KeyPrefixIndex}); lets the uploader skip server look-ups that could only
     * confirm a key it does not have. True (may hold) unless the store knows better: only a private store can.
     */
    default boolean mayHold(String prefix) {
        return true;
    }

    /** A store that remembers nothing (checkpoints off). */
    CheckpointStore NONE = new CheckpointStore() {
        @Override
        public boolean add(String key) {
            return true;
        }

        @Override
        public boolean contains(String key) {
            return false;
        }

        @Override
        public boolean remove(String key) {
            return false;
        }

        @Override
        public void confirm(String key) {
            // nothing kept
        }

        @Override
        public boolean shared() {
            return false;
        }

        @Override
        public boolean mayHold(String prefix) {
            return false;
        }
    };
}
