package io.github.s3lite.component;

import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

import io.github.s3lite.S3LiteConstants;
import io.github.s3lite.client.GetOptions;
import io.github.s3lite.client.S3AccessDeniedException;
import io.github.s3lite.client.S3TransientException;
import io.github.s3lite.test.EmbeddedS3;
import io.github.s3lite.test.FaultProxy;
import io.github.s3lite.test.FaultProxyExtension;
import io.github.s3lite.test.S3LiteTestSupport;
import org.apache.camel.Exchange;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The recommended redelivery setup: transient S3 failures are retried by Camel's redelivery policy with
 * exponential backoff and collision avoidance; permanent ones fail at once, with one attempt.
 */
class S3LiteRedeliveryTest extends S3LiteTestSupport {

    @RegisterExtension
    static final FaultProxyExtension PROXY = new FaultProxyExtension();

    @Override
    protected String s3Endpoint() {
        return PROXY.endpoint().toString();
    }

    @Override
    protected RouteBuilder createRouteBuilder() {
        return new RouteBuilder() {
            @Override
            public void configure() {
                // the setup the README recommends
                onException(S3TransientException.class)
                        .maximumRedeliveries(5)
                        .redeliveryDelay(300)
                        .useExponentialBackOff()
                        .backOffMultiplier(2)
                        .useCollisionAvoidance();
                from("direct:upload").to("s3lite:{{bucket}}");
                from("direct:badSecret").to("s3lite:{{bucket}}?accessKey=" + EmbeddedS3.ACCESS_KEY + "&secretKey=RAW(wrong)");
            }
        };
    }

    @Test
    void slowDownIsRetriedWithGrowingDelaysUntilItSucceeds() throws Exception {
        byte[] data = new byte[50_000];
        new Random(7).nextBytes(data);
        AtomicInteger puts = new AtomicInteger();
        PROXY.clear();
        PROXY.rule(s -> s.method().equals("PUT") && puts.incrementAndGet() <= 3
                ? new FaultProxy.Respond(503, "SlowDown") : FaultProxy.PASS);

        Exchange ex = template.request("direct:upload", e -> {
            e.getMessage().setBody(data);
            e.getMessage().setHeader(S3LiteConstants.KEY, "retried.bin");
        });
        assertThat(ex.getException()).isNull();
        assertThat(ex.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, Integer.class)).isEqualTo(3);
        try (var r = client.getObject(bucket, "retried.bin", GetOptions.NONE)) {
            assertThat(r.body().readAllBytes()).isEqualTo(data);
        }
        List<FaultProxy.Seen> attempts = PROXY.seen().stream().filter(s -> s.method().equals("PUT")).toList();
        assertThat(attempts).hasSize(4);
        long d1 = attempts.get(1).nanoTime() - attempts.get(0).nanoTime();
        long d2 = attempts.get(2).nanoTime() - attempts.get(1).nanoTime();
        long d3 = attempts.get(3).nanoTime() - attempts.get(2).nanoTime();
        // 300 ms, then ~600 ms, then ~1200 ms (collision avoidance adds +/-15 %)
        assertThat(d1 / 1_000_000).isBetween(250L, 2000L);
        assertThat(d2).isGreaterThan(d1);
        assertThat(d3).isGreaterThan(d2);
    }

    @Test
    void accessDeniedFailsAtOnceWithOneAttempt() {
        PROXY.clear();
        PROXY.rule(s -> FaultProxy.PASS);
        Exchange ex = template.request("direct:badSecret", e -> {
            e.getMessage().setBody("x");
            e.getMessage().setHeader(S3LiteConstants.KEY, "denied.txt");
        });
        assertThat(ex.getException()).isInstanceOf(S3AccessDeniedException.class);
        assertThat(ex.getException().getMessage()).doesNotContain("wrong").doesNotContain(EmbeddedS3.SECRET_KEY);
        assertThat(ex.getMessage().getHeader(Exchange.REDELIVERY_COUNTER, 0, Integer.class)).isZero();
        assertThat(PROXY.seen()).hasSize(1);
    }
}
