package io.vantaechonebula.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesStatisticTest {

    @Test
    void keepsTheMeanVarianceAndExtremesOfWhatItSaw() {
        SeriesStatistic statistic = new SeriesStatistic();
        double[] values = {2, 4, 4, 4, 5, 5, 7, 9};
        for (int i = 0; i < values.length; i++) {
            statistic.add(values[i], 1000L * i);
        }
        assertThat(statistic.count()).isEqualTo(8);
        assertThat(statistic.mean()).isEqualTo(5.0);
        // Sum of squared deviations is 32; the sample variance divides by n - 1.
        assertThat(statistic.variance()).isCloseTo(32.0 / 7, within(1e-12));
        assertThat(statistic.min()).isEqualTo(2);
        assertThat(statistic.max()).isEqualTo(9);
        assertThat(statistic.last()).isEqualTo(9);
        assertThat(statistic.lastAtMs()).isEqualTo(7000);
    }

    @Test
    void weightsTheNewestValueByATenthInTheMovingMean() {
        SeriesStatistic statistic = new SeriesStatistic();
        statistic.add(10, 0);
        statistic.add(20, 1);
        assertThat(statistic.ewma()).isCloseTo(11.0, within(1e-12));
    }

    @Test
    void scoresAValueOnlyOnceThereIsHistoryWithSpread() {
        SeriesStatistic statistic = new SeriesStatistic();
        for (int i = 0; i < 30; i++) {
            statistic.add(3, i);
        }
        assertThat(statistic.zScore(9, 20)).as("no spread yet").isEmpty();
        statistic.add(5, 31);
        assertThat(statistic.zScore(9, 100)).as("too little history").isEmpty();
        assertThat(statistic.zScore(statistic.mean() + 2 * statistic.stddev(), 20).getAsDouble()).isCloseTo(2.0, within(1e-9));
    }

    @Test
    void takenUpFromItsStateItGoesOnAsIfNeverStored() {
        SeriesStatistic kept = new SeriesStatistic();
        SeriesStatistic stored = new SeriesStatistic();
        for (int i = 0; i < 5; i++) {
            kept.add(i * i, i);
            stored.add(i * i, i);
        }
        SeriesStatistic restored = new SeriesStatistic(stored.state());
        kept.add(3, 10);
        restored.add(3, 10);
        assertThat(restored.state()).isEqualTo(kept.state());
        assertThat(new SeriesStatistic(SeriesStatistic.State.EMPTY).count()).isZero();
    }
}
