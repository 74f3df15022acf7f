package io.vantaechonebula.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchPayloadWriterTest {

    private static final long NOW = 1_763_800_000L;
    private final TelemetryParser parser = new TelemetryParser(Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC), 100);

    @Test
    void whatItWritesTheParserReadsBackUnchanged() throws Exception {
        TelemetrySample withPeers = sample(1, 38.2, 0.47, "{\"ai_metrics\":{\"score\":0.25}}");
        TelemetrySample alone = sample(2, null, null, null);

        TelemetryPayload payload = parser.parse(
                BatchPayloadWriter.batch("node-a", BigDecimal.valueOf(NOW), List.of(withPeers, alone), 7).toString(), null);

        assertThat(payload.kind()).isEqualTo(PayloadKind.BATCH);
        assertThat(payload.samples()).containsExactly(withPeers, alone);
        assertThat(payload.droppedSamples()).isEqualTo(7);
    }

    @Test
    void refusesASampleWithoutAMetricOrOfAnotherNode() {
        TelemetrySample noCpu = new TelemetrySample("node-a", "full", "testnet", new BigDecimal("1763799990.5"), 3L,
                10L, 1L, 4L, 1e6, null, null, 0L, null, 0.0, 1.0, null, 0.4, null, 60.0, null);
        assertThatThrownBy(() -> BatchPayloadWriter.batch("node-a", BigDecimal.valueOf(NOW), List.of(noCpu), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu_usage");
        assertThatThrownBy(() -> BatchPayloadWriter.batch("node-b", BigDecimal.valueOf(NOW), List.of(sample(1, null, null, null)), 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("node-a");
    }

    private static TelemetrySample sample(long seq, Double latency, Double storage, String extensions) {
        return new TelemetrySample("node-a", "full", "testnet", new BigDecimal("1763799900.25").add(BigDecimal.valueOf(seq * 5)),
                seq, 1200 + seq, 1L, 14L, 125000.5, latency == null ? null : seq % 2 == 1, latency == null ? null : 40 * seq,
                latency == null ? 0L : 4L, latency, 20480.0, 0.93, 0.31, 0.62,
                storage, 3600.5, extensions);
    }
}
