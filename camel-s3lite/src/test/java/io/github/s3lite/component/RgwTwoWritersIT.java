package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/** {@link S3LiteTwoWritersTest} against Ceph RGW 16. */
@OnStore(S3Store.Kind.RGW)
class RgwTwoWritersIT extends S3LiteTwoWritersTest {
}
