package io.github.s3lite.client;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;

import javax.net.ssl.SSLException;

import io.github.s3lite.client.xml.XmlNode;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;

import static io.github.s3lite.client.Responses.closeQuietly;
import static io.github.s3lite.client.Responses.header;

/** Error classification: the single place where an S3 answer or an I/O failure becomes an exception type. */
final class S3Errors {
    static final int MAX_ERROR_BODY = 64 * 1024;

    private S3Errors() {
    }

    /** The exception for a non-2xx response; reads at most {@link #MAX_ERROR_BODY} of its body and closes it. */
    static S3Exception fromResponse(Call call, ClassicHttpResponse r) {
        try {
            int code = r.getCode();
            String requestId = header(r, "x-amz-request-id");
            String errorCode = null;
            String message = null;
            HttpEntity entity = r.getEntity();
            if (entity != null && !"HEAD".equals(call.method())) {
                byte[] body = entity.getContent().readNBytes(MAX_ERROR_BODY);
                if (body.length > 0 && body[0] == '<' || (body.length > 5 && new String(body, 0, 5, StandardCharsets.UTF_8).startsWith("<?xml"))) {
                    try {
                        XmlNode err = XmlNode.parse(new ByteArrayInputStream(body));
                        errorCode = err.text("Code");
                        message = err.text("Message");
                        if (err.text("RequestId") != null) {
                            requestId = err.text("RequestId");
                        }
                    } catch (IOException ignored) {
                        // not XML: keep the status only
                    }
                }
            }
            if (errorCode == null && code == 404) {
                errorCode = call.key() == null ? "NoSuchBucket" : "NoSuchKey";
            }
            return classify(code, errorCode, message, requestId, call.describe(), null);
        } catch (IOException e) {
            return ioFailure(call.method(), call.bucket(), call.key(), e);
        } finally {
            closeQuietly(r);
        }
    }

    /** Status and S3 error code to exception type. */
    static S3Exception classify(int status, String errorCode, String message, String requestId, String what,
            Throwable cause) {
        String text = "S3 " + what + " failed: HTTP " + status + (errorCode != null ? " " + errorCode : "")
                + (message != null ? " - " + message : "") + (requestId != null ? " (request id " + requestId + ")" : "");
        String ec = errorCode == null ? "" : errorCode;
        switch (ec) {
            case "SlowDown", "InternalError", "RequestTimeout", "ServiceUnavailable", "Throttling", "ThrottlingException",
                    "RequestThrottled", "OperationAborted", "BadDigest", "IncompleteBody", "XAmzContentSHA256Mismatch",
                    "InvalidDigest" -> {
                return new S3TransientException(text, status, errorCode, requestId, cause);
            }
            case "NoSuchKey", "NoSuchBucket", "NoSuchUpload", "NoSuchVersion" -> {
                return new S3NotFoundException(text, status, errorCode, requestId);
            }
            case "AccessDenied", "SignatureDoesNotMatch", "InvalidAccessKeyId", "InvalidToken", "ExpiredToken",
                    "RequestTimeTooSkewed", "AccountProblem", "AllAccessDisabled" -> {
                return new S3AccessDeniedException(text, status, errorCode, requestId);
            }
            case "PreconditionFailed", "ConditionalRequestConflict" -> {
                return new S3PreconditionFailedException(text, status, errorCode, requestId);
            }
            default -> {
                // by status below
            }
        }
        if (status >= 500 || status == 429) {
            return new S3TransientException(text, status, errorCode, requestId, cause);
        }
        if (status == 404) {
            return new S3NotFoundException(text, status, errorCode, requestId);
        }
        if (status == 401 || status == 403) {
            return new S3AccessDeniedException(text, status, errorCode, requestId);
        }
        if (status == 412) {
            return new S3PreconditionFailedException(text, status, errorCode, requestId);
        }
        return new S3Exception(text, status, errorCode, requestId, cause);
    }

    /** A failure without an S3 answer: connection, TLS, timeout, truncated response. */
    static S3Exception ioFailure(String method, String bucket, String key, IOException e) {
        String what = method + " " + (bucket == null ? "" : bucket) + (key == null ? "" : "/" + key);
        String text = "S3 " + what + " failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof UnknownHostException) {
            return new S3Exception(text + " (check the endpoint and region)", 0, null, null, e);
        }
        if (e instanceof SSLException && !(e.getCause() instanceof SocketException)) {
            return new S3Exception(text + " (TLS failure: check the endpoint's certificate)", 0, null, null, e);
        }
        // resets, refused connections, timeouts, truncated responses: a retry can cure them
        return new S3TransientException(text, 0, null, null, e);
    }
}
