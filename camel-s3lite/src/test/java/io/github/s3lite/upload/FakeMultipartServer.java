package io.github.s3lite.upload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.github.s3lite.client.MultipartUploadInfo;
import io.github.s3lite.client.ObjectInfo;
import io.github.s3lite.client.PartInfo;
import io.github.s3lite.client.S3NotFoundException;

/** An in-memory stand-in for what the checkpoint protocol asks S3 (one bucket), recording aborts. */
final class FakeMultipartServer implements MultipartServer {
    final Map<String, MultipartUploadInfo> uploads = new LinkedHashMap<>();
    final Map<String, List<PartInfo>> parts = new LinkedHashMap<>();
    final Map<String, ObjectInfo> objects = new LinkedHashMap<>();
    final List<String> aborted = new ArrayList<>();

    MultipartUploadInfo upload(String key, String uploadId, Instant initiated, PartInfo... held) {
        MultipartUploadInfo u = new MultipartUploadInfo(key, uploadId, initiated);
        uploads.put(uploadId, u);
        parts.put(uploadId, new ArrayList<>(List.of(held)));
        return u;
    }

    void object(String key, String eTag) {
        objects.put(key, new ObjectInfo(key, 1, null, eTag, Instant.now(), null, null, null, null, null, Map.of()));
    }

    @Override
    public List<MultipartUploadInfo> uploads(String bucket, String key) {
        return uploads.values().stream().filter(u -> u.key().equals(key)).toList();
    }

    @Override
    public List<PartInfo> parts(String bucket, String key, String uploadId) {
        List<PartInfo> p = parts.get(uploadId);
        if (p == null) {
            throw new S3NotFoundException("no such upload " + uploadId, 404, "NoSuchUpload", null);
        }
        return List.copyOf(p);
    }

    @Override
    public void abort(String bucket, String key, String uploadId) {
        aborted.add(uploadId);
        uploads.remove(uploadId);
        parts.remove(uploadId);
    }

    @Override
    public ObjectInfo head(String bucket, String key) {
        return objects.get(key);
    }
}
