package io.github.s3lite.client;

import io.github.s3lite.test.CephRgw;
import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;
import io.github.s3lite.client.auth.CredentialsProvider;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The client contract against Ceph RGW 16 started by {@code .ci/ceph-rgw.sh start}; skipped with the reason when
 * it is not running (failed in CI). Cases disabled here name the RGW behaviour and the issue point that handles it.
 */
@OnStore(S3Store.Kind.RGW)
class RgwContractIT extends S3ClientContract {
    @Override
    protected S3ClientConfig config() {
        return CephRgw.get().clientConfig();
    }

    @Override
    protected String newBucket(String prefix) {
        return CephRgw.get().newBucket(prefix);
    }

    @Override
    @Test
    @Disabled("RGW: CompleteMultipartUpload answers <ETag></ETag> (empty), fixed by issue 11 point 4")
    void multipartUploadRoundTrip() {
    }

    @Override
    @Test
    @Disabled("RGW: completing an aborted upload answers 500 InternalError 'This multipart completion is already in"
              + " progress' (AWS: 404 NoSuchUpload), handled by issue 11 point 3")
    void abortRemovesTheUploadAndCompletingItThenFails() {
    }

    @Test
    void createBucketInARegionTheStoreDoesNotHaveNamesTheRegionAndTheFix() {
        S3ClientConfig rgw = config();
        S3ClientConfig elsewhere = S3ClientConfig.of(rgw.endpoint(), "eu-central-1", true,
                CredentialsProvider.of(rgw.credentials().credentials()));
        try (S3LiteClient c = new S3LiteClient(elsewhere)) {
            assertThatThrownBy(() -> c.createBucket("elsewhere-" + System.nanoTime()))
                    .isInstanceOf(S3Exception.class)
                    .hasMessageContaining("InvalidLocationConstraint")
                    .hasMessageContaining("region 'eu-central-1'")
                    .hasMessageContaining("'default'");
        }
    }

    /**
     * RGW refuses a part of a gone upload before its body: a large part carries {@code Expect: 100-continue}, so
     * the client reads NoSuchUpload instead of meeting a closed connection mid-body. (Through an intermediary that
     * sends the body without waiting for {@code 100 Continue}, such as the tests' FaultProxy, the same refusal
     * reaches the client as a broken pipe: see S3LiteMultipartTest's cut-off case.)
     */
    @Test
    void aLargePartToAnAbortedUploadIsNoSuchUploadNotABrokenPipe() {
        String id = client.createMultipartUpload(bucket, "mp/gone-large", ObjectWriteOptions.DEFAULTS);
        client.abortMultipartUpload(bucket, "mp/gone-large", id);
        assertThatThrownBy(() -> client.uploadPart(bucket, "mp/gone-large", id, 2,
                RequestBody.of(new byte[16 * 1024 * 1024]), ChecksumAlgorithm.MD5))
                .isInstanceOf(S3NotFoundException.class)
                .satisfies(e -> assertThat(((S3Exception) e).getErrorCode()).isEqualTo("NoSuchUpload"));
    }
}
