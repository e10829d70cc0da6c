package io.github.s3lite.consumer;

/**
 * Who may process an object version, decided in the shared idempotent repository (the consumer's counterpart of
 * camel-file's exclusive read lock). The poll loop calls {@link #listed} for each listed object, {@link #acquire}
 * just before its exchange is processed, then {@link #complete} on success or {@link #release} on failure.
 */
public interface ClaimStrategy {

    /** While listing: a claim to carry to processing, or null when the object is done or taken: skipped. */
    Claim listed(String doneKey);

    /** Just before processing: the claim held from now on, or null when another consumer has it meanwhile. */
    Claim acquire(Claim listed);

    /** The exchange failed or was not started: others (or a later poll) may take the object again. */
    void release(Claim claim);

    /** The exchange succeeded: the version is marked done, for good. */
    void complete(Claim claim);
}
