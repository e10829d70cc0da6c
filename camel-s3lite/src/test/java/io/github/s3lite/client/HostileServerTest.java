package io.github.s3lite.client;

import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.s3lite.client.auth.Credentials;
import io.github.s3lite.client.auth.CredentialsProvider;
import io.github.s3lite.test.MisbehavingServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * The client against a server that misbehaves on purpose (raw sockets, every byte chosen by the test): huge
 * documents and headers, trickles, endless paging, cut bodies, HTML error pages, early refusals. Time and
 * memory bounds are loose (seconds and MiB, on a loaded 2-core machine); where draining is the question the
 * test counts the bytes the server wrote.
 */
class HostileServerTest {
    static final long MiB = 1024 * 1024;

    static S3LiteClient client(URI endpoint, Duration socketTimeout, Duration requestTimeout) {
        return new S3LiteClient(new S3ClientConfig(endpoint, "us-east-1", true,
                CredentialsProvider.of(new Credentials("AKIDHOSTILE", "hostile-secret")), Duration.ofSeconds(5),
                socketTimeout, 4, null).withRequestTimeout(requestTimeout));
    }

    static S3LiteClient client(MisbehavingServer server) {
        return client(server.endpoint(), Duration.ofSeconds(5), Duration.ofSeconds(30));
    }

    static final String LIST_HEAD = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ListBucketResult><Name>b</Name>";

    // ------------------------------------------------------------------ 12.1 bounded responses

