package io.vantaechonebula.pool.agent.consolidator;

import static io.vantaechonebula.pool.stage.Samples.START_SECONDS;
import static io.vantaechonebula.pool.stage.Samples.sample;
import static io.vantaechonebula.pool.stage.Samples.stored;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.analysis.stats.ValueSummary;
import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.stage.MemoryStatistics;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemoryConsolidatorTest {

    @Test
    void rollsSamplesIntoTheirMinuteAndHourWithCountMeanMinMaxAndLast() {
        MemoryStatistics statistics = new MemoryStatistics();
        List<SampleView> samples = new ArrayList<>();
        // 24 samples 5 s apart (two minutes); CPU climbs 0.10, 0.11, ... 0.33.
        for (int i = 0; i < 24; i++) {
            samples.add(sample("a", "testnet", i, 100 + i, i, 0.10 + 0.01 * i));
        }
        new MemoryConsolidator().process(stored(samples), statistics);

        long firstMs = START_SECONDS * 1000;
        long minute = Resolution.MINUTE.bucketStart(firstMs);
        ValueSummary first = statistics.aggregate("a", "testnet", Resolution.MINUTE, minute, "cpu_usage");
        // The samples in the first minute bucket are those before its end.
        int inFirst = (int) ((minute + 60_000 - firstMs + 4_999) / 5_000);
        assertThat(first.count()).isEqualTo(inFirst);
        assertThat(first.min()).isCloseTo(0.10, within(1e-12));
        assertThat(first.max()).isCloseTo(0.10 + 0.01 * (inFirst - 1), within(1e-12));
        assertThat(first.mean()).isCloseTo(0.10 + 0.005 * (inFirst - 1), within(1e-12));
        assertThat(first.last()).isCloseTo(first.max(), within(1e-12));

        long hour = Resolution.HOUR.bucketStart(firstMs);
        ValueSummary hourly = statistics.aggregate("a", "testnet", Resolution.HOUR, hour, "cpu_usage");
        long lastMs = firstMs + 23 * 5_000;
        assertThat(hourly.count()).isEqualTo(Resolution.HOUR.bucketStart(lastMs) == hour ? 24 : inFirst);
        assertThat(statistics.aggregate("a", "testnet", Resolution.HOUR, hour, "current_height").min()).isEqualTo(100);
    }

    @Test
    void keepsNothingForAMetricASampleDoesNotCarry() {
        MemoryStatistics statistics = new MemoryStatistics();
        new MemoryConsolidator().process(stored(List.of(sample("a", "testnet", 0, 100, 1, 0.2))), statistics);
        long minute = Resolution.MINUTE.bucketStart(START_SECONDS * 1000);
        // The test samples carry no latency (a node without peers).
        assertThat(statistics.aggregate("a", "testnet", Resolution.MINUTE, minute, "average_latency").count()).isZero();
        assertThat(statistics.aggregate("a", "testnet", Resolution.MINUTE, minute, "peer_count").count()).isEqualTo(1);
    }
}
