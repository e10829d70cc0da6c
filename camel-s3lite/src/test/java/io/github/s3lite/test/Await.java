package io.github.s3lite.test;

import java.time.Duration;

/**
 * The one way tests wait for something that happens on another thread, JVM or server: poll a condition until it
 * holds, and fail with what was awaited when it does not within the timeout. Timeouts are generous on purpose:
 * they must hold on a loaded 2-core machine, and a passing test returns as soon as the condition holds, so a long
 * timeout only costs time when the test fails. (Speed is measured in examples/benchmark, never asserted here.)
 */
public final class Await {

    /** The default timeout: a minute, far above what any wait takes on a quiet machine. */
    public static final Duration DEFAULT = Duration.ofSeconds(60);

    private static final long POLL_MILLIS = 20;

    private Await() {
    }

    /** A condition that may throw (a request to the store, a file read): an exception counts as "not yet". */
    @FunctionalInterface
    public interface Condition {
        boolean holds() throws Exception;
    }

    /** Waits up to {@link #DEFAULT} until {@code condition} holds. */
    public static void until(String what, Condition condition) throws InterruptedException {
        until(what, DEFAULT, condition);
    }

    /**
     * Waits until {@code condition} holds; after {@code timeout} throws an {@link AssertionError} naming
     * {@code what}, caused by the last exception the condition threw, if any.
     */
    public static void until(String what, Duration timeout, Condition condition) throws InterruptedException {
        Exception last = poll(timeout, condition);
        if (last != null) {
            AssertionError error = new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            if (last != NOT_YET) {
                error.initCause(last);
            }
            throw error;
        }
    }

    /**
     * Like {@link #until(String, Duration, Condition)}, but also returns (without failing) as soon as
     * {@code giveUp} holds, such as "the child process exited"; returns whether {@code condition} held.
     */
    public static boolean untilOrGiveUp(String what, Duration timeout, Condition condition, Condition giveUp)
            throws InterruptedException {
        boolean[] held = {false};
        until(what, timeout, () -> {
            if (condition.holds()) {
                held[0] = true;
                return true;
            }
            return giveUp.holds();
        });
        return held[0];
    }

    /**
     * For a check that something does <em>not</em> happen: waits up to {@code timeout} for {@code condition} and
     * returns whether it held (never fails by itself; the caller asserts on the answer).
     */
    public static boolean holdsWithin(Duration timeout, Condition condition) throws InterruptedException {
        return poll(timeout, condition) == null;
    }

    private static final Exception NOT_YET = new Exception("not yet");

    /** Null when the condition held in time; else the last exception it threw, or {@link #NOT_YET}. */
    private static Exception poll(Duration timeout, Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Exception last = NOT_YET;
            try {
                if (condition.holds()) {
                    return null;
                }
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                last = e;
            }
            if (System.nanoTime() - deadline > 0) {
                return last;
            }
            Thread.sleep(POLL_MILLIS);
        }
    }
}
