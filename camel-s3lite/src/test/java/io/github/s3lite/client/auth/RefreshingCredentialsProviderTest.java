package io.github.s3lite.client.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RefreshingCredentialsProviderTest {

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T12:00:00Z"));

        void advance(Duration d) {
            now.updateAndGet(i -> i.plus(d));
        }

        @Override
        public Instant instant() {
            return now.get();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    final MutableClock clock = new MutableClock();
    final AtomicInteger loads = new AtomicInteger();

    ExpiringCredentials issue(Duration life) {
        int n = loads.incrementAndGet();
        return new ExpiringCredentials(new Credentials("ASIA" + n, "secret-" + n, "token-" + n), clock.instant().plus(life));
    }

    @Test
    void ninetySecondCredentialsAreRefreshedOnceHalfWayAndNeverUsedExpired() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider("test", () -> issue(Duration.ofSeconds(90)),
                clock, Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertThat(p.credentials().accessKeyId()).isEqualTo("ASIA1");
        clock.advance(Duration.ofSeconds(40));
        for (int i = 0; i < 100; i++) {
            assertThat(p.credentials().accessKeyId()).isEqualTo("ASIA1"); // no call before the prefetch point (45 s)
        }
        assertThat(loads).hasValue(1);
        clock.advance(Duration.ofSeconds(10)); // 50 s: prefetch window
        assertThat(p.credentials().accessKeyId()).isEqualTo("ASIA2");
        assertThat(loads).hasValue(2);
        // several expiries in a row, as a long upload sees them
        for (int i = 0; i < 10; i++) {
            clock.advance(Duration.ofSeconds(50));
            Credentials c = p.credentials();
            assertThat(p.expiration()).isAfter(clock.instant());
            assertThat(c.sessionToken()).isEqualTo("token-" + loads.get());
        }
    }

    @Test
    void aFailedRefreshKeepsValidCredentialsAndNeverReturnsExpiredOnes() {
        AtomicInteger calls = new AtomicInteger();
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider("STS test", () -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("STS down");
            }
            return issue(Duration.ofMinutes(60));
        }, clock, Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertThat(p.credentials().accessKeyId()).isEqualTo("ASIA1");
        clock.advance(Duration.ofMinutes(56)); // prefetch window: refresh fails, current ones still used
        assertThat(p.credentials().accessKeyId()).isEqualTo("ASIA1");
        clock.advance(Duration.ofSeconds(3 * 60 + 30)); // 30 s before expiry: blocking refresh fails, still valid
        assertThat(p.credentials().accessKeyId()).isEqualTo("ASIA1");
        clock.advance(Duration.ofSeconds(30)); // expired
        assertThatThrownBy(p::credentials).hasMessageContaining("STS down");
    }

    @Test
    void credentialsExpiredOnArrivalAreRefused() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider("skewed", () -> issue(Duration.ofSeconds(-5)),
                clock, Duration.ofMinutes(5), Duration.ofMinutes(1));
        assertThatThrownBy(p::credentials).hasMessageContaining("already expired").hasMessageContaining("clock");
    }

    @Test
    void oneRefreshAtATimeUnderConcurrentCallers() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger maxInFlight = new AtomicInteger();
        CountDownLatch slow = new CountDownLatch(1);
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider("slow", () -> {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                slow.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return issue(Duration.ofHours(1));
        }, clock, Duration.ofMinutes(5), Duration.ofMinutes(1));
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Credentials>> all = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                all.add(pool.submit(p::credentials));
            }
            Thread.sleep(200);
            slow.countDown();
            for (Future<Credentials> f : all) {
                assertThat(f.get(10, TimeUnit.SECONDS).accessKeyId()).isEqualTo("ASIA1");
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(loads).hasValue(1);
        assertThat(maxInFlight).hasValue(1);
    }

    @Test
    void toStringShowsNoSecret() {
        RefreshingCredentialsProvider p = new RefreshingCredentialsProvider("x", () -> issue(Duration.ofHours(1)), clock,
                Duration.ofMinutes(5), Duration.ofMinutes(1));
        p.credentials();
        assertThat(p.toString()).doesNotContain("secret-1").doesNotContain("token-1");
        assertThat(new ExpiringCredentials(p.credentials(), null).toString()).doesNotContain("secret-1")
                .doesNotContain("token-1");
    }
}
