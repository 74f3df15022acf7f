package io.vantaechonebula.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class NormalTest {

    @Test
    void tailsMatchTheTables() {
        assertThat(Normal.twoSidedConfidence(0)).isCloseTo(0, within(1e-7));
        assertThat(Normal.twoSidedConfidence(1.959964)).isCloseTo(0.95, within(1e-6));
        assertThat(Normal.twoSidedConfidence(-1.959964)).isCloseTo(0.95, within(1e-6));
        assertThat(Normal.upperConfidence(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Normal.upperConfidence(1.644854)).isCloseTo(0.95, within(1e-6));
        assertThat(Normal.upperConfidence(-1.644854)).isCloseTo(0.05, within(1e-6));
        assertThat(Normal.upperConfidence(3.719016)).isCloseTo(0.9999, within(1e-7));
    }
}
