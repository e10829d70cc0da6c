package io.github.s3lite.client;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The classification table on its own: status and S3 error code to exception type, and I/O failures. */
class S3ErrorsTest {

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(nullValues = "-", value = {
            // transient by code, whatever the status
            "503, SlowDown, S3TransientException",
            "500, InternalError, S3TransientException",
            "400, RequestTimeout, S3TransientException",
            "400, BadDigest, S3TransientException",
            "400, IncompleteBody, S3TransientException",
            "400, XAmzContentSHA256Mismatch, S3TransientException",
            "409, OperationAborted, S3TransientException",
            "200, InternalError, S3TransientException", // CompleteMultipartUpload's 200 with <Error>
            "400, ExpiredToken, S3TransientException", // the provider re-reads credentials: a retry may succeed
            "403, ExpiredToken, S3TransientException",
            // transient by status
            "500, -, S3TransientException",
            "502, -, S3TransientException",
            "503, -, S3TransientException",
            "504, -, S3TransientException",
            "429, -, S3TransientException",
            // not transient although 5xx
            "501, NotImplemented, S3Exception",
            "501, -, S3Exception",
            "505, -, S3Exception",
            "400, InvalidDigest, S3Exception",
            // not found
            "404, NoSuchKey, S3NotFoundException",
            "404, NoSuchBucket, S3NotFoundException",
            "404, NoSuchUpload, S3NotFoundException",
            "404, -, S3NotFoundException",
            // access
            "403, AccessDenied, S3AccessDeniedException",
            "403, SignatureDoesNotMatch, S3AccessDeniedException",
            "403, InvalidAccessKeyId, S3AccessDeniedException",
            "403, RequestTimeTooSkewed, S3AccessDeniedException",
            "400, InvalidToken, S3AccessDeniedException",
            "401, -, S3AccessDeniedException",
            "403, -, S3AccessDeniedException",
            // conditions
            "412, PreconditionFailed, S3PreconditionFailedException",
            "409, ConditionalRequestConflict, S3PreconditionFailedException",
            "412, -, S3PreconditionFailedException",
            // other 4xx: permanent
            "400, InvalidPart, S3Exception",
            "400, EntityTooSmall, S3Exception",
            "409, BucketAlreadyExists, S3Exception",
            "409, BucketAlreadyOwnedByYou, S3Exception",
            "307, TemporaryRedirect, S3Exception",
            "400, -, S3Exception",
    })
    void statusAndCodeToType(int status, String code, String type) {
        S3Exception e = S3Errors.classify(status, code, "m", "rid", "GET b/k", null);
        assertThat(e.getClass().getSimpleName()).isEqualTo(type);
        assertThat(e.isTransient()).isEqualTo(type.equals("S3TransientException"));
        assertThat(e.getStatusCode()).isEqualTo(status);
        assertThat(e.getErrorCode()).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} {1} -> fallback {2}")
    @CsvSource(nullValues = "-", value = {
            "400, InvalidArgument, true",
            "400, InvalidRequest, true",
            "501, NotImplemented, true",
            "501, -, true",
            "400, RequestTimeout, false",
            "400, BadDigest, false",
            "400, -, false",
            "403, AccessDenied, false",
            "503, SlowDown, false",
    })
    void theChecksumProbeFallsBackOnlyOnCodesAboutTheHeader(int status, String code, boolean fallback) {
        assertThat(S3Errors.refusesChecksumHeader(S3Errors.classify(status, code, null, null, "PUT b/k", null)))
                .isEqualTo(fallback);
    }

    @org.junit.jupiter.api.Test
    void ioFailures() {
        assertThat(S3Errors.ioFailure("GET", "b", "k", new SocketException("Connection reset")).isTransient()).isTrue();
        assertThat(S3Errors.ioFailure("GET", "b", "k", new java.net.UnknownHostException("nope")).isTransient()).isFalse();
        // a handshake the peer cut is transient; certificate and host name failures are not
        SSLHandshakeException cut = new SSLHandshakeException("Remote host terminated the handshake");
        cut.initCause(new EOFException("SSL peer shut down incorrectly"));
        assertThat(S3Errors.ioFailure("GET", "b", "k", cut).isTransient()).isTrue();
        SSLHandshakeException cert = new SSLHandshakeException("PKIX path building failed");
        cert.initCause(new CertificateException("unable to find valid certification path"));
        assertThat(S3Errors.ioFailure("GET", "b", "k", cert).isTransient()).isFalse();
        assertThat(S3Errors.ioFailure("GET", "b", "k", new SSLPeerUnverifiedException("Certificate for <x> doesn't match"))
                .isTransient()).isFalse();
        assertThat(S3Errors.ioFailure("GET", "b", "k", new org.apache.hc.core5.http.MessageConstraintException("Maximum line length limit exceeded"))
                .isTransient()).isFalse();
        assertThat(S3Errors.ioFailure("GET", "b", "k", new IOException("Premature end of Content-Length delimited message body"))
                .isTransient()).isTrue();
    }

    @org.junit.jupiter.api.Test
    void messagesEscapeControlCharactersAndStayShort() {
        S3Exception e = S3Errors.classify(400, "InvalidArgument", "x".repeat(70_000) + "\r\nFAKE LOG LINE", "r\nid",
                "GET b/evil\r\nkey", null);
        assertThat(e.getMessage()).doesNotContain("\r").doesNotContain("\n").hasSizeLessThan(2_000)
                .contains("evil\\u000d\\u000akey");
        assertThat(S3Errors.retryAfterSeconds("120")).isEqualTo(120);
        assertThat(S3Errors.retryAfterSeconds("soon")).isEqualTo(-1);
        assertThat(S3Errors.retryAfterSeconds(null)).isEqualTo(-1);
    }
}
