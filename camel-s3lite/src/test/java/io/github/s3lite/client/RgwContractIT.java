package io.github.s3lite.client;

import io.github.s3lite.test.CephRgw;
import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;
import io.github.s3lite.client.auth.CredentialsProvider;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

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
}
