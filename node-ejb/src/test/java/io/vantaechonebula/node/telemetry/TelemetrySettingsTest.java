package io.vantaechonebula.node.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.node.config.SettingsSource;
import io.vantaechonebula.telemetry.collector.PoolProbe;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TelemetrySettingsTest {

    private static TelemetrySettings read(Map<String, String> values) {
        return TelemetrySettings.from(new SettingsSource(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void byDefaultTheNodeSamplesEveryFiveSecondsForThePoolOnThisMachine() {
        TelemetrySettings settings = read(Map.of());
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.bufferCapacity()).isEqualTo(10_000);
        assertThat(settings.poolCandidates()).isEqualTo(PoolProbe.LOCAL_CANDIDATES);
    }

    @Test
    void aConfiguredPoolIsTheOnlyOneLookedFor() {
        TelemetrySettings settings = read(Map.of("vanta.telemetry.pool-url", " http://pool.example:8080 ",
                "vanta.telemetry.interval-seconds", "2"));
        assertThat(settings.poolCandidates()).containsExactly(URI.create("http://pool.example:8080"));
        assertThat(settings.interval()).isEqualTo(Duration.ofSeconds(2));
    }
}
