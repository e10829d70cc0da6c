package io.github.s3lite;

import java.util.Map;

import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.StorageInfo;
import io.github.s3lite.content.UserMetadata;
import org.apache.camel.Message;

/** The message headers that describe an object, as HEAD/GET/the listing report it: used by producer and consumer. */
public final class ObjectHeaders {

    private ObjectHeaders() {
    }

    /** Writes what HEAD/GET say about an object into the message headers (metadata decoded). */
    public static void set(Message m, String bucket, ObjectInfo info) {
        m.setHeader(S3LiteConstants.BUCKET_NAME, bucket);
        m.setHeader(S3LiteConstants.KEY, info.key());
        m.setHeader(S3LiteConstants.E_TAG, info.eTag());
        m.setHeader(S3LiteConstants.CONTENT_LENGTH, info.contentLength());
        m.setHeader(S3LiteConstants.CONTENT_TYPE, info.contentType());
        m.setHeader(S3LiteConstants.LAST_MODIFIED, info.lastModified());
        Map<String, String> meta = UserMetadata.decodeFromWire(info.userMetadata());
        m.setHeader(S3LiteConstants.METADATA, meta);
        setOrRemove(m, S3LiteConstants.VERSION_ID, info.versionId());
        setOrRemove(m, S3LiteConstants.CONTENT_ENCODING, info.contentEncoding());
        setOrRemove(m, S3LiteConstants.CACHE_CONTROL, info.cacheControl());
        setOrRemove(m, S3LiteConstants.CONTENT_DISPOSITION, info.contentDisposition());
        setOrRemove(m, S3LiteConstants.CONTENT_RANGE, info.contentRange());
        setStorage(m, info.storage());
    }

    /** What the store reported about encryption and storage class; stale headers removed. */
    public static void setStorage(Message m, StorageInfo s) {
        StorageInfo i = s == null ? StorageInfo.NONE : s;
        setOrRemove(m, S3LiteConstants.STORED_ENCRYPTION, i.serverSideEncryption());
        setOrRemove(m, S3LiteConstants.STORED_KMS_KEY_ID, i.kmsKeyId());
        setOrRemove(m, S3LiteConstants.STORED_BUCKET_KEY_ENABLED, i.bucketKeyEnabled());
        setOrRemove(m, S3LiteConstants.STORED_STORAGE_CLASS, i.storageClass());
        setOrRemove(m, S3LiteConstants.STORED_SSE_CUSTOMER_ALGORITHM, i.sseCustomerAlgorithm());
    }

    /** Sets the header, or removes a stale one when there is no value. */
    public static void setOrRemove(Message m, String name, Object value) {
        if (value != null) {
            m.setHeader(name, value);
        } else {
            m.removeHeader(name);
        }
    }
}
