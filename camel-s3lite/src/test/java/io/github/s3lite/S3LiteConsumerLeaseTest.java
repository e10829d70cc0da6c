package io.github.s3lite;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.s3lite.client.ChecksumAlgorithm;
import io.github.s3lite.client.ObjectWriteOptions;
import io.github.s3lite.client.PutResult;
import io.github.s3lite.client.RequestBody;
import io.github.s3lite.client.S3Client;
import io.github.s3lite.test.EmbeddedS3;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.processor.idempotent.MemoryIdempotentRepository;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** claimTimeout: a claim left by a dead node expires; without it a claim is the done mark and never expires. */
class S3LiteConsumerLeaseTest {

    private final EmbeddedS3 s3 = EmbeddedS3.get();

    private List<String> consume(String bucket, MemoryIdempotentRepository repo, String options, long waitMillis)
            throws Exception {
        List<String> delivered = new CopyOnWriteArrayList<>();
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            S3LiteComponent component = new S3LiteComponent();
            component.getConfiguration().setEndpoint(s3.endpoint().toString());
            component.getConfiguration().setPathStyleAccess(true);
            component.getConfiguration().setAccessKey(EmbeddedS3.ACCESS_KEY);
            component.getConfiguration().setSecretKey(EmbeddedS3.SECRET_KEY);
            context.addComponent("s3lite", component);
            context.getRegistry().bind("repo", repo);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("s3lite:" + bucket + "?idempotentRepository=#repo&includeBody=false&delay=100" + options)
                            .process(e -> delivered.add(e.getMessage().getHeader(S3LiteConstants.KEY, String.class)));
                }
            });
            context.start();
            long deadline = System.currentTimeMillis() + waitMillis;
            while (delivered.isEmpty() && System.currentTimeMillis() < deadline) {
                Thread.sleep(50);
            }
            Thread.sleep(300);
        }
        return delivered;
    }

    @Test
    void aDeadNodesLeaseExpiresAndTheObjectIsDeliveredOnce() throws Exception {
        String bucket = s3.newBucket("lease");
        PutResult put;
        try (S3Client c = s3.newClient()) {
            put = c.putObject(bucket, "orphan.txt", RequestBody.of("x".getBytes()), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        }
        MemoryIdempotentRepository repo = (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository();
        repo.start();
        String done = S3LiteConsumer.idempotentKey(bucket, "orphan.txt", put.eTag());
        // a node claimed the object in the current window and died
        repo.add(io.github.s3lite.consumer.LeaseClaims.leaseKey(done, System.currentTimeMillis() / 1000));

        long start = System.currentTimeMillis();
        List<String> delivered = consume(bucket, repo, "&claimTimeout=1s", 10_000);
        long waited = System.currentTimeMillis() - start;
        assertThat(delivered).containsExactly("orphan.txt");
        assertThat(waited).as("not before the lease expired").isGreaterThanOrEqualTo(900);
        assertThat(repo.contains(done)).as("done mark written on success").isTrue();

        // done: a second consumer with the same repository delivers nothing
        assertThat(consume(bucket, repo, "&claimTimeout=1s", 2_500)).isEmpty();
    }

    @Test
    void withoutClaimTimeoutAClaimNeverExpires() throws Exception {
        String bucket = s3.newBucket("nolease");
        PutResult put;
        try (S3Client c = s3.newClient()) {
            put = c.putObject(bucket, "claimed.txt", RequestBody.of("x".getBytes()), ObjectWriteOptions.DEFAULTS, ChecksumAlgorithm.MD5);
        }
        MemoryIdempotentRepository repo = (MemoryIdempotentRepository) MemoryIdempotentRepository.memoryIdempotentRepository();
        repo.start();
        repo.add(S3LiteConsumer.idempotentKey(bucket, "claimed.txt", put.eTag()));
        assertThat(consume(bucket, repo, "", 2_500)).isEmpty();
    }
}
