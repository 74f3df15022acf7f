package io.vantaechonebula.pool.agent.patterns;

import static io.vantaechonebula.pool.stage.Samples.sample;
import static io.vantaechonebula.pool.stage.Samples.stored;
import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.MemoryStatistics;
import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatternProcessorTest {

    @Test
    void patternFlagsTheSpikeAndNotTheSteadyNoiseAndKeepsItsModelsBetweenBatches() {
        MemoryStatistics statistics = new MemoryStatistics();
        Random random = new Random(3);
        List<SampleView> steady = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            steady.add(sample("a", "testnet", i, 100 + i, 10 + random.nextInt(3), 0.20 + 0.01 * random.nextGaussian()));
        }
        // In batches, as the pipeline runs it: a new processor each time, the models only in the statistics.
        for (int from = 0; from < steady.size(); from += 100) {
            assertThat(new PatternProcessor().process(stored(steady.subList(from, from + 100)), statistics).json().getInt("anomaly_count"))
                    .as("batch from %d", from).isZero();
        }
        assertThat(statistics.storedModel("node:a/testnet", "cpu_usage").orElseThrow().trained()).isEqualTo(600);

        JsonObject result = new PatternProcessor().process(stored(List.of(sample("a", "testnet", 600, 700, 11, 0.95))), statistics).json();

        assertThat(result.getInt("anomaly_count")).isEqualTo(1);
        JsonObject anomaly = result.getJsonArray("anomalies").getJsonObject(0);
        assertThat(anomaly.getString("metric")).isEqualTo("cpu_usage");
        assertThat(anomaly.getJsonNumber("score").doubleValue()).isGreaterThanOrEqualTo(PatternProcessor.ANOMALY_SCORE);
        assertThat(statistics.series("node:a", "anomalies").count()).isEqualTo(1);
        FindingReport unusual = statistics.reports("unusual_cpu_usage").get(0);
        assertThat(unusual.summary()).contains("cpu_usage of node a on testnet was 0.950", "outside anything it had before");
        assertThat(unusual.evidence().getJsonNumber("highest_before").doubleValue()).isBetween(0.2, 0.3);
        assertThat(statistics.storedModel("node:a/testnet", "cpu_usage").orElseThrow().trained()).as("the spike is learnt too").isEqualTo(601);
        assertThat(statistics.storedModel("node:a/testnet", "cpu_usage").orElseThrow().version()).isEqualTo(PatternRecognizer.MODEL_VERSION);
    }
}
