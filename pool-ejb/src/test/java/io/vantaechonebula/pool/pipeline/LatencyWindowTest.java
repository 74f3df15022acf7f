package io.vantaechonebula.pool.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatencyWindowTest {

    @Test
    void givesNearestRankPercentilesOfTheLastMinute() {
        LatencyWindow window = new LatencyWindow();
        window.record(5_000, 0);
        for (int i = 1; i <= 100; i++) {
            window.record(i, 70_000);
        }
        // The 5 s value is older than a minute at 70 s and no longer counts.
        assertThat(window.percentile(50, 70_000)).isEqualTo(50);
        assertThat(window.percentile(99, 70_000)).isEqualTo(99);
        assertThat(window.percentile(100, 70_000)).isEqualTo(100);
    }

    @Test
    void hasNoPercentileWithoutValuesAndCountsAClockAheadAsZero() {
        LatencyWindow window = new LatencyWindow();
        assertThat(window.percentile(50, 1_000)).isEqualTo(-1);
        window.record(-40, 1_000);
        assertThat(window.percentile(50, 1_000)).isZero();
    }
}
