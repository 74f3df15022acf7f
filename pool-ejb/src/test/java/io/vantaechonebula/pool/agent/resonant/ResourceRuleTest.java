package io.vantaechonebula.pool.agent.resonant;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.api.Severity;
import org.junit.jupiter.api.Test;

class ResourceRuleTest {

    @Test
    void theSeedThresholdsHoldUntilANodeHasABaseline() {
        assertThat(ResourceRule.MEMORY.broken(0.81, Baseline.NONE)).isTrue();
        assertThat(ResourceRule.MEMORY.broken(0.80, Baseline.NONE)).isFalse();
        assertThat(ResourceRule.LATENCY.broken(101, new Baseline(29, 10, 1))).as("29 values are not a baseline yet").isTrue();
        assertThat(ResourceRule.LATENCY.broken(99, new Baseline(29, 10, 1))).isFalse();
        assertThat(ResourceRule.STORAGE.broken(0.91, Baseline.NONE)).isTrue();
    }

    @Test
    void aBaselineBringsTheThresholdDownToFourSpreadsAboveTheUsualButNotBelowSixtyPercentOfTheSeed() {
        assertThat(ResourceRule.LATENCY.thresholdFor(new Baseline(100, 50, 5)).value()).isEqualTo(70);
        assertThat(ResourceRule.LATENCY.thresholdFor(new Baseline(100, 20, 1)).value()).isEqualTo(60);
        assertThat(ResourceRule.LATENCY.thresholdFor(new Baseline(100, 20, 1)).learnt()).isTrue();
    }

    @Test
    void aBaselineNeverRaisesTheThresholdAboveTheSeed() {
        ResourceRule.Threshold threshold = ResourceRule.MEMORY.thresholdFor(new Baseline(1000, 0.75, 0.05));
        assertThat(threshold.value()).isEqualTo(0.80);
        assertThat(threshold.learnt()).isFalse();
        assertThat(ResourceRule.MEMORY.broken(0.85, new Baseline(1000, 0.75, 0.05))).isTrue();
    }

    @Test
    void anAlertIsCriticalOnceTheValueIsHalfwayFromTheSeedToTheCeiling() {
        assertThat(ResourceRule.MEMORY.alert("resonant", "a", 0.85, Baseline.NONE, 1).severity()).isEqualTo(Severity.WARNING);
        assertThat(ResourceRule.MEMORY.alert("resonant", "a", 0.95, Baseline.NONE, 1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ResourceRule.LATENCY.alert("network-monitor", "a", 160, Baseline.NONE, 1).severity()).isEqualTo(Severity.CRITICAL);
        assertThat(ResourceRule.LATENCY.alert("network-monitor", "a", 140, Baseline.NONE, 1).summary())
                .isEqualTo("Node a has average latency at 140 ms, above the threshold 100 ms");
    }

    @Test
    void storageKeepsItsSeedWhateverTheNodesHistory() {
        Baseline slowlyFilling = new Baseline(1000, 0.40, 0.01);
        assertThat(ResourceRule.STORAGE.thresholdFor(slowlyFilling)).isEqualTo(new ResourceRule.Threshold(0.90, false));
        assertThat(ResourceRule.STORAGE.broken(0.60, slowlyFilling)).isFalse();
        assertThat(ResourceRule.STORAGE.alert("resonant", "a", 0.97, slowlyFilling, 1).summary())
                .isEqualTo("Node a has storage usage at 97% (its usual: 40%), above the threshold 90%");
    }
}
