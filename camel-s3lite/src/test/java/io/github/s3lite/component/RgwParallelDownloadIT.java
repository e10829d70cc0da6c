package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/** {@link ParallelDownloadTest} against Ceph RGW 16; skipped with the reason without it. */
@OnStore(S3Store.Kind.RGW)
class RgwParallelDownloadIT extends ParallelDownloadTest {
}
