package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/**
 * {@link S3LiteMultipartTest} against Ceph RGW 16 ({@code .ci/ceph-rgw.sh start}); skipped with the reason without
 * it, through the test class's FaultProxy. (The three cases once disabled here for RGW's empty multipart ETag pass
 * since issue 11 points 3 and 4. The two-node race was disabled while RGW's refusal of the losing node's part,
 * sent before its {@code 100 Continue}, reached that node through the proxy as a broken pipe; since the fix that
 * {@code aPartCutOffBecauseAnotherNodeCompletedTheUploadEndsInThatNodesObject} tests, it passes.)
 */
@OnStore(S3Store.Kind.RGW)
class RgwMultipartIT extends S3LiteMultipartTest {
}
