package io.github.s3lite.upload;

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
    };
}
