package io.vantaechonebula.pool.processing;

import static io.vantaechonebula.pool.processing.Samples.network;
import static io.vantaechonebula.pool.processing.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.findings.FindingReport;
import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcessorsTest {

    @Test
    void blockchainKeepsTheTipAndHowFarEachNodeLags() {
        MemoryStatistics statistics = new MemoryStatistics(BlockDataProcessor.NAME);
        JsonObject result = new BlockDataProcessor().process(List.of(
                sample("a", "testnet", 0, 100, 10, 0.2),
                sample("b", "testnet", 0, 90, 12, 0.2),
                sample("a", "mainnet", 0, 7, 0, 0.2)), statistics);

        assertThat(statistics.series("chain:testnet", "height").max()).isEqualTo(100);
        assertThat(statistics.series("node:b/testnet", "height_lag").last()).isEqualTo(10);
        assertThat(statistics.series("node:a/testnet", "height_lag").last()).isZero();
        assertThat(result.getJsonObject("chains").getJsonObject("testnet").getInt("transactions")).isEqualTo(22);
        assertThat(result.getJsonObject("chains").getJsonObject("mainnet").getInt("tip")).isEqualTo(7);
    }

    @Test
    void patternFlagsTheSpikeAndNotTheSteadyNoiseAndKeepsItsModelsBetweenBatches() {
        MemoryStatistics statistics = new MemoryStatistics(PatternProcessor.NAME);
        Random random = new Random(3);
        List<SampleView> steady = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            steady.add(sample("a", "testnet", i, 100 + i, 10 + random.nextInt(3), 0.20 + 0.01 * random.nextGaussian()));
        }
        // In batches, as the pipeline runs it: a new processor each time, the models only in the statistics.
        for (int from = 0; from < steady.size(); from += 100) {
            assertThat(new PatternProcessor().process(steady.subList(from, from + 100), statistics).getInt("anomaly_count"))
                    .as("batch from %d", from).isZero();
        }
        assertThat(statistics.model("node:a/testnet", "cpu_usage").trainedCount()).isEqualTo(600);

        JsonObject result = new PatternProcessor().process(List.of(sample("a", "testnet", 600, 700, 11, 0.95)), statistics);

        assertThat(result.getInt("anomaly_count")).isEqualTo(1);
        JsonObject anomaly = result.getJsonArray("anomalies").getJsonObject(0);
        assertThat(anomaly.getString("metric")).isEqualTo("cpu_usage");
        assertThat(anomaly.getJsonNumber("score").doubleValue()).isGreaterThanOrEqualTo(PatternProcessor.ANOMALY_SCORE);
        assertThat(statistics.series("node:a", "anomalies").count()).isEqualTo(1);
        FindingReport unusual = statistics.reports("unusual_cpu_usage").get(0);
        assertThat(unusual.summary()).contains("cpu_usage of node a on testnet was 0.950", "outside anything it had before");
        assertThat(unusual.evidence().getJsonNumber("highest_before").doubleValue()).isBetween(0.2, 0.3);
        assertThat(statistics.model("node:a/testnet", "cpu_usage").trainedCount()).as("the spike is learnt too").isEqualTo(601);
        assertThat(statistics.model("node:a/testnet", "cpu_usage").version()).isEqualTo(PatternRecognizer.MODEL_VERSION);
    }

    @Test
    void networkMonitorNamesTheNodeBehindAndTheOneThatCannotReachThePool() {
        MemoryStatistics statistics = new MemoryStatistics(NetworkMonitor.NAME);
        JsonObject result = new NetworkMonitor().process(List.of(
                sample("a", "testnet", 0, 100, 10, 0.2),
                sample("b", "testnet", 0, 80, 10, 0.2),
                sample("c", "testnet", 0, 99, 10, 0.2, 0.25)), statistics);

        assertThat(result.getJsonArray("findings").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("node_id") + ":" + f.getString("kind"))
                .containsExactly("b:behind", "c:poor_connection");
        assertThat(statistics.series("chain:testnet", "height_spread").last()).isEqualTo(20);
        assertThat(statistics.reports()).extracting(r -> r.nodeId() + ":" + r.kind() + ":" + r.chainId())
                .containsExactlyInAnyOrder("b:behind:testnet", "c:poor_connection:null");
        assertThat(statistics.reports("behind").get(0).evidence().getInt("blocks_behind")).isEqualTo(20);
    }

    @Test
    void networkMonitorAlertsOnLatencyAboveTheSeedRuleWithTheNodesUsualLatencyAsEvidence() {
        MemoryStatistics statistics = new MemoryStatistics(NetworkMonitor.NAME);
        List<SampleView> steady = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            steady.add(network("a", i, 8, 40, 1_000L * i));
        }
        new NetworkMonitor().process(steady, statistics);
        assertThat(statistics.reports()).as("40 ms is fine").isEmpty();

        new NetworkMonitor().process(List.of(network("a", 10, 8, 180, 10_000), network("a", 11, 8, 100, 11_000)), statistics);

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
        MemoryStatistics statistics = new MemoryStatistics(NetworkMonitor.NAME);
        new NetworkMonitor().process(List.of(network("a", 0, 5, 40, 1_000), network("a", 1, 3, 40, 3_000)), statistics);
        // The same payload's second sample must not count as an arrival of its own.
        new NetworkMonitor().process(List.of(network("a", 2, 0, 40, 5_000), network("a", 3, 0, 40, 5_000)), statistics);

        assertThat(statistics.reports("isolated")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.evidence().getJsonNumber("most_peers_seen").longValue()).isEqualTo(5));
        RollingStatistic gaps = statistics.series("node:a", NetworkMonitor.ARRIVAL_GAP);
        assertThat(gaps.count()).isEqualTo(2);
        assertThat(gaps.mean()).isEqualTo(2_000);
    }

    @Test
    void resonantAlertsOnMemoryAboveEightyPercentAndBelowItOnceItKnowsTheNodesUsualLevel() {
        MemoryStatistics statistics = new MemoryStatistics(LoadBaselines.NAME);
        new LoadBaselines().process(List.of(memory("a", 0, 0.85)), statistics);
        assertThat(statistics.reports("high_memory")).as("the seed rule holds from the first sample").hasSize(1);

        Random random = new Random(5);
        List<SampleView> usual = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            usual.add(memory("b", i, 0.20 + 0.01 * random.nextGaussian()));
        }
        new LoadBaselines().process(usual, statistics);
        new LoadBaselines().process(List.of(memory("b", 101, 0.45)), statistics);
        assertThat(statistics.reports("high_memory")).as("45% is under 60% of the seed").hasSize(1);

        new LoadBaselines().process(List.of(memory("b", 102, 0.55)), statistics);

        FindingReport alert = statistics.reports("high_memory").get(1);
        assertThat(alert.nodeId()).isEqualTo("b");
        assertThat(alert.evidence().getBoolean("threshold_learnt")).isTrue();
        assertThat(alert.evidence().getJsonNumber("threshold").doubleValue()).isEqualTo(0.48, within(1e-9));
        assertThat(alert.evidence().getJsonNumber("usual").doubleValue()).isCloseTo(0.20, within(0.01));
        assertThat(alert.summary()).contains("55%").contains("learnt threshold 48%");
    }

    @Test
    void resonantAlertsOnStorageAboveNinetyPercentAndNotBeforeHoweverFastTheDiskFilled() {
        MemoryStatistics statistics = new MemoryStatistics(LoadBaselines.NAME);
        List<SampleView> filling = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            filling.add(load("c", i, 0.3, 0.30 + 0.006 * i));
        }
        new LoadBaselines().process(filling, statistics);
        assertThat(statistics.reports("high_storage")).as("up to %.3f", 0.30 + 0.006 * 99).isEmpty();

        new LoadBaselines().process(List.of(load("c", 100, 0.3, 0.93), load("c", 101, 0.3, 0.97), load("d", 0, 0.3, null)),
                statistics);

        assertThat(statistics.reports("high_storage")).extracting(FindingReport::severity)
                .containsExactly(Severity.WARNING, Severity.CRITICAL);
        FindingReport alert = statistics.reports("high_storage").get(1);
        assertThat(alert.nodeId()).isEqualTo("c");
        assertThat(alert.evidence().getJsonNumber("value").doubleValue()).isEqualTo(0.97);
        assertThat(alert.evidence().getJsonNumber("threshold").doubleValue()).isEqualTo(0.90);
        assertThat(statistics.series("node:d", "storage_usage").count()).as("a node that does not measure storage").isZero();
    }

    private static SampleView memory(String node, int index, double memory) {
        return load(node, index, memory, 0.4);
    }

    private static SampleView load(String node, int index, double memory, Double storage) {
        SampleView s = sample(node, "testnet", index, 100 + index, 10, 0.2);
        return new SampleView(s.nodeId(), s.nodeType(), s.chainId(), s.timestamp(), s.seq(), s.receivedAtMs(),
                s.currentHeight(), s.blocksProcessed(), s.transactionCount(), s.miningHashRate(), s.peerCount(),
                s.averageLatencyMs(), s.bandwidthUsage(), s.connectionQuality(), s.cpuUsage(), memory, storage,
                s.uptimeSeconds(), null);
    }

    @Test
    void learningFitsCpuToTransactionsAndRecordsItsErrorBeforeEachUpdate() {
        MemoryStatistics statistics = new MemoryStatistics(LoadBaselines.NAME);
        List<SampleView> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(sample("a", "testnet", i, 100 + i, i, 0.1 + 0.01 * i));
        }
        JsonObject result = new LoadBaselines().process(samples, statistics);

        JsonObject cpu = result.getJsonArray("models").getJsonObject(0);
        assertThat(cpu.getString("target")).isEqualTo("cpu_usage");
        assertThat(cpu.getJsonNumber("slope").doubleValue()).isCloseTo(0.01, within(1e-9));
        assertThat(cpu.getJsonNumber("intercept").doubleValue()).isCloseTo(0.1, within(1e-9));
        assertThat(cpu.getInt("trained_on")).isEqualTo(20);
        // Predictions start from the third sample (two points make the first line), all exact on a line.
        assertThat(statistics.series("node:a", "cpu_usage_abs_error").count()).isEqualTo(18);
        assertThat(statistics.series("node:a", "cpu_usage_abs_error").max()).isCloseTo(0, within(1e-9));
    }
}
