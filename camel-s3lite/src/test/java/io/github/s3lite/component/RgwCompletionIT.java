package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/** {@link S3LiteCompletionTest} against Ceph RGW 16 (500 InternalError on a completed upload, empty ETag). */
@OnStore(S3Store.Kind.RGW)
class RgwCompletionIT extends S3LiteCompletionTest {
}
