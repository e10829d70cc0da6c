package io.github.s3lite.component;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PutResult;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.S3PreconditionFailedException;
import io.github.s3lite.test.S3LiteTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 point 5: {@code CamelS3LiteIfNoneMatch: *} and {@code CamelS3LiteIfMatch} hold for multipart uploads as
 * for single PUTs (a 20 MiB file used to overwrite an existing key), on a real store; the ETag of If-Match may be
 * given quoted or not. The subclass runs the same on Ceph RGW.
 */
class S3LiteConditionalWriteTest extends S3LiteTestSupport {

    static final int MIB = 1024 * 1024;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:put").to("s3lite:{{bucket}}?multipartThreshold=5242880&partSize=5242880");
            }
        };
    }

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String sha(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    String objectSha(String key) throws Exception {
        try (var r = client.getObject(bucket, key, GetOptions.NONE)) {
            return sha(r.body().readAllBytes());
        }
    }

    Exchange put(byte[] body, String key, String header, String value) {
        return template.request("direct:put", e -> {
            e.getMessage().setBody(body);
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            e.getMessage().setHeader(header, value);
        });
    }

    @Test
    void ifNoneMatchStarRefusesToOverwriteWithAMultipartUpload() throws Exception {
        byte[] old = random(1000, 1);
        client.putObject(bucket, "cond/none.bin", RequestBody.of(old), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        Exchange ex = put(random(20 * MIB, 2), "cond/none.bin", S3LiteConstants.IF_NONE_MATCH, "*");
        assertThat(ex.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(objectSha("cond/none.bin")).isEqualTo(sha(old));
        assertThat(client.listMultipartUploads(bucket, "cond/")).isEmpty();

        byte[] fresh = random(20 * MIB, 3);
        ex = put(fresh, "cond/new.bin", S3LiteConstants.IF_NONE_MATCH, "*");
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("cond/new.bin")).isEqualTo(sha(fresh));
    }

    @Test
    void ifMatchHoldsForMultipartUploadsQuotedOrNot() throws Exception {
        byte[] old = random(1000, 4);
        PutResult first = client.putObject(bucket, "cond/match.bin", RequestBody.of(old), ObjectWriteOptions.DEFAULTS,
                ChecksumAlgorithm.MD5);
        Exchange ex = put(random(11 * MIB, 5), "cond/match.bin", S3LiteConstants.IF_MATCH,
                "\"0123456789abcdef0123456789abcdef\"");
        assertThat(ex.getException()).isInstanceOf(S3PreconditionFailedException.class);
        assertThat(objectSha("cond/match.bin")).isEqualTo(sha(old));

        byte[] second = random(11 * MIB, 6);
        String quoted = first.eTag().startsWith("\"") ? first.eTag() : "\"" + first.eTag() + "\"";
        ex = put(second, "cond/match.bin", S3LiteConstants.IF_MATCH, quoted);
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("cond/match.bin")).isEqualTo(sha(second));

        byte[] third = random(12 * MIB, 7);
        String bare = ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class).replace("\"", "");
        ex = put(third, "cond/match.bin", S3LiteConstants.IF_MATCH, bare);
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("cond/match.bin")).isEqualTo(sha(third));
        assertThat(client.listMultipartUploads(bucket, "cond/")).isEmpty();
    }

    @Test
    void singlePutsTakeTheSameConditionsQuotedOrNot() throws Exception {
        PutResult first = client.putObject(bucket, "cond/single.bin", RequestBody.of(random(100, 8)),
                ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        assertThat(put(random(100, 9), "cond/single.bin", S3LiteConstants.IF_NONE_MATCH, "*").getException())
                .isInstanceOf(S3PreconditionFailedException.class);
        byte[] quotedBody = random(100, 10);
        Exchange ex = put(quotedBody, "cond/single.bin", S3LiteConstants.IF_MATCH,
                first.eTag().startsWith("\"") ? first.eTag() : "\"" + first.eTag() + "\"");
        assertThat(ex.getException()).isNull();
        byte[] bareBody = random(100, 11);
        ex = put(bareBody, "cond/single.bin", S3LiteConstants.IF_MATCH,
                ex.getMessage().getHeader(S3LiteConstants.E_TAG, String.class).replace("\"", ""));
        assertThat(ex.getException()).isNull();
        assertThat(objectSha("cond/single.bin")).isEqualTo(sha(bareBody));
        assertThatThrownBy(() -> { throw put(random(100, 12), "cond/single.bin", S3LiteConstants.IF_MATCH,
                "0123456789abcdef0123456789abcdef").getException(); })
                .isInstanceOf(S3PreconditionFailedException.class);
    }
}
