package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * {@link S3LiteMultipartTest} against Ceph RGW 16 ({@code .ci/ceph-rgw.sh start}); skipped with the reason without
 * it. (The three cases once disabled here for RGW's empty multipart ETag pass since issue 11 points 3 and 4.)
 */
@OnStore(S3Store.Kind.RGW)
class RgwMultipartIT extends S3LiteMultipartTest {

    @Override
    @Test
    @Disabled("RGW, open defect: a NoSuchUpload answered to UploadPart is now checked against the done mark (10 of 15 "
            + "races recognised the other node's completion, and aNodeWhosePartGetsNoSuchUpload... passes on RGW), but in "
            + "5 of 15 runs on 2026-12-02 RGW answered the losing node's 5 MiB part early and closed the connection "
            + "while the body was still being sent: the client sees 'Broken pipe' (transient), not NoSuchUpload (the "
            + "early-error case of issue point 5). Passes 15 of 15 on S3Proxy")
    void twoNodesRacingOnTheSameSourceConvergeOnOneUpload() throws Exception {
        super.twoNodesRacingOnTheSameSourceConvergeOnOneUpload();
    }
}
