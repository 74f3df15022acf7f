package io.vantaechonebula.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TailFrequencyTest {

    @Test
    void countsTheValuesInTheBinOfAValueAndAbove() {
        TailFrequency frequency = new TailFrequency(10, 1_000_000);
        for (double value : new double[] {0.05, 0.15, 0.15, 0.55, 0.95}) {
            frequency.add(value);
        }
        // One value counted as if seen in the asked bin: (tail + 1) / (total + 1).
        assertThat(frequency.shareAtLeast(0.0)).isCloseTo(6.0 / 6, within(1e-5));
        assertThat(frequency.shareAtLeast(0.1)).isCloseTo(5.0 / 6, within(1e-5));
        assertThat(frequency.shareAtLeast(0.5)).isCloseTo(3.0 / 6, within(1e-5));
        assertThat(frequency.shareAtLeast(0.99)).isCloseTo(2.0 / 6, within(1e-5));
        assertThat(frequency.shareAtLeast(1.0)).as("1 falls in the top bin").isCloseTo(2.0 / 6, within(1e-5));
    }

    @Test
    void forgetsWhatCameLongAgo() {
        TailFrequency frequency = new TailFrequency(10, 100);
        frequency.add(0.95);
        for (int i = 0; i < 1_000; i++) {
            frequency.add(0.05);
        }
        // The old high value weighs (1 - 1/100)^1000, about 4e-5, against a total of about 100.
        assertThat(frequency.shareAtLeast(0.9)).isCloseTo(1.0 / 101, within(1e-4));
    }

    @Test
    void aHistogramTakenUpFromItsStateGoesOnAsIfItHadNeverStopped() {
        TailFrequency first = new TailFrequency(10, 50);
        TailFrequency second = new TailFrequency(10, 50);
        for (int i = 0; i < 200; i++) {
            first.add((i % 7) / 7.0);
            second.add((i % 7) / 7.0);
        }
        TailFrequency takenUp = new TailFrequency(first.state());
        takenUp.add(0.9);
        second.add(0.9);
        assertThat(takenUp.state()).isEqualTo(second.state());
        assertThat(takenUp.shareAtLeast(0.8)).isEqualTo(second.shareAtLeast(0.8));
    }

    @Test
    void refusesANonsenseState() {
        assertThatThrownBy(() -> new TailFrequency(new TailFrequency.State(0, 0, new double[3])))
                .hasMessageContaining("horizon");
    }
}
