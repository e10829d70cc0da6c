package io.github.s3lite.client;

import io.github.s3lite.test.EmbeddedS3;

/** The client contract against the embedded S3Proxy (signatures checked). */
class S3ProxyContractTest extends S3ClientContract {
    @Override
    protected S3ClientConfig config() {
        return EmbeddedS3.get().clientConfig();
    }

    @Override
    protected String newBucket(String prefix) {
        return EmbeddedS3.get().newBucket(prefix);
    }
}
