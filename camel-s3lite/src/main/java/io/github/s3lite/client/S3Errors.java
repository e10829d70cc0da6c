package io.github.s3lite.client;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;

import io.github.s3lite.client.http.HttpTransport;
import io.github.s3lite.client.xml.XmlNode;
import org.apache.hc.client5.http.ClientProtocolException;
import org.apache.hc.client5.http.impl.TunnelRefusedException;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MessageConstraintException;

import static io.github.s3lite.client.Responses.closeQuietly;
import static io.github.s3lite.client.Responses.header;

/** Error classification: the single place where an S3 answer or an I/O failure becomes an exception type. */
final class S3Errors {
    static final int MAX_ERROR_BODY = 64 * 1024;

    private S3Errors() {
    }

    /** What a failure means for the caller; {@link #exception} builds the matching type. */
    enum Kind {
        TRANSIENT, NOT_FOUND, ACCESS_DENIED, PRECONDITION_FAILED, PERMANENT
    }

    /**
     * S3 error codes whose meaning does not follow from the status alone. Codes not listed here are classified by
     * status ({@link #byStatus}).
     */
    static final Map<String, Kind> BY_CODE = Map.ofEntries(
            // a retry can cure these
            Map.entry("SlowDown", Kind.TRANSIENT), Map.entry("InternalError", Kind.TRANSIENT),
            Map.entry("RequestTimeout", Kind.TRANSIENT), Map.entry("ServiceUnavailable", Kind.TRANSIENT),
            Map.entry("Throttling", Kind.TRANSIENT), Map.entry("ThrottlingException", Kind.TRANSIENT),
            Map.entry("RequestThrottled", Kind.TRANSIENT), Map.entry("OperationAborted", Kind.TRANSIENT),
            Map.entry("BadDigest", Kind.TRANSIENT), Map.entry("IncompleteBody", Kind.TRANSIENT),
            Map.entry("XAmzContentSHA256Mismatch", Kind.TRANSIENT),
            // the provider re-reads credentials on every request: a rotated token makes the retry succeed
            Map.entry("ExpiredToken", Kind.TRANSIENT), Map.entry("TokenRefreshRequired", Kind.TRANSIENT),
            Map.entry("NoSuchKey", Kind.NOT_FOUND), Map.entry("NoSuchBucket", Kind.NOT_FOUND),
            Map.entry("NoSuchUpload", Kind.NOT_FOUND), Map.entry("NoSuchVersion", Kind.NOT_FOUND),
            Map.entry("AccessDenied", Kind.ACCESS_DENIED), Map.entry("SignatureDoesNotMatch", Kind.ACCESS_DENIED),
            Map.entry("InvalidAccessKeyId", Kind.ACCESS_DENIED), Map.entry("InvalidToken", Kind.ACCESS_DENIED),
            Map.entry("RequestTimeTooSkewed", Kind.ACCESS_DENIED), Map.entry("AccountProblem", Kind.ACCESS_DENIED),
            Map.entry("AllAccessDisabled", Kind.ACCESS_DENIED),
            Map.entry("PreconditionFailed", Kind.PRECONDITION_FAILED),
            Map.entry("ConditionalRequestConflict", Kind.PRECONDITION_FAILED),
            // the request itself is wrong: sending it again gives the same answer
            Map.entry("InvalidDigest", Kind.PERMANENT), Map.entry("NotImplemented", Kind.PERMANENT));

    /** The kind for a status without a listed code. */
    static Kind byStatus(int status) {
        if (status == 501 || status == 505) {
            return Kind.PERMANENT; // Not Implemented, HTTP Version Not Supported: the same request fails again
        }
        if (status >= 500 || status == 429) {
            return Kind.TRANSIENT;
        }
        return switch (status) {
            case 404 -> Kind.NOT_FOUND;
            case 401, 403 -> Kind.ACCESS_DENIED;
            case 412 -> Kind.PRECONDITION_FAILED;
            default -> Kind.PERMANENT;
        };
    }

    static Kind kind(int status, String errorCode) {
        Kind k = errorCode == null ? null : BY_CODE.get(errorCode);
        return k != null ? k : byStatus(status);
    }

