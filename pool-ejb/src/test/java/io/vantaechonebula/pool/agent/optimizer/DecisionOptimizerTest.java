package io.vantaechonebula.pool.agent.optimizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.agent.resonant.ResourceRule;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.Findings;
import io.vantaechonebula.pool.stage.MemoryWatchContext;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecisionOptimizerTest {

    private static final long NOW = 1_800_000_000_000L;
    @Test
    void theDecisionOptimizerNamesTheFastestRecentPeersForANodeWithHighLatency() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.node("slow", NOW);
        context.node("fast", NOW - 1_000);
        context.node("faster", NOW - 1_000);
        context.node("gone", NOW - 10 * 60_000L);
        context.node("far", NOW);
        context.series(Agent.NETWORK_MONITOR, "node:slow", "average_latency", 40);
        context.series(Agent.NETWORK_MONITOR, "node:fast", "average_latency", 30);
        context.series(Agent.NETWORK_MONITOR, "node:faster", "average_latency", 12);
        context.series(Agent.NETWORK_MONITOR, "node:gone", "average_latency", 5);
        context.series(Agent.NETWORK_MONITOR, "node:far", "average_latency", 80);
        Finding latency = Findings.of(ResourceRule.LATENCY.alert("network-monitor", "slow", 180, Baseline.NONE, NOW));
        Finding memory = Findings.of(ResourceRule.MEMORY.alert("resonant", "fast", 0.9, Baseline.NONE, NOW));
        context.withoutRecommendation.add(latency);
        context.withoutRecommendation.add(memory);

        assertThat(new DecisionOptimizer().run(context)).isEqualTo(2);

        assertThat(latency.recommendation()).contains("Pick peers under 50 ms for node slow: faster (12 ms), fast (30 ms)");
        assertThat(memory.recommendation()).contains("Clear old blocks and keep the newest 1,000 on node fast");
        assertThat(new DecisionOptimizer().run(context)).as("a recommendation is given once").isZero();
    }

    @Test
    void withNoFastPeerTheDecisionOptimizerPointsAtTheNodesOwnLink() {
        String text = Recommendations.forFinding("high_latency", "slow", null, JsonValue.EMPTY_JSON_OBJECT, List.of());
        assertThat(text).isEqualTo("Pick peers under 50 ms; no node reporting to the pool is under 50 ms now, so check"
                + " node slow's own network link first");
    }
}
