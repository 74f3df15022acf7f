package io.vantaechonebula.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long SECOND = 1_000_000_000L;
    private final RateLimiter limiter = new RateLimiter();

    @Test
    void aKeyTakesItsBurstThenOneAtTheRateAndSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(limiter.take("a", 1, 5, 0)).isZero();
        }
        assertThat(limiter.take("a", 1, 5, 0)).as("empty: wait a second").isEqualTo(1);
        assertThat(limiter.take("a", 0.1, 5, 0)).as("at one in ten seconds").isEqualTo(10);
        assertThat(limiter.take("a", 1, 5, SECOND)).as("one more after a second").isZero();
        assertThat(limiter.take("b", 1, 5, SECOND)).as("another key has its own bucket").isZero();
    }

    @Test
    void waitingDoesNotTakeAndABucketRefillsNoFurtherThanItsBurst() {
        limiter.take("a", 1, 2, 0);
        limiter.take("a", 1, 2, 0);
        assertThat(limiter.waitFor("a", 1, 2, 0)).isEqualTo(1);
        assertThat(limiter.waitFor("never", 1, 2, 0)).isZero();
        assertThat(limiter.take("a", 1, 2, 100 * SECOND)).isZero();
        assertThat(limiter.take("a", 1, 2, 100 * SECOND)).isZero();
        assertThat(limiter.take("a", 1, 2, 100 * SECOND)).as("no more than the burst saved up").isEqualTo(1);
    }

    @Test
    void freshKeysByTheHundredThousandKeepAtMostItsLimitOfBuckets() {
        for (int i = 0; i < 100_000; i++) {
            limiter.take("key-" + i, 1, 1, 0);
        }
        assertThat(limiter.size()).isEqualTo(RateLimiter.MAX_KEYS);
    }
}
