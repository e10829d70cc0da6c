package io.github.s3lite.upload;

import java.util.List;

import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.S3LiteClient;
import io.github.s3lite.client.S3NotFoundException;

/**
 * What the {@link CheckpointProtocol} asks the S3 server: in-progress uploads, their parts, the object at the key.
 * An interface so the checkpoint rules can be tested against a fake, without S3.
 */
public interface MultipartServer {

    /** ListMultipartUploads of exactly this key (not of keys it prefixes). */
    List<MultipartUploadInfo> uploads(String bucket, String key);

    /** ListParts; {@link S3NotFoundException} when the upload no longer exists. */
    List<PartInfo> parts(String bucket, String key, String uploadId);

    /** AbortMultipartUpload; an upload that is already gone is not an error. */
    void abort(String bucket, String key, String uploadId);

    /** HEAD of the object; null when there is none. */
    ObjectInfo head(String bucket, String key);

    /** HEAD asking for the stored checksum too ({@code x-amz-checksum-mode: ENABLED}); null when there is none. */
    default ObjectInfo headWithChecksums(String bucket, String key) {
        return head(bucket, key);
    }

    static MultipartServer of(S3LiteClient client) {
        return new MultipartServer() {
            @Override
            public List<MultipartUploadInfo> uploads(String bucket, String key) {
                return client.listMultipartUploads(bucket, key).stream().filter(u -> u.key().equals(key)).toList();
            }

            @Override
            public List<PartInfo> parts(String bucket, String key, String uploadId) {
                return client.listParts(bucket, key, uploadId);
            }

            @Override
            public void abort(String bucket, String key, String uploadId) {
                try {
                    client.abortMultipartUpload(bucket, key, uploadId);
                } catch (S3NotFoundException e) {
                    // gone already
                }
            }

            @Override
            public ObjectInfo head(String bucket, String key) {
                try {
                    return client.headObject(bucket, key, null);
                } catch (S3NotFoundException e) {
                    return null;
                }
            }

            @Override
            public ObjectInfo headWithChecksums(String bucket, String key) {
                try {
                    return client.headObject(bucket, key, new GetOptions(null, null, null, true));
                } catch (S3NotFoundException e) {
                    return null;
                }
            }
        };
    }
}
