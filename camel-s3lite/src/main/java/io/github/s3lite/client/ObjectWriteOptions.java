package io.github.s3lite.client;

import java.util.Map;

/**
 * Headers of a write (PUT, CreateMultipartUpload, CopyObject with replaced metadata). {@code metadata} holds wire
 * values (already validated and encoded by {@code content.UserMetadata}), names without {@code x-amz-meta-}.
 * {@code ifNoneMatch} "*" makes the write fail with 412 when the key exists; {@code ifMatch} requires the given ETag.
 * {@code contentLanguage} and {@code expires} (the HTTP-date text) are stored as given; a multipart copy carries
 * them over from the source ({@link #of(ObjectInfo)}). {@code storage} says how the object is stored (encryption,
 * storage class, ACL, tags, Object Lock).
 */
public record ObjectWriteOptions(String contentType, String contentEncoding, String cacheControl,
        String contentDisposition, Map<String, String> metadata, String ifMatch, String ifNoneMatch,
        String contentLanguage, String expires, ObjectStorageOptions storage) {

    public static final ObjectWriteOptions DEFAULTS = new ObjectWriteOptions(null, null, null, null, Map.of(), null, null);

    public ObjectWriteOptions {
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        storage = storage == null ? ObjectStorageOptions.NONE : storage;
    }

    /** Without storage options (the bucket's defaults apply). */
    public ObjectWriteOptions(String contentType, String contentEncoding, String cacheControl, String contentDisposition,
            Map<String, String> metadata, String ifMatch, String ifNoneMatch, String contentLanguage, String expires) {
        this(contentType, contentEncoding, cacheControl, contentDisposition, metadata, ifMatch, ifNoneMatch, contentLanguage,
                expires, null);
    }

    /** Without Content-Language, Expires and storage options. */
    public ObjectWriteOptions(String contentType, String contentEncoding, String cacheControl, String contentDisposition,
            Map<String, String> metadata, String ifMatch, String ifNoneMatch) {
        this(contentType, contentEncoding, cacheControl, contentDisposition, metadata, ifMatch, ifNoneMatch, null, null);
    }

    /**
     * The content headers and user metadata an object has (from its HEAD), without conditions: what a multipart copy
     * must give its CreateMultipartUpload, since UploadPartCopy copies bytes only.
     */
    public static ObjectWriteOptions of(ObjectInfo source) {
        return new ObjectWriteOptions(source.contentType(), source.contentEncoding(), source.cacheControl(),
                source.contentDisposition(), source.userMetadata(), null, null, source.contentLanguage(), source.expires());
    }

    public ObjectWriteOptions withContentType(String value) {
        return new ObjectWriteOptions(value, contentEncoding, cacheControl, contentDisposition, metadata, ifMatch, ifNoneMatch,
                contentLanguage, expires, storage);
    }

    public ObjectWriteOptions withMetadata(Map<String, String> value) {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, value, ifMatch, ifNoneMatch,
                contentLanguage, expires, storage);
    }

    public ObjectWriteOptions withIfMatch(String value) {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, value, ifNoneMatch,
                contentLanguage, expires, storage);
    }

    public ObjectWriteOptions withIfNoneMatch(String value) {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, ifMatch, value,
                contentLanguage, expires, storage);
    }

    public ObjectWriteOptions withStorage(ObjectStorageOptions value) {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, ifMatch,
                ifNoneMatch, contentLanguage, expires, value);
    }

    /** The same write without its conditions (conditions do not apply to CreateMultipartUpload). */
    public ObjectWriteOptions withoutConditions() {
        return new ObjectWriteOptions(contentType, contentEncoding, cacheControl, contentDisposition, metadata, null, null,
                contentLanguage, expires, storage);
    }
}
