package io.github.s3lite.client;

import io.github.s3lite.test.EmbeddedS3;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

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

    @Override
    @Test
    @Disabled("S3Proxy 4.1 (filesystem store) keeps no state per upload: ListParts of an aborted upload answers 200")
    void listPartsOfAnAbortedUploadIsNoSuchUpload() {
    }

    @Override
    @Test
    @Disabled("S3Proxy 4.1 (filesystem store) keeps no state per upload: UploadPart to an aborted upload answers 200")
    void uploadPartToAnAbortedUploadIsNoSuchUpload() {
    }
}
