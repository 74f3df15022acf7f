package io.vantaechonebula.pool.processing;

import static io.vantaechonebula.pool.processing.Samples.sample;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import io.vantaechonebula.pool.store.SampleView;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ProcessorsTest {

    @Test
    void blockchainKeepsTheTipAndHowFarEachNodeLags() {
        MemoryStatistics statistics = new MemoryStatistics(BlockchainProcessor.NAME);
        JsonObject result = new BlockchainProcessor().process(List.of(
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
        assertThat(statistics.model("node:a/testnet", "cpu_usage").trainedCount()).as("the spike is learnt too").isEqualTo(601);
        assertThat(statistics.model("node:a/testnet", "cpu_usage").version()).isEqualTo(PatternRecognizer.MODEL_VERSION);
    }

    @Test
    void intelligenceNamesTheNodeBehindAndTheOneThatCannotReachThePool() {
        MemoryStatistics statistics = new MemoryStatistics(IntelligenceProcessor.NAME);
        JsonObject result = new IntelligenceProcessor().process(List.of(
                sample("a", "testnet", 0, 100, 10, 0.2),
                sample("b", "testnet", 0, 80, 10, 0.2),
                sample("c", "testnet", 0, 99, 10, 0.2, 0.25)), statistics);

        assertThat(result.getJsonArray("findings").getValuesAs(JsonObject.class))
                .extracting(f -> f.getString("node_id") + ":" + f.getString("kind"))
                .containsExactly("b:behind", "c:poor_connection");
        assertThat(statistics.series("chain:testnet", "height_spread").last()).isEqualTo(20);
    }

    @Test
    void learningFitsCpuToTransactionsAndRecordsItsErrorBeforeEachUpdate() {
        MemoryStatistics statistics = new MemoryStatistics(LearningProcessor.NAME);
        List<SampleView> samples = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            samples.add(sample("a", "testnet", i, 100 + i, i, 0.1 + 0.01 * i));
        }
        JsonObject result = new LearningProcessor().process(samples, statistics);

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
