package io.vantaechonebula.pool.agents;

import io.vantaechonebula.pool.agents.ResourceRule.Baseline;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.FindingReport;
import io.vantaechonebula.pool.findings.Findings;
import io.vantaechonebula.pool.processing.NetworkMonitor;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class WatchesTest {

    private static final long NOW = 1_800_000_000_000L;

    @Test
    void aNodeIsSilentAfterThreeOfItsUsualGapsAndNotBefore() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.node("steady", NOW - 14_000);
        context.node("quiet", NOW - 31_000);
        context.node("retired", NOW - 25 * 3_600_000L);
        context.series(Agent.NETWORK_MONITOR, "node:steady", NetworkMonitor.ARRIVAL_GAP, 5_000, 5_000, 5_000, 5_000);
        context.series(Agent.NETWORK_MONITOR, "node:quiet", NetworkMonitor.ARRIVAL_GAP, 10_000, 10_000, 10_000);

        int looked = new SilenceWatch().run(context);

        assertThat(looked).as("the retired node is left out").isEqualTo(2);
        assertThat(context.reports).extracting(FindingReport::nodeId).containsExactly("quiet");
        assertThat(context.resolved).as("a node heard from ends its silence").containsExactly("node_silent:steady");
        FindingReport silent = context.reports.get(0);
        assertThat(silent.kind()).isEqualTo("node_silent");
        assertThat(silent.evidence().getJsonNumber("usual_gap_ms").longValue()).isEqualTo(10_000);
        assertThat(silent.evidence().getJsonNumber("silent_after_ms").longValue()).isEqualTo(30_000);
        assertThat(silent.summary()).isEqualTo("Nothing has arrived from node quiet for 31 s (it usually sends every 10 s)");
    }

    @Test
    void aNodeWhoseGapIsNotLearntYetIsGivenThirtySecondsBetweenPayloads() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.node("new", NOW - 89_000);
        context.series(Agent.NETWORK_MONITOR, "node:new", NetworkMonitor.ARRIVAL_GAP, 1_000, 1_000);
        new SilenceWatch().run(context);
        assertThat(context.reports).isEmpty();

        context.nowMs = NOW + 2_000;
        new SilenceWatch().run(context);
        assertThat(context.reports).singleElement().satisfies(r -> {
            assertThat(r.evidence().getBoolean("usual_gap_learnt")).isFalse();
            assertThat(r.severity()).isEqualTo(Severity.WARNING);
        });
    }

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

    @Test
    void halfTheNodesSilentAtOnceIsAPartitionAndItEndsWhenTheyAreBack() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        for (String node : List.of("a", "b", "c", "d")) {
            context.node(node, NOW - 60_000);
        }
        context.node("retired", NOW - 2 * IntelligenceSynthesizer.RECENT_NODE_MS);
        context.activeAlerts.add(silent("a"));
        new IntelligenceSynthesizer().run(context);
        assertThat(context.reports).as("one silent node is that node's business").isEmpty();

        context.activeAlerts.add(silent("b"));
        new IntelligenceSynthesizer().run(context);

        FindingReport partition = context.reports.get(0);
        assertThat(partition.type()).isEqualTo(FindingType.INSIGHT);
        assertThat(partition.kind()).isEqualTo("partition");
        assertThat(partition.severity()).isEqualTo(Severity.CRITICAL);
        assertThat(partition.nodeId()).isNull();
        assertThat(partition.summary()).isEqualTo("The pool has lost 2 of its 4 nodes at once: a network partition or an"
                + " outage between them and the pool");
        assertThat(partition.evidence().getJsonArray("nodes").getValuesAs(jakarta.json.JsonString.class))
                .extracting(jakarta.json.JsonString::getString).containsExactly("a", "b");

        context.activeAlerts.clear();
        context.reports.clear();
        new IntelligenceSynthesizer().run(context);
        assertThat(context.reports).isEmpty();
        assertThat(context.resolved).contains("insight partition:null");
    }

    @Test
    void aNodeWithThreeKindsOfAlertAtOnceIsInTroubleAsAWhole() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.node("a", NOW);
        context.node("b", NOW);
        context.activeAlerts.add(Findings.of(ResourceRule.MEMORY.alert("resonant", "a", 0.9, Baseline.NONE, NOW)));
        context.activeAlerts.add(Findings.of(ResourceRule.LATENCY.alert("network-monitor", "a", 150, Baseline.NONE, NOW)));
        new IntelligenceSynthesizer().run(context);
        assertThat(context.reports).isEmpty();

        context.activeAlerts.add(Findings.of(FindingReport.alert("pattern-recognizer", "unusual_cpu_usage", Severity.WARNING,
                "a", "testnet", "cpu", JsonValue.EMPTY_JSON_OBJECT, NOW)));
        new IntelligenceSynthesizer().run(context);

        assertThat(context.reports).singleElement().satisfies(insight -> {
            assertThat(insight.kind()).isEqualTo("node_in_trouble");
            assertThat(insight.nodeId()).isEqualTo("a");
            assertThat(insight.summary()).contains("high_latency, high_memory, unusual_cpu_usage");
        });
        assertThat(context.resolved).contains("insight node_in_trouble:b");
    }

    @Test
    void aDominantMinerWhileTheHashRateCollapsesIsAMajorityAttackRiskOnThatChainOnly() {
        MemoryWatchContext context = new MemoryWatchContext(NOW);
        context.activeAlerts.add(chainAlert("analyst", "dominant_miner", "testnet"));
        context.activeAlerts.add(chainAlert("archivist", "slow_blocks", "mainnet"));
        new IntelligenceSynthesizer().run(context);
        assertThat(context.reports).isEmpty();
        assertThat(context.resolved).contains("insight majority_attack_risk:null@testnet", "insight majority_attack_risk:null@mainnet");

        context.activeAlerts.add(chainAlert("analyst", "hash_rate_collapse", "testnet"));
        new IntelligenceSynthesizer().run(context);

        assertThat(context.reports).singleElement().satisfies(insight -> {
            assertThat(insight.kind()).isEqualTo("majority_attack_risk");
            assertThat(insight.chainId()).isEqualTo("testnet");
            assertThat(insight.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(insight.summary()).isEqualTo("On testnet one miner dominates while hash rate collapse: a majority-attack risk");
        });
    }

    private static Finding chainAlert(String agent, String kind, String chain) {
        return Findings.of(FindingReport.alert(agent, kind, Severity.WARNING, null, chain, kind, JsonValue.EMPTY_JSON_OBJECT, NOW));
    }

    private static Finding silent(String node) {
        return Findings.of(FindingReport.alert("network-monitor", "node_silent", Severity.WARNING, node, null, "silent",
                JsonValue.EMPTY_JSON_OBJECT, NOW));
    }
}
