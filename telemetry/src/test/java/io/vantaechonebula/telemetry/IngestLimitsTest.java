package io.vantaechonebula.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class IngestLimitsTest {

    @Test
    void unsetKeysTakeTheDefaultsAndSetOnesTheirValues() {
        assertThat(IngestLimits.from(key -> Optional.empty())).isEqualTo(new IngestLimits(1_048_576, 1000));
        Map<String, String> set = Map.of("vanta.ingest.max-body-bytes", " 2048 ", "vanta.ingest.max-samples-per-batch", "50");
        assertThat(IngestLimits.from(key -> Optional.ofNullable(set.get(key)))).isEqualTo(new IngestLimits(2048, 50));
    }

    @Test
    void aValueOutOfItsRangeIsRefusedWithItsKey() {
        assertThatThrownBy(() -> IngestLimits.from(key -> key.equals("vanta.ingest.max-samples-per-batch") ? Optional.of("0") : Optional.empty()))
                .hasMessage("vanta.ingest.max-samples-per-batch takes a whole number from 1 to 100000, not '0'");
        assertThatThrownBy(() -> IngestLimits.from(key -> key.equals("vanta.ingest.max-body-bytes") ? Optional.of("lots") : Optional.empty()))
                .hasMessageContaining("vanta.ingest.max-body-bytes");
    }
}
