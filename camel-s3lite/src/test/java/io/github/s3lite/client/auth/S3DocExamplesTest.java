package io.github.s3lite.client.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
}
