/**
 * Multipart uploads with parallel parts, bounded memory and crash-safe checkpoints, and resumable downloads.
 * Camel-free: checkpoints go through {@link io.github.s3lite.upload.CheckpointStore}, which the Camel layer backs
 * with any {@code IdempotentRepository}.
 */
package io.github.s3lite.upload;
