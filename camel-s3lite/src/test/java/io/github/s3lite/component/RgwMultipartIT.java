package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link S3LiteMultipartTest} against Ceph RGW 16 ({@code .ci/ceph-rgw.sh start}); skipped with the reason without
 * it. Cases disabled here name the RGW behaviour and the issue point that handles it.
 */
@OnStore(S3Store.Kind.RGW)
class RgwMultipartIT extends S3LiteMultipartTest {

    @Override
    @Test
    @Disabled("RGW: CompleteMultipartUpload answers <ETag></ETag> (empty), so CamelS3LiteETag is \"\"; fixed by issue 11"
              + " point 4")
    void fileIsUploadedInParallelPartsWithItsExactBytes() {
    }

    @Override
    @Test
    @Disabled("RGW: the empty multipart ETag is recorded in the done checkpoint, so the second send uploads again;"
              + " fixed by issue 11 point 4")
    void aCompletedSourceIsNotUploadedTwiceUnlessTheObjectWasDeleted() {
    }

    @Override
    @Test
    @Disabled("RGW: the second node's Complete answers 500 'multipart completion is already in progress' and the first"
              + " node's done checkpoint holds the empty ETag, so the second node never sees it done; fixed by issue 11"
              + " points 3 and 4")
    void twoNodesRacingOnTheSameSourceConvergeOnOneUpload() {
    }
}
