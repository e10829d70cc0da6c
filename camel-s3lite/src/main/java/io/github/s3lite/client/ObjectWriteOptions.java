package io.github.s3lite.client;

import java.util.Map;

/**
 * Headers of a write (PUT, CreateMultipartUpload, CopyObject with replaced metadata). {@code metadata} holds wire
 * values (already validated and encoded by {@code content.UserMetadata}), names without {@code x-amz-meta-}.
 * {@code ifNoneMatch} "*" makes the write fail with 412 when the key exists; {@code ifMatch} requires the given ETag.
 */
public record ObjectWriteOptions(String contentType, String contentEncoding, String cacheControl,
        String contentDisposition, Map<String, String> metadata, String ifMatch, String ifNoneMatch) {

    public static final ObjectWriteOptions DEFAULTS = new ObjectWriteOptions(null, null, null, null, Map.of(), null, null);

    public ObjectWriteOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
    }

    public ObjectWriteOptions withContentType(String value) {
        return new ObjectWriteOptions(value, contentEncoding, cacheControl, contentDisposition, metadata, ifMatch, ifNoneMatch);
    }

    public ObjectWriteOptions withMetadata(Map<String, String> value) {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, value, ifMatch, ifNoneMatch);
    }

    public ObjectWriteOptions withIfMatch(String value) {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, value, ifNoneMatch);
    }

    public ObjectWriteOptions withIfNoneMatch(String value) {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, ifMatch, value);
    }

    /** The same write without its conditions (conditions do not apply to CreateMultipartUpload). */
    public ObjectWriteOptions withoutConditions() {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, null, null);
    }
}
