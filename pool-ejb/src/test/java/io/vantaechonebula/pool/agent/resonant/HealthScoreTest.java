package io.vantaechonebula.pool.agent.resonant;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.agent.resonant.HealthScore.Concern;
import io.vantaechonebula.pool.agent.resonant.HealthScore.Health;
import io.vantaechonebula.pool.agent.resonant.HealthScore.Reading;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.api.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class HealthScoreTest {

    @Test
    void aNodeWithinItsThresholdsAndNothingFoundIsFullyHealthy() {
        Health health = HealthScore.of(List.of(new Reading(ResourceRule.MEMORY, 0.4, Baseline.NONE),
                new Reading(ResourceRule.LATENCY, 30, Baseline.NONE)), List.of());
        assertThat(health.score()).isEqualTo(100);
        assertThat(health.status()).isEqualTo("healthy");
        assertThat(health.metrics()).noneMatch(HealthScore.MetricStatus::above);
        assertThat(health.recommendations()).isEmpty();
    }

    @Test
    void findingsCostByTheirSeverityAndBringTheirRecommendations() {
        Health health = HealthScore.of(List.of(new Reading(ResourceRule.LATENCY, 180, Baseline.NONE)), List.of(
                new Concern("high_latency", Severity.CRITICAL, "Pick peers under 50 ms for node a: b (12 ms)"),
                new Concern("unusual_cpu_usage", Severity.WARNING, null)));
        assertThat(health.score()).as("the latency metric is covered by its alert: counted once").isEqualTo(30);
        assertThat(health.status()).isEqualTo("unhealthy");
        assertThat(health.recommendations()).containsExactly("Pick peers under 50 ms for node a: b (12 ms)");
    }

    @Test
    void aMetricAboveItsThresholdWithoutAnAlertYetStillCostsAndGetsTheSeedAction() {
        Health health = HealthScore.of(List.of(new Reading(ResourceRule.MEMORY, 0.85, Baseline.NONE)), List.of());
        assertThat(health.score()).isEqualTo(80);
        assertThat(health.recommendations()).containsExactly("Clear old blocks and keep the newest 1,000");
        Health learnt = HealthScore.of(List.of(new Reading(ResourceRule.MEMORY, 0.55, new Baseline(100, 0.2, 0.01))), List.of());
        assertThat(learnt.metrics().get(0).thresholdLearnt()).isTrue();
        assertThat(learnt.metrics().get(0).above()).as("above its learnt 48%").isTrue();
    }

    @Test
    void aSilentNodeIsAtMostFortyWhateverElseItReported() {
        Health health = HealthScore.of(List.of(new Reading(ResourceRule.MEMORY, 0.3, Baseline.NONE)),
                List.of(new Concern("node_silent", Severity.WARNING, "Check that node a is running")));
        assertThat(health.score()).isEqualTo(40);
        assertThat(health.status()).isEqualTo("unhealthy");
    }
}
