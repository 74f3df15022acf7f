package io.vantaechonebula.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StreamingStatisticTest {

    @Test
    void whileWarmingUpItIsThePlainMeanAndPopulationVariance() {
        StreamingStatistic statistic = new StreamingStatistic(0.1);
        for (double value : new double[] {2, 4, 4, 4, 5, 5, 7, 9}) {
            statistic.add(value);
        }
        assertThat(statistic.count()).isEqualTo(8);
        assertThat(statistic.mean()).isCloseTo(5, within(1e-12));
        assertThat(statistic.standardDeviation()).isCloseTo(2, within(1e-12));
        assertThat(statistic.zScore(9, 0.5)).isCloseTo(2, within(1e-12));
        assertThat(statistic.zScore(9, 4)).isCloseTo(1, within(1e-12));
    }

    @Test
    void onceWarmItFollowsALevelThatMoves() {
        StreamingStatistic statistic = new StreamingStatistic(0.05);
        for (int i = 0; i < 500; i++) {
            statistic.add(10 + (i % 2));
        }
        assertThat(statistic.mean()).isCloseTo(10.5, within(0.05));
        for (int i = 0; i < 200; i++) {
            statistic.add(20 + (i % 2));
        }
        // 200 values at weight 0.05 leave (0.95)^200 ≈ 3.5e-5 of the old level.
        assertThat(statistic.mean()).isCloseTo(20.5, within(0.05));
    }

    @Test
    void itResumesFromItsState() {
        StreamingStatistic first = new StreamingStatistic(0.1);
        StreamingStatistic whole = new StreamingStatistic(0.1);
        for (int i = 0; i < 30; i++) {
            first.add(i);
            whole.add(i);
        }
        StreamingStatistic resumed = new StreamingStatistic(first.state());
        for (int i = 30; i < 60; i++) {
            resumed.add(i);
            whole.add(i);
        }
        assertThat(resumed.state()).isEqualTo(whole.state());
    }

    @Test
    void itRefusesWhatItCannotLearn() {
        StreamingStatistic statistic = new StreamingStatistic(0.1);
        assertThatThrownBy(() -> statistic.add(Double.NaN)).hasMessageContaining("finite");
        assertThatThrownBy(() -> new StreamingStatistic(0)).hasMessageContaining("alpha");
        assertThat(statistic.count()).isZero();
    }
}
