package io.github.s3lite.component;

import io.github.s3lite.test.OnStore;
import io.github.s3lite.test.S3Store;

/** {@link S3LiteProducerTest} against Ceph RGW 16 (`.ci/ceph-rgw.sh start`); skipped with the reason without it. */
@OnStore(S3Store.Kind.RGW)
class RgwProducerIT extends S3LiteProducerTest {
}