    /** Codes of a refused checksum header, after which the AUTO probe falls back to Content-MD5. */
    static boolean refusesChecksumHeader(S3Exception e) {
        String code = e.getErrorCode();
        return e.getStatusCode() == 501 || (e.getStatusCode() == 400 && ("InvalidArgument".equals(code)
                || "InvalidRequest".equals(code) || "NotImplemented".equals(code) || "UnsupportedChecksum".equals(code)
                || "InvalidChecksum".equals(code)));
    }

    /** The exception for a non-2xx response; reads at most {@link #MAX_ERROR_BODY} of its body and closes it. */
    static S3Exception fromResponse(Call call, ClassicHttpResponse r, long clockSkewMillis) {
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
                        // not XML (an HTML page from a proxy): keep the status only
                    }
                }
            }
            if (errorCode == null && code == 404) {
                errorCode = call.key() == null ? "NoSuchBucket" : "NoSuchKey";
            }
            String hint = null;
            if (errorCode == null && (code == 401 || code == 403)) {
                hint = Math.abs(clockSkewMillis) > MAX_SKEW_MILLIS
                        ? "the server's clock differs from this host's by " + clockSkewMillis / 1000 + " s: fix the host's clock (NTP)"
                        : "no error body; check the access key id, the secret key, the region and this host's clock";
            }
            if (code == 407) {
                hint = "an HTTP proxy answered 407 Proxy Authentication Required: check proxyUsername and proxyPassword";
            }
            return classify(code, errorCode, hint != null ? hint : message, requestId, call.describe(), null,
                    retryAfterSeconds(header(r, "Retry-After")));
        } catch (IOException e) {
            return ioFailure(call.method(), call.bucket(), call.key(), e);
        } finally {
            closeQuietly(r);
        }
    }

    /** Skew beyond which S3 refuses a signature (15 minutes); a body-less 401/403 beyond it is taken for skew. */
    static final long MAX_SKEW_MILLIS = 15 * 60 * 1000;

    /** {@code Retry-After} in seconds (delta-seconds or an HTTP date), -1 when absent or unreadable. */
    static long retryAfterSeconds(String value) {
        if (value == null || value.isBlank()) {
            return -1;
        }
        try {
            return Math.max(0, Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Math.max(0, Duration.between(Instant.now(), at).toSeconds());
            } catch (RuntimeException notADate) {
                return -1;
            }
        }
    }

    /** Status and S3 error code to exception type (see {@link #BY_CODE} and {@link #byStatus}). */
    static S3Exception classify(int status, String errorCode, String message, String requestId, String what,
            Throwable cause) {
        return classify(status, errorCode, message, requestId, what, cause, -1);
    }

    static S3Exception classify(int status, String errorCode, String message, String requestId, String what,
            Throwable cause, long retryAfterSeconds) {
        String text = "S3 " + LogText.of(what) + " failed: HTTP " + status + (errorCode != null ? " " + LogText.of(errorCode, 64) : "")
                + (message != null ? " - " + LogText.of(message) : "")
                + (requestId != null ? " (request id " + LogText.of(requestId, 128) + ")" : "");
        return switch (kind(status, errorCode)) {
            case TRANSIENT -> new S3TransientException(text, status, errorCode, requestId, cause, retryAfterSeconds);
            case NOT_FOUND -> new S3NotFoundException(text, status, errorCode, requestId);
            case ACCESS_DENIED -> new S3AccessDeniedException(text, status, errorCode, requestId);
            case PRECONDITION_FAILED -> new S3PreconditionFailedException(text, status, errorCode, requestId);
            case PERMANENT -> new S3Exception(text, status, errorCode, requestId, cause);
        };
    }

    /** A successful answer whose content cannot be read (bad number, date, missing element): permanent. */
    static S3Exception malformed(Call call, ClassicHttpResponse r, RuntimeException e) {
        return new S3Exception("S3 " + call.describe() + " answered HTTP " + r.getCode() + " with content that cannot be read: "
                + e.getClass().getSimpleName() + ": " + LogText.of(e.getMessage()), r.getCode(), null,
                header(r, "x-amz-request-id"), e);
    }

    /** A failure without an S3 answer: connection, TLS, timeout, truncated response. */
    static S3Exception ioFailure(String method, String bucket, String key, IOException e) {
        String what = method + " " + (bucket == null ? "" : bucket) + (key == null ? "" : "/" + key);
        String text = "S3 " + LogText.of(what) + " failed: " + e.getClass().getSimpleName() + ": " + LogText.of(e.getMessage());
        if (e instanceof MessageConstraintException) {
            return new S3Exception(text + " (the response header exceeds " + HttpTransport.MAX_HEADER_LINE
                    + " bytes per line or " + HttpTransport.MAX_HEADER_COUNT + " lines: is the endpoint an S3 service?)",
                    0, null, null, e);
        }
        if (e instanceof ClientProtocolException && e.getCause() instanceof TunnelRefusedException refused) {
            String status = LogText.of(refused.getMessage());
            if (status.contains(" 407")) {
                return new S3Exception("S3 " + LogText.of(what) + " failed: " + status + " (the proxy wants credentials or refused "
                        + "them: check proxyUsername and proxyPassword)", 0, null, null, e);
            }
            // a proxy that cannot reach the endpoint (502, 503, 504) may succeed later
            return new S3TransientException("S3 " + LogText.of(what) + " failed: " + status + " (the proxy did not open a "
                    + "tunnel to the endpoint)", 0, null, null, e);
        }
        if (e instanceof ClientProtocolException) {
            return new S3Exception(text + " (the response violates HTTP: is the endpoint an S3 service?)", 0, null, null, e);
        }
        if (e instanceof UnknownHostException) {
            return new S3Exception(text + " (check the endpoint and region)", 0, null, null, e);
        }
        if (e instanceof SSLException && clientCertificateWanted(e)) {
            return new S3Exception(text + " (TLS failure: the server requires a client certificate and refused this "
                    + "one or none was sent: give a key store with the client's key and certificate in sslContextParameters, "
                    + "or an SSLContext with key managers)", 0, null, null, e);
        }
        if (e instanceof SSLException && noCommonProtocol(e)) {
            return new S3Exception(text + " (TLS failure: no protocol version or cipher suite in common with the server: "
                    + "check the TLS protocols and cipher suites, such as sslContextParameters' secureSocketProtocols and "
                    + "cipherSuites)", 0, null, null, e);
        }
        if (e instanceof SSLException && !peerClosed(e)) {
            return new S3Exception(text + " (TLS failure: check the endpoint's certificate and host name)", 0, null, null, e);
        }
        if (duringTlsHandshake(e)) {
            // a server that requires a client certificate refuses a missing or untrusted one by closing the
            // connection; the client often meets the close (broken pipe, reset) before it reads the alert
            text += " (the server closed the connection during the TLS handshake: a server that requires a client "
                    + "certificate does so when none or an untrusted one is sent; check the key store of "
                    + "sslContextParameters, or the key managers of the SSLContext)";
        }
        // resets, refused connections, timeouts, truncated responses: a retry can cure them
        return new S3TransientException(text, 0, null, null, e);
    }

    /** A network failure inside a TLS handshake (its stack passes through {@code startHandshake}). */
    static boolean duringTlsHandshake(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            for (StackTraceElement f : t.getStackTrace()) {
                if (f.getMethodName().equals("startHandshake") && f.getClassName().startsWith("sun.security.ssl.")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The handshake found no protocol version or cipher suite both sides enable. */
    static boolean noCommonProtocol(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("protocol_version") || m.contains("No appropriate protocol") || m.contains("insufficient_security")
                    || m.contains("no cipher suites in common")) {
                return true;
            }
        }
        return false;
    }

    /** The server's alert says it wanted a (valid) client certificate (TLS 1.3 certificate_required, or bad_certificate). */
    static boolean clientCertificateWanted(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? "" : t.getMessage();
            if (m.contains("certificate_required") || m.contains("bad_certificate")) {
                return true;
            }
        }
        return false;
    }

    /**
     * A TLS failure caused by the peer or the network going away (handshake cut by a reset or an EOF) rather than
     * by a certificate or host name that does not verify.
     */
    static boolean peerClosed(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException || t instanceof java.security.GeneralSecurityException
                    || t instanceof SSLPeerUnverifiedException) {
                return false;
            }
        }
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof SocketException || t instanceof EOFException) {
                return true;
            }
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.contains("Remote host terminated the handshake") || m.contains("Connection reset")
                || m.contains("closed by peer") || m.contains("Broken pipe");
    }
}
