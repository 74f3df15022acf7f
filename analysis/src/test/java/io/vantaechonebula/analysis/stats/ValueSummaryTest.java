package io.vantaechonebula.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ValueSummaryTest {

    @Test
    void keepsCountSumExtremesAndTheNewestValueByTime() {
        ValueSummary summary = new ValueSummary();
        summary.add(5, 2_000);
        summary.add(-1, 1_000);
        summary.add(9, 3_000);
        assertThat(summary.state()).isEqualTo(new ValueSummary.State(3, 13, -1, 9, 9, 3_000));
        assertThat(summary.mean()).isEqualTo(13.0 / 3);
        summary.add(4, 500);
        assertThat(summary.last()).as("an older value is not the newest").isEqualTo(9);
    }

    @Test
    void mergingTwoPartsIsAddingTheirValuesOneByOne() {
        double[] values = {3, 8, -2, 7, 7, 1};
        ValueSummary whole = new ValueSummary();
        ValueSummary first = new ValueSummary();
        ValueSummary second = new ValueSummary();
        for (int i = 0; i < values.length; i++) {
            whole.add(values[i], 1_000L * i);
            (i < 3 ? first : second).add(values[i], 1_000L * i);
        }
        first.merge(second);
        assertThat(first.state()).isEqualTo(whole.state());
        ValueSummary empty = new ValueSummary();
        empty.merge(whole);
        assertThat(empty.state()).isEqualTo(whole.state());
    }

    @Test
    void anEmptySummaryHasNoMeanAndMergingNothingChangesNothing() {
        ValueSummary summary = new ValueSummary();
        assertThat(summary.mean()).isZero();
        summary.add(2, 10);
        summary.merge(new ValueSummary());
        assertThat(summary.state()).isEqualTo(new ValueSummary.State(1, 2, 2, 2, 2, 10));
    }
}
