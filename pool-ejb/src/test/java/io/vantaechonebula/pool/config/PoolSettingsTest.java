package io.vantaechonebula.pool.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class PoolSettingsTest {

    private static Function<String, Optional<String>> settings(Map<String, String> values) {
        return key -> Optional.ofNullable(values.get(key));
    }

    @Test
    void unsetKeysTakeTheDocumentedDefaults() {
        Function<String, Optional<String>> none = settings(Map.of());
        assertThat(IntakeSettings.from(none)).isEqualTo(new IntakeSettings(10_000, true));
        assertThat(RetentionSettings.from(none)).isEqualTo(new RetentionSettings(7 * 24 * 3_600_000L, 1L << 30, 30 * 24 * 3_600_000L));
        assertThat(PoolRole.mode(none)).isEqualTo("full");
        assertThat(PoolRole.runsIn(PoolRole.mode(none))).isTrue();
    }

    @Test
    void valuesAreReadAsTheirTypes() {
        Function<String, Optional<String>> set = settings(Map.of("vanta.pool.queue-limit", " 3 ",
                "vanta.pool.raw-retention-hours", "0", "vanta.pool.raw-storage-limit", "2MB", "vanta.node.mode", " Simple ", "vanta.pool.node-retention-hours", "2",
                "vanta.pool.accept-unverified", "FALSE"));
        assertThat(IntakeSettings.from(set)).isEqualTo(new IntakeSettings(3, false));
        assertThat(RetentionSettings.from(set)).isEqualTo(new RetentionSettings(0, 2L << 20, 2 * 3_600_000L));
        assertThat(PoolRole.mode(set)).isEqualTo("simple");
        assertThat(PoolRole.runsIn("simple")).isFalse();
    }

    @Test
    void aValueNotOfItsTypeIsRefusedWithItsKeyAndWhatItTakes() {
        assertThatThrownBy(() -> IntakeSettings.from(settings(Map.of("vanta.pool.queue-limit", "0"))))
                .hasMessage("vanta.pool.queue-limit takes a whole number of messages from 1, not '0'");
        assertThatThrownBy(() -> IntakeSettings.from(settings(Map.of("vanta.pool.queue-limit", "lots"))))
                .hasMessageContaining("vanta.pool.queue-limit");
        assertThatThrownBy(() -> IntakeSettings.from(settings(Map.of("vanta.pool.accept-unverified", "yes"))))
                .hasMessage("vanta.pool.accept-unverified takes true or false, not 'yes'");
        assertThatThrownBy(() -> RetentionSettings.from(settings(Map.of("vanta.pool.raw-retention-hours", "-1"))))
                .hasMessage("vanta.pool.raw-retention-hours takes a whole number of hours from 0, not '-1'");
        assertThatThrownBy(() -> RetentionSettings.from(settings(Map.of("vanta.pool.raw-storage-limit", "lots"))))
                .hasMessageContaining("vanta.pool.raw-storage-limit");
    }
}
