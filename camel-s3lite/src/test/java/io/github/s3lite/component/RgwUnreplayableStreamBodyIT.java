package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/** {@link UnreplayableStreamBodyTest} on Ceph RGW (skipped, with the reason, when RGW is not running). */
@OnStore(S3Store.Kind.RGW)
class RgwUnreplayableStreamBodyIT extends UnreplayableStreamBodyTest {
}
