package io.github.s3lite.client;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * CompleteMultipartUpload answers that look like success and are not (issue 11 point 4), over the wire from a
 * server that answers every request with one canned 200.
 */
class CompleteMultipartResponseTest {

    ServerSocket server;
    volatile String body;
    volatile String extraHeaders = "";
    S3LiteClient client;

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(this::serve, "canned-s3");
        t.setDaemon(true);
        t.start();
        client = new S3LiteClient(new S3ClientConfig(URI.create("http://127.0.0.1:" + server.getLocalPort()), "us-east-1", true,
                CredentialsProvider.of(new Credentials("AKIDCANNED", "canned-secret", null)), Duration.ofSeconds(2),
                Duration.ofSeconds(5), 4, null));
    }

    @AfterEach
    void stop() throws IOException {
        client.close();
        server.close();
    }

    private void serve() {
        while (!server.isClosed()) {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                StringBuilder head = new StringBuilder();
                int c;
                while ((c = in.read()) != -1) {
                    head.append((char) c);
                    if (head.toString().endsWith("\r\n\r\n")) {
                        break;
                    }
                }
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?i)content-length: *(\\d+)").matcher(head);
                if (m.find()) {
                    in.readNBytes(Integer.parseInt(m.group(1)));
                }
                byte[] b = body.getBytes(StandardCharsets.UTF_8);
                s.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/xml\r\n" + extraHeaders
                        + "Content-Length: " + b.length + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().write(b);
            } catch (IOException e) {
                return;
            }
        }
    }

    private PutResult complete() {
        return client.completeMultipartUpload("bucket", "key", "upload-1",
                List.of(new PartInfo(1, "\"0123456789abcdef0123456789abcdef\"", 5, null)), null);
    }

    @Test
    void anEmptyBodyIsATransientErrorNotASuccess() {
        body = "";
        assertThatThrownBy(this::complete).isInstanceOf(S3TransientException.class).hasMessageContaining("empty body");
    }

    @Test
    void aWhitespaceOnlyBodyIsATransientError() {
        body = "   \n  ";
        assertThatThrownBy(this::complete).isInstanceOf(S3TransientException.class).hasMessageContaining("empty body");
    }

    @Test
    void anotherDocumentIsATransientErrorQuotingTheBody() {
        body = "<?xml version=\"1.0\"?><ListPartsResult><Bucket>bucket</Bucket></ListPartsResult>";
        assertThatThrownBy(this::complete).isInstanceOf(S3TransientException.class)
                .hasMessageContaining("not a CompleteMultipartUploadResult").hasMessageContaining("<ListPartsResult>");
    }

    @Test
    void htmlFromAProxyIsATransientErrorQuotingTheBody() {
        body = "<html><body>502 Bad Gateway</body>";
        assertThatThrownBy(this::complete).isInstanceOf(S3TransientException.class)
                .hasMessageContaining("502 Bad Gateway");
    }

    @Test
    void anErrorDocumentInA200IsAnError() {
        body = "<?xml version=\"1.0\"?><Error><Code>InternalError</Code><Message>We encountered an internal error</Message>"
                + "<RequestId>RID</RequestId></Error>";
        assertThatThrownBy(this::complete).isInstanceOf(S3TransientException.class)
                .hasMessageContaining("InternalError").hasMessageContaining("RID");
    }

    @Test
    void anUnknownErrorCodeInA200IsTransientNotPermanent() {
        body = "<Error><Code>SomethingNew</Code><Message>?</Message></Error>";
        assertThatThrownBy(this::complete).isInstanceOf(S3TransientException.class).hasMessageContaining("SomethingNew");
    }

    @Test
    void aBlankETagMeansUnknown() {
        body = "<?xml version=\"1.0\"?><CompleteMultipartUploadResult><Bucket>bucket</Bucket><Key>key</Key>"
                + "<ETag></ETag></CompleteMultipartUploadResult>";
        assertThat(complete().eTag()).isNull();
        body = "<CompleteMultipartUploadResult><ETag>\"\"</ETag></CompleteMultipartUploadResult>";
        assertThat(complete().eTag()).isNull();
    }

    @Test
    void aResultAfterKeepAliveWhitespaceIsASuccess() {
        body = "      \n   <?xml version=\"1.0\" encoding=\"UTF-8\"?><CompleteMultipartUploadResult><ETag>\"abc-1\"</ETag>"
                + "</CompleteMultipartUploadResult>";
        extraHeaders = "x-amz-version-id: v7\r\n";
        PutResult r = complete();
        assertThat(r.eTag()).isEqualTo("\"abc-1\"");
        assertThat(r.versionId()).isEqualTo("v7");
    }
}
