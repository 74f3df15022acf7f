package io.vantaechonebula.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SeenRangeTest {

    @Test
    void aValueIsBeyondOnlyPastTheToleranceOfTheWidth() {
        SeenRange range = new SeenRange();
        range.add(10);
        range.add(20);
        // width 10, tolerance 0.1: beyond under 9 or over 21
        assertThat(range.beyond(21, 0.1)).isFalse();
        assertThat(range.beyond(21.01, 0.1)).isTrue();
        assertThat(range.beyond(9, 0.1)).isFalse();
        assertThat(range.beyond(8.99, 0.1)).isTrue();
        assertThat(range.beyond(15, 0)).isFalse();
    }

    @Test
    void anEmptyOrSinglePointRangeHasNothingBeyondIt() {
        SeenRange range = new SeenRange();
        assertThat(range.beyond(1e9, 0)).isFalse();
        range.add(5);
        assertThat(range.beyond(-1e9, 0)).isFalse();
        assertThat(range.lowest()).isEqualTo(5);
        assertThat(range.highest()).isEqualTo(5);
    }

    @Test
    void aRangeTakenUpFromItsStateGoesOnAsBefore() {
        SeenRange range = new SeenRange();
        range.add(3);
        range.add(-4);
        SeenRange again = new SeenRange(range.state());
        assertThat(again.state()).isEqualTo(new SeenRange.State(-4, 3));
        assertThat(again.beyond(3.5, 0.05)).isTrue();
        assertThatThrownBy(() -> again.add(Double.NaN)).hasMessageContaining("finite");
        assertThat(again.state()).isEqualTo(new SeenRange.State(-4, 3));
    }
}
