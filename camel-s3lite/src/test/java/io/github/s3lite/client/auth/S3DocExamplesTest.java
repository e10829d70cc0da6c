package io.github.s3lite.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The worked examples of the Amazon S3 API Reference (inputs and expected values copied by hand; see also
 * src/test/resources/sigv4/s3-doc-examples.md):
 * <ul>
 * <li>A: "Signature Calculations for the Authorization Header: Transferring Payload in a Single Chunk",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html ("Examples: Signature
 * Calculations")</li>
 * <li>B: "Authenticating Requests: Using Query Parameters",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-query-string-auth.html ("An Example")</li>
 * <li>C1: "Transferring Payload in Multiple Chunks (Chunked Upload)",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming.html ("Example: PUT Object")</li>
 * <li>C2: "Signature calculations for trailing headers (chunked uploads)",
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sigv4-streaming-trailers.html</li>
 * </ul>
 * The docs print the Authorization header without a space after the commas; we emit ", " like the SDKs (S3 accepts
 * both), so the expected values below are the doc's with ", " ({@link #sdkSpacing}).
 */
class S3DocExamplesTest {

    static final Credentials CREDS = new Credentials("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    static final Instant TIME = Instant.parse("2013-05-24T00:00:00Z");
    static final SigV4Signer SIGNER = new SigV4Signer("us-east-1", "s3");
    static final String HOST = "examplebucket.s3.amazonaws.com";

    static String sdkSpacing(String docAuthorization) {
        return docAuthorization.replace(",SignedHeaders=", ", SignedHeaders=").replace(",Signature=", ", Signature=");
    }

    static String lines(String... l) {
        return String.join("\n", l);
    }

    @Test
    void signingKey() {
        assertThat(Hashing.hex(SIGNER.signingKey(CREDS.secretAccessKey(), TIME)))
                .isEqualTo("dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378");
    }

    /** A1 GET Object, first 10 bytes. */
    @Test
    void a1GetObjectWithRange() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Range", "bytes=0-9");
        h.put("x-amz-content-sha256", SigV4Signer.EMPTY_SHA256);
        SigningResult r = SIGNER.signHeadersDetailed(new SigningRequest("GET", HOST, "/test.txt", List.of(), h,
                SigV4Signer.EMPTY_SHA256), CREDS, TIME);
        assertThat(r.canonicalRequest()).isEqualTo(lines("GET", "/test.txt", "", "host:examplebucket.s3.amazonaws.com",
                "range:bytes=0-9",
                "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date:20130524T000000Z", "", "host;range;x-amz-content-sha256;x-amz-date",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(r.stringToSign()).isEqualTo(lines("AWS4-HMAC-SHA256", "20130524T000000Z",
                "20130524/us-east-1/s3/aws4_request",
                "7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972"));
        assertThat(r.signature()).isEqualTo("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
        assertThat(r.headers()).containsEntry("Authorization", sdkSpacing(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"))
                .containsEntry("X-Amz-Date", "20130524T000000Z").doesNotContainKey("X-Amz-Security-Token");
    }

    /** A2 PUT Object: key {@code test$file.text}, body "Welcome to Amazon S3.". */
    @Test
    void a2PutObject() {
        byte[] body = "Welcome to Amazon S3.".getBytes(StandardCharsets.UTF_8);
        String hash = Hashing.sha256Hex(body);
        assertThat(hash).isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Date", "Fri, 24 May 2013 00:00:00 GMT");
        h.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        h.put("x-amz-content-sha256", hash);
        String uri = "/" + UriEncoder.encode("test$file.text", true);
        SigningResult r = SIGNER.signHeadersDetailed(new SigningRequest("PUT", HOST, uri, List.of(), h, hash), CREDS,
                TIME);
        assertThat(r.canonicalRequest()).isEqualTo(lines("PUT", "/test%24file.text", "",
                "date:Fri, 24 May 2013 00:00:00 GMT", "host:examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256:44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072",
                "x-amz-date:20130524T000000Z", "x-amz-storage-class:REDUCED_REDUNDANCY", "",
                "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
        assertThat(r.stringToSign()).isEqualTo(lines("AWS4-HMAC-SHA256", "20130524T000000Z",
                "20130524/us-east-1/s3/aws4_request",
                "9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d"));
        assertThat(r.signature()).isEqualTo("98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
        assertThat(r.headers().get("Authorization")).isEqualTo(sdkSpacing(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd"));
    }

    /** A3 GET Bucket lifecycle: {@code ?lifecycle} is canonicalized as {@code lifecycle=}. */
    @Test
    void a3GetBucketLifecycle() {
        SigningResult r = SIGNER.signHeadersDetailed(new SigningRequest("GET", HOST, "/",
                List.of(new QueryParam("lifecycle", null)), Map.of("x-amz-content-sha256", SigV4Signer.EMPTY_SHA256),
                SigV4Signer.EMPTY_SHA256), CREDS, TIME);
        assertThat(r.canonicalRequest()).isEqualTo(lines("GET", "/", "lifecycle=",
                "host:examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date:20130524T000000Z", "", "host;x-amz-content-sha256;x-amz-date",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(r.stringToSign()).isEqualTo(lines("AWS4-HMAC-SHA256", "20130524T000000Z",
                "20130524/us-east-1/s3/aws4_request",
                "9766c798316ff2757b517bc739a67f6213b4ab36dd5da2f94eaebf79c77395ca"));
        assertThat(r.signature()).isEqualTo("fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        assertThat(r.headers().get("Authorization")).isEqualTo(sdkSpacing(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543"));
    }

    /** A4 GET Bucket (List Objects) {@code ?max-keys=2&prefix=J} (params given out of order on purpose). */
    @Test
    void a4ListObjects() {
        SigningResult r = SIGNER.signHeadersDetailed(new SigningRequest("GET", HOST, "/",
                List.of(new QueryParam("prefix", "J"), new QueryParam("max-keys", "2")),
                Map.of("x-amz-content-sha256", SigV4Signer.EMPTY_SHA256), SigV4Signer.EMPTY_SHA256), CREDS, TIME);
        assertThat(r.canonicalRequest()).isEqualTo(lines("GET", "/", "max-keys=2&prefix=J",
                "host:examplebucket.s3.amazonaws.com",
                "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                "x-amz-date:20130524T000000Z", "", "host;x-amz-content-sha256;x-amz-date",
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThat(r.stringToSign()).isEqualTo(lines("AWS4-HMAC-SHA256", "20130524T000000Z",
                "20130524/us-east-1/s3/aws4_request",
                "df57d21db20da04d7fa30298dd4488ba3a2b47ca3a489c74750e0f1e7df1b9b7"));
        assertThat(r.signature()).isEqualTo("34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
        assertThat(r.headers().get("Authorization")).isEqualTo(sdkSpacing(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;x-amz-content-sha256;x-amz-date,Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7"));
    }

    /** B1 presigned GET of test.txt, valid 86400 s. */
    @Test
    void b1PresignedGet() {
        SigningRequest req = new SigningRequest("GET", HOST, "/test.txt", List.of(), Map.of(),
                SigV4Signer.UNSIGNED_PAYLOAD);
        SigningResult r = SIGNER.presignDetailed(req, CREDS, TIME, Duration.ofSeconds(86400));
        assertThat(r.canonicalRequest()).isEqualTo(lines("GET", "/test.txt",
                "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host",
                "host:examplebucket.s3.amazonaws.com", "", "host", "UNSIGNED-PAYLOAD"));
        assertThat(r.stringToSign()).isEqualTo(lines("AWS4-HMAC-SHA256", "20130524T000000Z",
                "20130524/us-east-1/s3/aws4_request",
                "3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04"));
        assertThat(r.signature()).isEqualTo("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");

        List<QueryParam> q = SIGNER.presign(req, CREDS, TIME, Duration.ofDays(1));
        String url = "https://" + HOST + "/test.txt?" + q.stream()
                .map(p -> UriEncoder.encode(p.name(), false) + "=" + UriEncoder.encode(p.value(), false))
                .collect(Collectors.joining("&"));
        assertThat(url).isEqualTo("https://examplebucket.s3.amazonaws.com/test.txt"
                + "?X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                + "&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400&X-Amz-SignedHeaders=host"
                + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    /** C1 chunked PUT (STREAMING-AWS4-HMAC-SHA256-PAYLOAD): seed signature and the three chunk signatures. */
    @Test
    void c1ChunkedUpload() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Encoding", "aws-chunked");
        h.put("Content-Length", "66824");
        h.put("x-amz-content-sha256", SigV4Signer.STREAMING_PAYLOAD);
        h.put("x-amz-decoded-content-length", "66560");
        h.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        SigningResult seed = SIGNER.signHeadersDetailed(new SigningRequest("PUT", "s3.amazonaws.com",
                "/examplebucket/chunkObject.txt", List.of(), h, SigV4Signer.STREAMING_PAYLOAD), CREDS, TIME);
        assertThat(seed.canonicalRequest()).isEqualTo(lines("PUT", "/examplebucket/chunkObject.txt", "",
                "content-encoding:aws-chunked", "content-length:66824", "host:s3.amazonaws.com",
                "x-amz-content-sha256:STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "x-amz-date:20130524T000000Z",
                "x-amz-decoded-content-length:66560", "x-amz-storage-class:REDUCED_REDUNDANCY", "",
                "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class",
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"));
        assertThat(seed.stringToSign()).isEqualTo(lines("AWS4-HMAC-SHA256", "20130524T000000Z",
                "20130524/us-east-1/s3/aws4_request",
                "cee3fed04b70f867d036f722359b0b1f2f0e5dc0efadbc082b76c4c60e316455"));
        assertThat(seed.signature()).isEqualTo("4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9");
        assertThat(seed.headers().get("Authorization")).isEqualTo(sdkSpacing(
                "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9"));

        byte[] data = new byte[66560];
        Arrays.fill(data, (byte) 'a');
        assertThat(Hashing.sha256Hex(data, 0, 65536))
                .isEqualTo("bf718b6f653bebc184e1479f1935b8da974d701b893afcf49e701f3e2f9f9c5a");
        assertThat(Hashing.sha256Hex(data, 65536, 1024))
                .isEqualTo("2edc986847e209b4016e141a6dc8716d3207350f416969382d431539bf292e4a");
        byte[] key = SIGNER.signingKey(CREDS.secretAccessKey(), TIME);
        String c1 = SIGNER.chunkSignature(key, TIME, seed.signature(), data, 0, 65536);
        assertThat(c1).isEqualTo("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        String c2 = SIGNER.chunkSignature(key, TIME, c1, data, 65536, 1024);
        assertThat(c2).isEqualTo("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497");
        String c3 = SIGNER.chunkSignature(key, TIME, c2, new byte[0], 0, 0);
        assertThat(c3).isEqualTo("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
    }

    /** C2 chunked PUT with a signed trailing checksum (STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER). */
    @Test
    void c2ChunkedUploadWithTrailer() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Encoding", "aws-chunked");
        h.put("x-amz-content-sha256", SigV4Signer.STREAMING_PAYLOAD_TRAILER);
        h.put("x-amz-decoded-content-length", "66560");
        h.put("x-amz-storage-class", "REDUCED_REDUNDANCY");
        h.put("x-amz-trailer", "x-amz-checksum-crc32c");
        SigningResult seed = SIGNER.signHeadersDetailed(new SigningRequest("PUT", "s3.amazonaws.com",
                "/examplebucket/chunkObject.txt", List.of(), h, SigV4Signer.STREAMING_PAYLOAD_TRAILER), CREDS, TIME);
        assertThat(seed.canonicalRequest()).isEqualTo(lines("PUT", "/examplebucket/chunkObject.txt", "",
                "content-encoding:aws-chunked", "host:s3.amazonaws.com",
                "x-amz-content-sha256:STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", "x-amz-date:20130524T000000Z",
                "x-amz-decoded-content-length:66560", "x-amz-storage-class:REDUCED_REDUNDANCY",
                "x-amz-trailer:x-amz-checksum-crc32c", "",
                "content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer",
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER"));
        assertThat(seed.stringToSign()).endsWith("\n44d48b8c2f70eae815a0198cc73d7a546a73a93359c070abbaa5e6c7de112559");
        assertThat(seed.signature()).isEqualTo("106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e");

        byte[] data = new byte[66560];
        Arrays.fill(data, (byte) 'a');
        byte[] key = SIGNER.signingKey(CREDS.secretAccessKey(), TIME);
        String c1 = SIGNER.chunkSignature(key, TIME, seed.signature(), data, 0, 65536);
        assertThat(c1).isEqualTo("b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2");
        String c2 = SIGNER.chunkSignature(key, TIME, c1, data, 65536, 1024);
        assertThat(c2).isEqualTo("1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7");
        String c3 = SIGNER.chunkSignature(key, TIME, c2, data, 0, 0);
        assertThat(c3).isEqualTo("2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992");
        String trailer = "x-amz-checksum-crc32c:sOO8/Q==\n";
        assertThat(Hashing.sha256Hex(trailer))
                .isEqualTo("1e376db7e1a34a8ef1c4bcee131a2d60a1cb62503747488624e10995f448d774");
        assertThat(SIGNER.trailerSignature(key, TIME, c3, trailer))
                .isEqualTo("d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435");
    }
}