    @Test
    void aHugeListingDocumentIsRefusedBeforeItFillsTheHeap() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.head(200, "Content-Type: application/xml", "Transfer-Encoding: chunked");
            String open = LIST_HEAD + "<Contents><Key>";
            res.write(Integer.toHexString(open.length()) + "\r\n" + open + "\r\n");
            for (int i = 0; i < 48; i++) { // a 48 MiB key
                res.write(Integer.toHexString((int) MiB) + "\r\n");
                res.filler(MiB, (byte) 'a', 0);
                res.write("\r\n");
            }
            String close = "</Key><Size>1</Size></Contents><IsTruncated>false</IsTruncated></ListBucketResult>";
            res.write(Integer.toHexString(close.length()) + "\r\n" + close + "\r\n0\r\n\r\n");
            res.flush();
        }); S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.listObjects("bucket", null, null, null, 0, null))
                    .isInstanceOf(S3Exception.class)
                    .hasMessageContaining("larger than")
                    .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse());
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(server.bytesWritten()).as("the client stopped reading at the cap").isLessThan(40 * MiB);
            assertThat(c.leasedConnections()).isZero();
        }
    }

    @Test
    void anEndlessHeaderLineIsRefused() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.write("HTTP/1.1 200 OK\r\nX-Endless: ");
            res.filler(256 * MiB, (byte) 'a', 0);
        }); S3LiteClient c = client(server)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> c.headObject("bucket", "k", null))
                    .isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse())
                    .hasMessageContaining("header"));
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(server.bytesWritten()).isLessThan(64 * MiB);
        }
    }

    @Test
    void tooManyHeadersAreRefused() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.write("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 200_000; i++) {
                res.write("X-H" + i + ": v\r\n");
            }
            res.write("Content-Length: 0\r\n\r\n");
        }); S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.headObject("bucket", "k", null)).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse())
                    .hasMessageContaining("header");
        }
    }

    // ------------------------------------------------------------------ 12.2 closing early does not download the rest

    @Test
    void closingAGetEarlyDoesNotDownloadTheRest() throws Exception {
        long size = 512 * MiB;
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.head(200, "Content-Length: " + size, "ETag: \"e\"");
            res.filler(size, (byte) 'x', 0);
        }); S3LiteClient c = client(server)) {
            long start = System.nanoTime();
            GetObjectResponse r = c.getObject("bucket", "big", GetOptions.NONE);
            assertThat(r.body().readNBytes(10)).hasSize(10);
            r.close();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
            TimeUnit.MILLISECONDS.sleep(500);
            assertThat(server.bytesWritten()).as("bytes the server got to send").isLessThan(64 * MiB);
            assertThat(c.leasedConnections()).isZero();
        }
    }

    @Test
    void aSlowHugeErrorBodyDoesNotHoldTheCaller() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.head(500, "Content-Length: " + (2048 * MiB), "Content-Type: application/xml");
            res.write("<Error><Code>InternalError</Code><Message>");
            res.filler(2048 * MiB, (byte) 'm', 512 * 1024);
        }); S3LiteClient c = client(server)) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                    () -> c.getObject("bucket", "k", GetOptions.NONE)).isInstanceOf(S3TransientException.class));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
            TimeUnit.MILLISECONDS.sleep(1500);
            assertThat(server.bytesWritten()).isLessThan(8 * MiB);
            assertThat(c.leasedConnections()).isZero();
        }
    }

    @Test
    void aBodyOfUnknownLengthClosedEarlyIsAborted() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.head(200, "Transfer-Encoding: chunked");
            while (true) {
                res.write("10000\r\n");
                if (res.filler(0x10000, (byte) 'c', 4 * 1024 * 1024) < 0x10000) {
                    return;
                }
                res.write("\r\n");
            }
        }); S3LiteClient c = client(server)) {
            assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                GetObjectResponse r = c.getObject("bucket", "endless", GetOptions.NONE);
                assertThat(r.body().readNBytes(10)).hasSize(10);
                r.close();
            });
            assertThat(c.leasedConnections()).isZero();
        }
    }

    @Test
    void aSmallRemainderIsReadSoTheConnectionIsReused() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(200, "y".repeat(1000)));
                S3LiteClient c = client(server)) {
            for (int i = 0; i < 3; i++) {
                try (GetObjectResponse r = c.getObject("bucket", "small", GetOptions.NONE)) {
                    assertThat(r.body().readNBytes(10)).hasSize(10);
                }
            }
            assertThat(server.connections()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ 12.3 a deadline per request

    @Test
    void trickledHeadersHitTheRequestDeadline() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) ->
                res.trickle("HTTP/1.1 200 OK\r\n" + "X-Slow: " + "s".repeat(10_000) + "\r\n\r\n", 100));
                S3LiteClient c = client(server.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(3))) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() -> c.headObject("bucket", "k", null))
                    .isInstanceOf(S3TransientException.class).hasMessageContaining("requestTimeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aTrickledListingHitsTheRequestDeadline() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.head(200, "Transfer-Encoding: chunked", "Content-Type: application/xml");
            res.write(Integer.toHexString(LIST_HEAD.length()) + "\r\n" + LIST_HEAD + "\r\n");
            for (int i = 0; i < 100_000; i++) {
                res.trickle("1\r\n \r\n", 30);
            }
        }); S3LiteClient c = client(server.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(3))) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(
                    () -> c.listObjects("bucket", null, null, null, 0, null))
                    .isInstanceOf(S3TransientException.class).hasMessageContaining("requestTimeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void aTrickledGetBodyHitsTheStallBound() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.head(200, "Content-Length: " + (10 * MiB));
            res.filler(10 * MiB, (byte) 't', 20);
        }); S3LiteClient c = client(server.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(3))) {
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                GetObjectResponse r = c.getObject("bucket", "k", GetOptions.NONE);
                try (InputStream in = r.body()) {
                    assertThatThrownBy(in::readAllBytes).isInstanceOf(S3TransientException.class)
                            .hasMessageContaining("stalled");
                }
            });
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
            assertThat(c.leasedConnections()).isZero();
        }
    }

    @Test
    void aServerThatStopsReadingAnUploadIsCutOff() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            if (req.header("Expect") != null) {
                res.write("HTTP/1.1 100 Continue\r\n\r\n");
                res.flush();
            }
            TimeUnit.SECONDS.sleep(60); // never reads the body
        }); S3LiteClient c = client(server.endpoint(), Duration.ofSeconds(2), Duration.ofSeconds(3))) {
            byte[] body = new byte[(int) (64 * MiB)];
            long start = System.nanoTime();
            assertTimeoutPreemptively(Duration.ofSeconds(90), () -> assertThatThrownBy(() -> c.putObject("bucket", "k",
                    RequestBody.of(body), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE))
                    .isInstanceOf(S3TransientException.class).hasMessageContaining("socketTimeout"));
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(20));
        }
    }

    // ------------------------------------------------------------------ 12.6 every failure is typed

    @Test
    void aProxyHtmlPageWithNbspIsATypedTransientErrorEvenWithWoodstoxOnTheClasspath() throws Exception {
        // the test classpath has Woodstox (through S3Proxy's jackson-dataformat-xml), so XMLInputFactory.newFactory() finds it
        assertThat(javax.xml.stream.XMLInputFactory.newFactory().getClass().getName()).contains("wstx");
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(502,
                "<html><head><title>502 Bad Gateway</title></head><body>Bad&nbsp;Gateway</body></html>",
                "Content-Type: text/html"));
                S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.listObjects("bucket", null, null, null, 0, null))
                    .isInstanceOf(S3TransientException.class)
                    .satisfies(e -> assertThat(((S3Exception) e).getStatusCode()).isEqualTo(502));
            assertThatThrownBy(() -> c.getObject("bucket", "k", GetOptions.NONE)).isInstanceOf(S3TransientException.class);
        }
    }

    @Test
    void unreadableNumbersInAnswersAreTypedPermanentErrors() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            if (req.method().equals("HEAD")) {
                res.head(200, "Content-Length: 1e3");
            } else if (req.target().contains("list-type")) {
                res.send(200, LIST_HEAD + "<Contents><Key>k</Key><Size>12abc</Size></Contents>"
                        + "<IsTruncated>false</IsTruncated></ListBucketResult>");
            } else {
                res.head(200, "Transfer-Encoding: chunked", "Content-Length: 1e3");
                res.write("3\r\nabc\r\n0\r\n\r\n");
            }
        }); S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.listObjects("bucket", null, null, null, 0, null)).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse()).hasMessageContaining("12abc");
            assertThatThrownBy(() -> c.headObject("bucket", "k", null)).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse()).hasMessageContaining("1e3");
            // 12.10: the malformed header of a GET used to be parsed outside the try block, leaking the connection
            for (int i = 0; i < 6; i++) {
                assertThatThrownBy(() -> c.getObject("bucket", "k", GetOptions.NONE)).isInstanceOf(S3Exception.class);
            }
            assertThat(c.leasedConnections()).isZero();
        }
    }

    @Test
    void aMalformedDocumentFromA2xxIsPermanentAndACutOneTransient() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            if (req.target().contains("list-type")) {
                res.send(200, LIST_HEAD + "<Contents><Key>k</Key></Contents");
            } else {
                res.head(200, "Content-Length: 1000", "Content-Type: application/xml");
                res.write(LIST_HEAD);
                res.close();
            }
        }); S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.listObjects("bucket", null, null, null, 0, null)).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).isTransient()).isFalse()).hasMessageContaining("malformed");
            assertThatThrownBy(() -> c.listParts("bucket", "k", "u")).isInstanceOf(S3TransientException.class);
        }
    }

    @Test
    void aGetBodyCutShortFailsTheReadWithATransientS3Exception() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            res.head(200, "Content-Length: 100000");
            res.filler(40_000, (byte) 'z', 0);
            res.close();
        }); S3LiteClient c = client(server)) {
            GetObjectResponse r = c.getObject("bucket", "k", GetOptions.NONE);
            assertThatThrownBy(() -> r.body().readAllBytes()).isInstanceOf(S3TransientException.class)
                    .hasMessageContaining("bucket/k");
            r.close();
            assertThat(c.leasedConnections()).isZero();
        }
    }

    // ------------------------------------------------------------------ 12.4 paging always terminates

    @Test
    void aListingThatRepeatsItsTokenFailsInsteadOfLooping() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(200, LIST_HEAD
                + "<Contents><Key>k</Key><Size>1</Size></Contents><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>same</NextContinuationToken></ListBucketResult>"));
                S3LiteClient c = client(server)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> c.listAllObjects("bucket", null, 0))
                    .isInstanceOf(S3Exception.class).hasMessageContaining("second time"));
            assertThat(server.requests()).isEqualTo(2);
        }
    }

    @Test
    void freshTokensForeverStopAtThePageBound() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(200, LIST_HEAD
                + "<Contents><Key>k" + req.number() + "</Key><Size>1</Size></Contents><IsTruncated>true</IsTruncated>"
                + "<NextContinuationToken>t" + req.number() + "</NextContinuationToken></ListBucketResult>"));
                S3LiteClient c = new S3LiteClient(new S3ClientConfig(server.endpoint(), "us-east-1", true,
                        CredentialsProvider.of(new Credentials("a", "b")), null, null, 0, null).withMaxPages(25))) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThatThrownBy(() -> c.listAllObjects("bucket", null, 0))
                    .isInstanceOf(S3Exception.class).hasMessageContaining("more than 25 pages"));
            assertThat(server.requests()).isEqualTo(25);
        }
    }

    @Test
    void partAndUploadMarkersSeenBeforeAreErrorsEvenWhenNotConsecutive() throws Exception {
        String[] partMarkers = { "2", "4", "2" };
        String[] keyMarkers = { "a", "b", "a" };
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            int i = Math.min(2, (req.number() - 1) % 3);
            if (req.target().contains("uploadId=u")) {
                res.send(200, "<ListPartsResult><Part><PartNumber>" + (i + 1) + "</PartNumber><ETag>e</ETag><Size>1</Size></Part>"
                        + "<IsTruncated>true</IsTruncated><NextPartNumberMarker>" + partMarkers[i]
                        + "</NextPartNumberMarker></ListPartsResult>");
            } else {
                res.send(200, "<ListMultipartUploadsResult><Upload><Key>k</Key><UploadId>x</UploadId></Upload>"
                        + "<IsTruncated>true</IsTruncated><NextKeyMarker>" + keyMarkers[i] + "</NextKeyMarker>"
                        + "<NextUploadIdMarker>x</NextUploadIdMarker></ListMultipartUploadsResult>");
            }
        }); S3LiteClient c = client(server)) {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
                assertThatThrownBy(() -> c.listParts("bucket", "k", "u")).isInstanceOf(S3Exception.class)
                        .hasMessageContaining("second time");
                assertThatThrownBy(() -> c.listMultipartUploads("bucket", null)).isInstanceOf(S3Exception.class)
                        .hasMessageContaining("second time");
            });
            assertThat(server.requests()).isEqualTo(6);
        }
    }

    // ------------------------------------------------------------------ 12.5 Expect: 100-continue

    @Test
    void anEarlyRefusalOfALargePutCostsNoBodyAndStaysPermanent() throws Exception {
        java.util.concurrent.atomic.AtomicLong bodyBytesReceived = new java.util.concurrent.atomic.AtomicLong();
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            // refuses at once, without waiting for the body, then counts what still arrives for a while and closes
            res.send(403, "<Error><Code>AccessDenied</Code><Message>no</Message></Error>", "Connection: close");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
            byte[] buf = new byte[65536];
            try {
                while (System.nanoTime() < deadline && req.body().available() >= 0) {
                    if (req.body().available() == 0) {
                        TimeUnit.MILLISECONDS.sleep(20);
                        continue;
                    }
                    int n = req.body().read(buf);
                    if (n < 0) {
                        break;
                    }
                    bodyBytesReceived.addAndGet(n);
                }
            } finally {
                res.close();
            }
        }); S3LiteClient c = client(server)) {
            byte[] body = new byte[(int) (32 * MiB)];
            assertThatThrownBy(() -> c.putObject("bucket", "k", RequestBody.of(body), ObjectWriteOptions.DEFAULTS,
                    ChecksumAlgorithm.NONE)).isInstanceOf(S3AccessDeniedException.class)
                    .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("AccessDenied"));
            assertThat(server.heads().get(0)).contains("expect: 100-continue");
            TimeUnit.MILLISECONDS.sleep(2500);
            assertThat(bodyBytesReceived.get()).as("body bytes sent after the refusal").isLessThan(MiB);
        }
    }

    @Test
    void smallBodiesAreSentWithoutExpect() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            req.readBody();
            res.send(200, "", "ETag: \"e\"");
        }); S3LiteClient c = client(server)) {
            c.putObject("bucket", "k", RequestBody.of(new byte[1000]), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.NONE);
            assertThat(server.heads().get(0)).doesNotContain("expect:");
        }
    }

    // ------------------------------------------------------------------ 12.8 clock skew seen on a body-less 403

    static String httpDate(java.time.Instant t) {
        return java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(java.time.ZoneOffset.UTC));
    }

    @Test
    void aHeadRefusedWithoutBodyByAServerAnHourAheadIsResignedOnceWithTheServersClock() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            java.time.Instant serverNow = java.time.Instant.now().plus(Duration.ofHours(1));
            java.time.Instant signed = java.time.LocalDateTime.parse(req.header("X-Amz-Date"),
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(java.time.ZoneOffset.UTC);
            boolean inTime = Duration.between(signed, serverNow).abs().compareTo(Duration.ofMinutes(15)) < 0;
            res.head(inTime ? 200 : 403, "Date: " + httpDate(serverNow), "Content-Length: " + (inTime ? 5 : 0),
                    "ETag: \"e\"");
        }); S3LiteClient c = client(server)) {
            assertThat(c.headObject("bucket", "k", null).contentLength()).isEqualTo(5);
            assertThat(c.clockOffsetMillis()).isBetween(3_500_000L, 3_700_000L);
            assertThat(server.requests()).isEqualTo(2);
            assertThat(c.headObject("bucket", "k", null).contentLength()).isEqualTo(5);
            assertThat(server.requests()).isEqualTo(3);
        }
    }

    @Test
    void aBodylessHeadRefusalSaysWhatToCheckAndInventsNoCode() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) ->
                res.head(403, "Date: " + httpDate(java.time.Instant.now()), "Content-Length: 0"));
                S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.headObject("bucket", "k", null)).isInstanceOf(S3AccessDeniedException.class)
                    .hasMessageContaining("access key id").hasMessageContaining("secret key")
                    .hasMessageContaining("region").hasMessageContaining("clock")
                    .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isNull());
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    // ------------------------------------------------------------------ 12.9 the one documented retry

    @Test
    void aStalePooledConnectionIsRetriedOnceForIdempotentRequestsOnly() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            if (req.number() % 2 == 0) {
                res.close(); // a kept-alive connection the server dropped: no response at all
                return;
            }
            res.send(200, "", "ETag: \"e\"");
        }); S3LiteClient c = client(server)) {
            c.headObject("bucket", "k", null);   // 1: ok, connection kept
            c.headObject("bucket", "k", null);   // 2: dropped -> 3: ok on a new connection
            assertThat(server.requests()).isEqualTo(3);
            assertThatThrownBy(() -> c.createMultipartUpload("bucket", "k", ObjectWriteOptions.DEFAULTS)) // 4: dropped, POST
                    .isInstanceOf(S3TransientException.class);
            assertThat(server.requests()).isEqualTo(4);
        }
    }

    @Test
    void a503IsOneRequestAndCarriesRetryAfter() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(503,
                "<Error><Code>SlowDown</Code><Message>Please reduce your request rate.</Message></Error>",
                "Retry-After: 7"));
                S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.deleteObject("bucket", "k")).isInstanceOf(S3TransientException.class)
                    .satisfies(e -> assertThat(((S3TransientException) e).getRetryAfterSeconds()).isEqualTo(7));
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void redirectsAreNotFollowed() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(307,
                "<Error><Code>TemporaryRedirect</Code><Message>elsewhere</Message></Error>",
                "Location: http://127.0.0.1:1/elsewhere"));
                S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.headBucket("bucket")).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).getStatusCode()).isEqualTo(307));
            assertThat(server.requests()).isEqualTo(1);
        }
    }

    @Test
    void externalEntitiesAreNotResolved() throws Exception {
        java.nio.file.Path secret = java.nio.file.Files.createTempFile("xxe", ".txt");
        java.nio.file.Files.writeString(secret, "TOP-SECRET");
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(200,
                "<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"
                        + "<ListBucketResult><Name>&x;</Name><Contents><Key>&x;</Key><Size>1</Size></Contents>"
                        + "<IsTruncated>false</IsTruncated></ListBucketResult>"));
                S3LiteClient c = client(server)) {
            try {
                ListPage page = c.listObjects("bucket", null, null, null, 0, null);
                assertThat(page.objects()).noneMatch(o -> o.key() != null && o.key().contains("TOP-SECRET"));
            } catch (S3Exception refused) {
                assertThat(refused).hasMessageNotContaining("TOP-SECRET");
            }
        } finally {
            java.nio.file.Files.deleteIfExists(secret);
        }
    }

    @Test
    void completeMultipartUploadAnswering200WithAnErrorBodyIsAnError() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            req.readBody();
            res.send(200, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n\n<Error><Code>InternalError</Code>"
                    + "<Message>We encountered an internal error. Please try again.</Message><RequestId>RID</RequestId></Error>");
        }); S3LiteClient c = client(server)) {
            assertThatThrownBy(() -> c.completeMultipartUpload("bucket", "k", "u",
                    java.util.List.of(new PartInfo(1, "\"e\"", 5, null)), null))
                    .isInstanceOf(S3TransientException.class)
                    .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("InternalError"))
                    .satisfies(e -> assertThat(((S3Exception) e).getRequestId()).isEqualTo("RID"));
        }
    }

    @Test
    void bucketAlreadyOwnedByYouIsSuccessForCreateBucket() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> res.send(409,
                "<Error><Code>" + (req.target().contains("mine") ? "BucketAlreadyOwnedByYou" : "BucketAlreadyExists")
                        + "</Code></Error>"));
                S3LiteClient c = client(server)) {
            c.createBucket("mine");
            assertThatThrownBy(() -> c.createBucket("theirs")).isInstanceOf(S3Exception.class)
                    .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("BucketAlreadyExists"));
        }
    }

    // ------------------------------------------------------------------ 12.7 keys that XML cannot carry

    @Test
    void listingsAskForUrlEncodedKeysAndDecodeThem() throws Exception {
        try (MisbehavingServer server = new MisbehavingServer((req, res) -> {
            if (req.target().contains("uploads")) {
                res.send(200, "<ListMultipartUploadsResult><EncodingType>url</EncodingType><Upload><Key>u%01k</Key>"
                        + "<UploadId>x</UploadId></Upload><IsTruncated>false</IsTruncated></ListMultipartUploadsResult>");
            } else {
                res.send(200, LIST_HEAD + "<EncodingType>url</EncodingType><Contents><Key>a%01b+c%2Bd%C3%A9</Key><Size>1</Size>"
                        + "</Contents><CommonPrefixes><Prefix>p%0A/</Prefix></CommonPrefixes><IsTruncated>false</IsTruncated></ListBucketResult>");
            }
        }); S3LiteClient c = client(server)) {
            ListPage page = c.listObjects("bucket", null, "/", null, 0, null);
            assertThat(page.objects().get(0).key()).isEqualTo("a\u0001b c+d\u00e9");
            assertThat(page.commonPrefixes()).containsExactly("p\n/");
            assertThat(c.listMultipartUploads("bucket", null).get(0).key()).isEqualTo("u\u0001k");
            assertThat(server.seen()).allSatisfy(r -> assertThat(r.target()).contains("encoding-type=url"));
        }
    }
}
