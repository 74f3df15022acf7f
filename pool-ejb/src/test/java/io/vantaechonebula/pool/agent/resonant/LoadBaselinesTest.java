package io.vantaechonebula.pool.agent.resonant;

import static io.vantaechonebula.pool.stage.Samples.sample;
import static io.vantaechonebula.pool.stage.Samples.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.MemoryStatistics;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LoadBaselinesTest {

    @Test
    void resonantAlertsOnMemoryAboveEightyPercentAndBelowItOnceItKnowsTheNodesUsualLevel() {
        MemoryStatistics statistics = new MemoryStatistics();
        new LoadBaselines().process(stored(List.of(memory("a", 0, 0.85))), statistics);
        assertThat(statistics.reports("high_memory")).as("the seed rule holds from the first sample").hasSize(1);

        Random random = new Random(5);
        List<SampleView> usual = new ArrayList<>();
        for (int i = 1; i <= 100; i++) {
            usual.add(memory("b", i, 0.20 + 0.01 * random.nextGaussian()));
        }
        new LoadBaselines().process(stored(usual), statistics);
        new LoadBaselines().process(stored(List.of(memory("b", 101, 0.45))), statistics);
        assertThat(statistics.reports("high_memory")).as("45% is under 60% of the seed").hasSize(1);

        new LoadBaselines().process(stored(List.of(memory("b", 102, 0.55))), statistics);

        FindingReport alert = statistics.reports("high_memory").get(1);
        assertThat(alert.nodeId()).isEqualTo("b");
        assertThat(alert.evidence().getBoolean("threshold_learnt")).isTrue();
        assertThat(alert.evidence().getJsonNumber("threshold").doubleValue()).isEqualTo(0.48, within(1e-9));
        assertThat(alert.evidence().getJsonNumber("usual").doubleValue()).isCloseTo(0.20, within(0.01));
        assertThat(alert.summary()).contains("55%").contains("learnt threshold 48%");
    }

    @Test
    void resonantAlertsOnStorageAboveNinetyPercentAndNotBeforeHoweverFastTheDiskFilled() {
        MemoryStatistics statistics = new MemoryStatistics();
        List<SampleView> filling = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            filling.add(load("c", i, 0.3, 0.30 + 0.006 * i));
        }
        new LoadBaselines().process(stored(filling), statistics);
        assertThat(statistics.reports("high_storage")).as("up to %.3f", 0.30 + 0.006 * 99).isEmpty();

        new LoadBaselines().process(stored(List.of(load("c", 100, 0.3, 0.93), load("c", 101, 0.3, 0.97), load("d", 0, 0.3, null))),
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
                s.currentHeight(), s.blocksProcessed(), s.transactionCount(), s.miningHashRate(), s.syncing(), s.blocksBehind(), s.peerCount(),
                s.averageLatencyMs(), s.bandwidthUsage(), s.connectionQuality(), s.cpuUsage(), memory, storage,
                s.uptimeSeconds(), null, false);
    }

    @Test
    void learningFitsCpuToTransactionsAndRecordsItsErrorBeforeEachUpdate() {
        MemoryStatistics statistics = new MemoryStatistics();
        List<SampleView> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(sample("a", "testnet", i, 100 + i, i, 0.1 + 0.01 * i));
        }
        JsonObject result = new LoadBaselines().process(stored(samples), statistics).json();

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
