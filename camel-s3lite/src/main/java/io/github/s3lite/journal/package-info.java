/**
 * A crash-safe set of string keys in one append-only file: {@link io.github.s3lite.journal.Journal}. It backs the
 * component's checkpoint and idempotent repository. Nothing in this package imports Camel.
 */
package io.github.s3lite.journal;
