package io.vantaechonebula.pool.agent.synthesizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.agent.resonant.ResourceRule;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.Findings;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.MemoryWatchContext;
import jakarta.json.JsonValue;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntelligenceSynthesizerTest {

    private static final long NOW = 1_800_000_000_000L;
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
        context.activeInsights.add(Findings.of(new FindingReport(FindingType.INSIGHT, "intelligence-synthesizer",
                IntelligenceSynthesizer.NODE_IN_TROUBLE, Severity.CRITICAL, "b", null, "b in trouble", JsonValue.EMPTY_JSON_OBJECT,
                null, NOW - 60_000)));
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
        assertThat(context.resolved).as("b's alerts are gone: so is its trouble").contains("insight node_in_trouble:b")
                .doesNotContain("insight node_in_trouble:a");
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
