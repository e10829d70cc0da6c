package io.github.s3lite.client;

import java.io.IOException;

import io.github.s3lite.client.xml.XmlNode;
import org.apache.hc.core5.http.ClassicHttpResponse;

import static io.github.s3lite.client.Responses.header;
import static io.github.s3lite.client.Responses.parseXml;

/**
 * Reads the answer to CopyObject and UploadPartCopy. As for CompleteMultipartUpload, S3 sends {@code 200 OK} at
 * once and may fail later: "If the error occurs during the copy operation, the error response is embedded in the
 * 200 OK response" (AWS S3 API reference, CopyObject and UploadPartCopy). An {@code <Error>} body is classified like
 * an error status ({@link S3Errors#classify}; a code this client does not know after a 200 is transient, since the
 * copy may be retried); a result without an ETag is transient too.
 */
final class CopyResponse {
    private CopyResponse() {
    }

    /** The root of a copy result document ({@code CopyObjectResult}, {@code CopyPartResult}), or the error it means. */
    static XmlNode read(ClassicHttpResponse r, String operation, String bucket, String key) throws IOException {
        XmlNode root = parseXml(r, operation, bucket, key);
        String what = operation + " " + bucket + "/" + key;
        if ("Error".equals(root.name())) {
            S3Exception e = S3Errors.classify(r.getCode(), root.text("Code"), root.text("Message"), root.text("RequestId"),
                    what, null);
            if (e.getClass() == S3Exception.class) {
                throw new S3TransientException(e.getMessage(), r.getCode(), e.getErrorCode(), e.getRequestId(), null);
            }
            throw e;
        }
        String eTag = root.text("ETag");
        if (ETags.isBlank(eTag)) {
            throw new S3TransientException("S3 " + what + " answered " + r.getCode() + " with a " + root.name()
                    + " document without an ETag: the copy may not have happened", r.getCode(), null,
                    header(r, "x-amz-request-id"), null);
        }
        return root;
    }
}
