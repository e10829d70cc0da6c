package io.github.s3lite.client;

import io.github.s3lite.metrics.RequestOutcome;

/** The operation name and outcome of a {@link Call} as {@link io.github.s3lite.metrics.S3LiteMetrics} records them. */
final class RequestMetrics {
    private RequestMetrics() {
    }

    /** The S3 API name of a call, from its method, key and query (e.g. {@code UploadPart}, {@code ListObjectsV2}). */
    static String operation(Call call) {
        boolean object = call.key() != null;
        boolean copy = call.headers().containsKey("x-amz-copy-source");
        return switch (call.method()) {
            case "GET" -> has(call, "uploadId") ? "ListParts" : has(call, "attributes") ? "GetObjectAttributes"
                    : object ? "GetObject"
                    : has(call, "uploads") ? "ListMultipartUploads" : has(call, "list-type") ? "ListObjectsV2" : "ListObjects";
            case "HEAD" -> object ? "HeadObject" : "HeadBucket";
            case "PUT" -> has(call, "partNumber") ? (copy ? "UploadPartCopy" : "UploadPart")
                    : !object ? "CreateBucket" : has(call, "tagging") ? "PutObjectTagging" : copy ? "CopyObject" : "PutObject";
            case "POST" -> has(call, "uploads") ? "CreateMultipartUpload" : has(call, "uploadId") ? "CompleteMultipartUpload"
                    : has(call, "delete") ? "DeleteObjects" : "Post";
            case "DELETE" -> has(call, "uploadId") ? "AbortMultipartUpload" : object ? "DeleteObject" : "DeleteBucket";
            default -> call.method();
        };
    }

    /** How a failed request ended, from the exception its answer became. */
    static RequestOutcome outcome(RuntimeException e) {
        if (e instanceof S3TransientException) {
            return RequestOutcome.TRANSIENT;
        }
        if (e instanceof S3NotFoundException) {
            return RequestOutcome.NOT_FOUND;
        }
        if (e instanceof S3PreconditionFailedException) {
            return RequestOutcome.PRECONDITION_FAILED;
        }
        if (e instanceof S3Exception s3) {
            int status = s3.getStatusCode();
            return status / 100 == 4 ? RequestOutcome.CLIENT_ERROR : status / 100 == 5 ? RequestOutcome.SERVER_ERROR
                    : RequestOutcome.ERROR;
        }
        return RequestOutcome.ERROR;
    }

    private static boolean has(Call call, String name) {
        return call.query().stream().anyMatch(q -> q.name().equals(name));
    }
}
