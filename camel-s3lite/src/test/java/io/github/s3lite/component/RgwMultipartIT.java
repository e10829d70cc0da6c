package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/**
 * {@link S3LiteMultipartTest} against Ceph RGW 16 ({@code .ci/ceph-rgw.sh start}); skipped with the reason without
 * it. (The three cases once disabled here for RGW's empty multipart ETag pass since issue 11 points 3 and 4; the
 * two-node race, where RGW answers the losing node's UploadPart with NoSuchUpload after the other node completed,
 * passes since that answer is checked against the done mark and the object.)
 */
@OnStore(S3Store.Kind.RGW)
class RgwMultipartIT extends S3LiteMultipartTest {
}
