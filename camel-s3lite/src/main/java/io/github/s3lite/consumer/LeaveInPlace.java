package io.github.s3lite.consumer;

import io.github.s3lite.client.ObjectInfo;

/** The default: the object stays; the idempotent repository remembers that its version was delivered. */
public final class LeaveInPlace implements CommitStrategy {

    @Override
    public void commit(String bucket, String key, ObjectInfo delivered) {
        // nothing to do
    }

    @Override
    public String describe() {
        return "left";
    }
}
