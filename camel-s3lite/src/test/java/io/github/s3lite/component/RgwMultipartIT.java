package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link S3LiteMultipartTest} against Ceph RGW 16 ({@code .ci/ceph-rgw.sh start}); skipped with the reason without
 * it. (The three cases once disabled here for
 * RGW's empty multipart ETag pass since issue 11 points 3 and 4.)
 */
@OnStore(S3Store.Kind.RGW)
class RgwMultipartIT extends S3LiteMultipartTest {

    @Override
    @Test
    @Disabled("RGW, timing-dependent: when node A completes while node B still sends a part, B's UploadPart gets "
            + "NoSuchUpload and B's first attempt fails as 'vanished' (transient) instead of recognising A's completion; "
            + "a redelivery then finds the done mark. Passed in some runs, failed in a CI run on 2026-12-01: open defect")
    void twoNodesRacingOnTheSameSourceConvergeOnOneUpload() throws Exception {
        super.twoNodesRacingOnTheSameSourceConvergeOnOneUpload();
    }
}
