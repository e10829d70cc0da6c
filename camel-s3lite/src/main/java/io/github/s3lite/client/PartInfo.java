package io.github.s3lite.client;

import java.time.Instant;

/** A part the server holds for an upload (ListParts) or one just uploaded. */
public record PartInfo(int partNumber, String eTag, long size, Instant lastModified) {
}
