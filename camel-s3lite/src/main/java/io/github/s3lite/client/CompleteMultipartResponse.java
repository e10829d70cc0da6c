package io.github.s3lite.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import io.github.s3lite.client.xml.XmlNode;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

import static io.github.s3lite.client.Responses.header;

/**
 * Reads the answer to CompleteMultipartUpload, which can be a {@code 200 OK} and still not be a success: S3 sends
 * the status line at once and may fail later (the body is then an {@code <Error>}), and may send whitespace to keep
 * the connection open before the document. Only a {@code CompleteMultipartUploadResult} is a success; an empty
 * body, an {@code <Error>} and any other document are errors (transient unless the error code says otherwise), with
 * the body quoted. A blank {@code <ETag>} (Ceph RGW 16 answers {@code <ETag></ETag>}) gives a result whose ETag is
 * null, meaning "unknown": ask HEAD.
 */
final class CompleteMultipartResponse {
    /** Larger than any result document; whitespace before the document is skipped, not counted. */
    static final int MAX_BODY = 64 * 1024;
    private static final int QUOTE = 300;

    private CompleteMultipartResponse() {
    }

    static PutResult read(ClassicHttpResponse r, String what) throws IOException {
        HttpEntity entity = r.getEntity();
        byte[] body = new byte[0];
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = readSkippingLeadingWhitespace(in);
            }
        }
        PutResult p = parse(body, r.getCode(), header(r, "ETag"), header(r, "x-amz-version-id"),
                header(r, "x-amz-request-id"), what);
        return new PutResult(p.eTag(), p.versionId(), StorageInfo.of(r));
    }

    /** The result of a 2xx answer with this body, or the exception it means. */
    static PutResult parse(byte[] body, int status, String eTagHeader, String versionId, String requestId, String what) {
        if (body.length == 0) {
            throw new S3TransientException("S3 " + what + " answered " + status + " with an empty body, not a "
                    + "CompleteMultipartUploadResult: the upload may or may not be complete", status, null, requestId, null);
        }
        XmlNode root;
        try {
            root = XmlNode.parse(new ByteArrayInputStream(body));
        } catch (IOException e) {
            throw notAResult(body, status, requestId, what, e);
        }
        if ("Error".equals(root.name())) {
            S3Exception e = S3Errors.classify(status, root.text("Code"), root.text("Message"), root.text("RequestId"), what,
                    null);
            // an error code this client does not know, after a 200 status line: the outcome is unknown, not refused
            if (e.getClass() == S3Exception.class) {
                throw new S3TransientException(e.getMessage(), status, e.getErrorCode(), e.getRequestId(), null);
            }
            throw e;
        }
        if (!"CompleteMultipartUploadResult".equals(root.name())) {
            throw notAResult(body, status, requestId, what, null);
        }
        String eTag = blankToNull(root.text("ETag"));
        if (eTag == null) {
            eTag = blankToNull(eTagHeader);
        }
        return new PutResult(eTag, blankToNull(versionId));
    }

    private static S3TransientException notAResult(byte[] body, int status, String requestId, String what, Throwable cause) {
        String text = new String(body, 0, Math.min(body.length, QUOTE), StandardCharsets.UTF_8)
                .replaceAll("[\\p{Cntrl}&&[^\t]]", " ");
        return new S3TransientException("S3 " + what + " answered " + status + " with a body that is not a "
                + "CompleteMultipartUploadResult: \"" + text + (body.length > QUOTE ? "...\"" : "\""), status, null, requestId,
                cause);
    }

    private static byte[] readSkippingLeadingWhitespace(InputStream in) throws IOException {
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\n' || c == '\r' || c == '\t');
        if (c == -1) {
            return new byte[0];
        }
        byte[] rest = in.readNBytes(MAX_BODY - 1);
        byte[] out = new byte[rest.length + 1];
        out[0] = (byte) c;
        System.arraycopy(rest, 0, out, 1, rest.length);
        return out;
    }

    private static String blankToNull(String s) {
        return ETags.isBlank(s) ? null : s;
    }
}
