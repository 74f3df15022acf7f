package io.vantaechonebula.pool.agent.networkmonitor;

import static io.vantaechonebula.pool.stage.Samples.network;
import static io.vantaechonebula.pool.stage.Samples.sample;
import static io.vantaechonebula.pool.stage.Samples.stored;
import static io.vantaechonebula.pool.stage.Samples.verified;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.MemoryStatistics;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkMonitorTest {

    @Test
    void networkMonitorNamesTheNodeBehindAndTheOneThatCannotReachThePool() {
        MemoryStatistics statistics = new MemoryStatistics();
        JsonObject result = new NetworkMonitor().process(stored(List.of(
                sample("a", "testnet", 0, 100, 10, 0.2),
                sample("b", "testnet", 0, 80, 10, 0.2),
                sample("c", "testnet", 0, 99, 10, 0.2, 0.25))), statistics).json();

        assertThat(result.getJsonArray("findings").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("node_id") + ":" + f.getString("kind"))
                .containsExactly("b:behind", "c:poor_connection");
        assertThat(statistics.series("chain:testnet", "height_spread").last()).isEqualTo(20);
        assertThat(statistics.reports()).extracting(r -> r.nodeId() + ":" + r.kind() + ":" + r.chainId())
                .containsExactlyInAnyOrder("b:behind:testnet", "c:poor_connection:null");
        assertThat(statistics.reports("behind").get(0).evidence().getInt("blocks_behind")).isEqualTo(20);
    }

    @Test
    void anUnverifiedSenderClaimingAHugeHeightMakesNoSignedNodeBehindAndTheEvidenceSaysWhoIsUnverified() {
        MemoryStatistics statistics = new MemoryStatistics();
        new NetworkMonitor().process(stored(List.of(
                verified(sample("a", "testnet", 0, 100, 10, 0.2)),
                verified(sample("b", "testnet", 0, 99, 10, 0.2)),
                sample("liar", "testnet", 0, 1_000_000_000_000L, 10, 0.2),
                sample("slow", "testnet", 0, 50, 10, 0.2))), statistics);

        assertThat(statistics.reports("behind")).extracting(FindingReport::nodeId).containsExactly("slow");
        FindingReport slow = statistics.reports("behind").get(0);
        assertThat(slow.evidence().getInt("highest")).as("the highest signed height").isEqualTo(100);
        assertThat(slow.evidence().getBoolean("sample_verified")).isFalse();
    }

    @Test
    void withoutSignedNodesTheHighestOfAllIsTheTip() {
        assertThat(NetworkMonitor.tip(List.of(sample("a", "testnet", 0, 100, 10, 0.2), sample("b", "testnet", 0, 120, 10, 0.2))))
                .isEqualTo(120);
    }

    @Test
    void networkMonitorAlertsOnLatencyAboveTheSeedRuleWithTheNodesUsualLatencyAsEvidence() {
        MemoryStatistics statistics = new MemoryStatistics();
        List<SampleView> steady = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            steady.add(network("a", i, 8, 40, 1_000L * i));
        }
        new NetworkMonitor().process(stored(steady), statistics);
        assertThat(statistics.reports()).as("40 ms is fine").isEmpty();

        new NetworkMonitor().process(stored(List.of(network("a", 10, 8, 180, 10_000), network("a", 11, 8, 100, 11_000))), statistics);

        assertThat(statistics.reports()).as("only above 100 ms").hasSize(1);
        FindingReport alert = statistics.reports("high_latency").get(0);
        assertThat(alert.nodeId()).isEqualTo("a");
        assertThat(alert.severity()).as("180 ms is halfway to twice the seed").isEqualTo(Severity.CRITICAL);
        assertThat(alert.evidence().getJsonNumber("value").doubleValue()).isEqualTo(180);
        assertThat(alert.evidence().getJsonNumber("threshold").doubleValue()).isEqualTo(100);
        assertThat(alert.evidence().getJsonNumber("usual").doubleValue()).isEqualTo(40);
        assertThat(alert.evidence().getInt("peer_count")).isEqualTo(8);
        assertThat(alert.summary()).contains("180 ms").contains("usual: 40 ms");
    }

    @Test
    void networkMonitorAlertsWhenANodeLosesAllItsPeersAndLearnsHowOftenItsPayloadsArrive() {
        MemoryStatistics statistics = new MemoryStatistics();
        new NetworkMonitor().process(stored(List.of(network("a", 0, 5, 40, 1_000), network("a", 1, 3, 40, 3_000))), statistics);
        // The same payload's second sample must not count as an arrival of its own.
        new NetworkMonitor().process(stored(List.of(network("a", 2, 0, 40, 5_000), network("a", 3, 0, 40, 5_000))), statistics);

        assertThat(statistics.reports("isolated")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.evidence().getJsonNumber("most_peers_seen").longValue()).isEqualTo(5));
        SeriesStatistic gaps = statistics.series("node:a", NetworkMonitor.ARRIVAL_GAP);
        assertThat(gaps.count()).isEqualTo(2);
        assertThat(gaps.mean()).isEqualTo(2_000);
    }
}
