/**
 * The parts of the {@code s3lite:} consumer, in the way camel-file separates its process and read-lock strategies:
 * a {@link io.github.s3lite.consumer.ListingCursor} (where the listing stands across polls), a
 * {@link io.github.s3lite.consumer.ClaimStrategy} (who may process an object version: done marks or leases in the
 * idempotent repository) and a {@link io.github.s3lite.consumer.CommitStrategy} (what happens to the object after
 * its exchange succeeded: leave, delete, move). The poll loop that uses them is {@code S3LiteConsumer}. Nothing in
 * this package imports the component's root package (no cycle); the Camel types used are the idempotent repository.
 */
package io.github.s3lite.consumer;
