package io.github.s3lite.component;

import java.io.ByteArrayInputStream;
import java.util.Random;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.S3NotFoundException;
import io.github.s3lite.test.S3LiteTestSupport;
import io.github.s3lite.upload.CheckpointStore;
import io.github.s3lite.upload.MultipartUploader;
import io.github.s3lite.upload.UploadProgress;
import io.github.s3lite.upload.UploadSource;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 11 point 2: sizes above 2 GiB are never cut to an int. Before: partSize 4 GiB stored a 10 MiB stream as an
 * empty object, 4 GiB + 5 MiB stored 5 MiB, 3 GiB threw NegativeArraySizeException, and multipartThreshold 5 GiB
 * with CamelS3LiteContentLength 4 GiB + 10 stored 10 bytes, all as success.
 */
class SizeArithmeticTest extends S3LiteTestSupport {

    static final long GIB = 1024L * 1024 * 1024;
    static final int MIB = 1024 * 1024;

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:threshold5g").to("s3lite:{{bucket}}?multipartThreshold=" + 5 * GIB);
            }
        };
    }

    static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }

    Exchange put(String route, String key, byte[] data, Long announced) {
        return template.request(route, e -> {
            e.getMessage().setBody(new ByteArrayInputStream(data));
            e.getMessage().setHeader(S3LiteConstants.KEY, key);
            if (announced != null) {
                e.getMessage().setHeader(S3LiteConstants.CONTENT_LENGTH, announced);
            }
        });
    }

    void assertAbsent(String key) {
        assertThatThrownBy(() -> client.headObject(bucket, key, null)).isInstanceOf(S3NotFoundException.class);
    }

    @Test
    void streamPartsLargerThanAnInHeapBufferFailWithTheOptionNamed() {
        MultipartUploader.Settings[] settings = {
            new MultipartUploader.Settings(4 * GIB, 4, 1L << 40, ChecksumAlgorithm.AUTO),
            new MultipartUploader.Settings(4 * GIB + 5 * MIB, 4, 1L << 40, ChecksumAlgorithm.AUTO),
            new MultipartUploader.Settings(3 * GIB, 4, 1L << 40, ChecksumAlgorithm.AUTO) };
        for (MultipartUploader.Settings s : settings) {
            String key = "size/" + s.partSize() + ".bin";
            MultipartUploader uploader = new MultipartUploader(client, Runnable::run, CheckpointStore.NONE, s,
                    UploadProgress.NONE);
            assertThatThrownBy(() -> uploader.upload(bucket, key, new UploadSource.StreamSource(
                    new ByteArrayInputStream(random(10 * MIB)), -1, "stream:" + key), ObjectWriteOptions.DEFAULTS))
                    .as("partSize %d", s.partSize()).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("partSize").hasMessageContaining("does not fit in the heap");
            assertAbsent(key);
        }
        assertThat(client.listMultipartUploads(bucket, "size/")).isEmpty();
    }

    @Test
    void announcedLengthAboveTwoGibIsNeverCutToAnInt() {
        Exchange ex = put("direct:threshold5g", "size/announced.bin", random(10), 4 * GIB + 10);
        assertThat(ex.getException()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("announced");
        assertAbsent("size/announced.bin");
        assertThat(client.listMultipartUploads(bucket, "size/")).isEmpty();
    }
}
