package io.vantaechonebula.telemetry.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void doublesUpToTheMaximumAndStartsAgainAfterASuccess() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10), () -> 0.999_999);
        long[] delays = new long[6];
        for (int i = 0; i < delays.length; i++) {
            delays[i] = backoff.nextDelayMillis();
        }
        assertThat(delays).containsExactly(999, 1_999, 3_999, 7_999, 9_999, 9_999);

        backoff.reset();
        assertThat(backoff.nextDelayMillis()).isEqualTo(999);
    }

    @Test
    void eachDelayIsDrawnFromTheUpperHalfOfItsRange() {
        Backoff low = new Backoff(Duration.ofSeconds(4), Duration.ofSeconds(60), () -> 0.0);
        assertThat(low.nextDelayMillis()).isEqualTo(2_000);
        assertThat(low.nextDelayMillis()).isEqualTo(4_000);
    }

    @Test
    void manyFailuresStayAtTheMaximum() {
        Backoff backoff = new Backoff(Duration.ofMillis(1), Duration.ofHours(1), () -> 0.999_999);
        for (int i = 0; i < 200; i++) {
            assertThat(backoff.nextDelayMillis()).isBetween(0L, Duration.ofHours(1).toMillis());
        }
        assertThat(backoff.nextDelayMillis()).isGreaterThan(Duration.ofMinutes(59).toMillis());
    }

    @Test
    void refusesAMaximumBelowTheFirstDelay() {
        assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(1), () -> 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("first <= max");
    }
}
