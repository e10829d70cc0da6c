package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/** {@link S3LiteMetadataTest} against Ceph RGW 16 (`.ci/ceph-rgw.sh start`); skipped with the reason without it. */
@OnStore(S3Store.Kind.RGW)
class RgwMetadataIT extends S3LiteMetadataTest {
}
