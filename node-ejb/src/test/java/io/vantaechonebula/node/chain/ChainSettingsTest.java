package io.vantaechonebula.node.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.node.config.SettingsSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainSettingsTest {

    private static ChainSettings read(Map<String, String> values) {
        return ChainSettings.from(new SettingsSource(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void withoutSettingsTheServerKeepsEveryBlockAndUsesTheDefaults() {
        ChainSettings settings = read(Map.of());
        assertThat(settings.storageLimitBytes()).isEmpty();
        assertThat(settings.mempoolCapacity()).isEqualTo(ChainSettings.DEFAULT_MEMPOOL_CAPACITY);
        assertThat(settings.roundTimeoutMs()).isEqualTo(10_000);
        assertThat(settings.paramsFile().apply("testnet")).isEmpty();
    }

    @Test
    void aStorageLimitIsASize() {
        assertThat(read(Map.of("vanta.storage.limit", "500MB")).storageLimitBytes()).hasValue(500L << 20);
        assertThat(read(Map.of("vanta.storage.limit", "2GB")).storageLimitBytes()).hasValue(2L << 30);
    }

    @Test
    void eachSettingIsReadAsItsType() {
        ChainSettings settings = read(Map.of("vanta.mempool.capacity", "2000", "vanta.finality.round-timeout-seconds", "3",
                "vanta.chain.testnet.params-file", "/etc/vanta/testnet.properties"));
        assertThat(settings.mempoolCapacity()).isEqualTo(2000);
        assertThat(settings.roundTimeoutMs()).isEqualTo(3000);
        assertThat(settings.paramsFile().apply("testnet")).contains(Path.of("/etc/vanta/testnet.properties"));
    }

    @Test
    void aWrongValueNamesItsKeyAndWhatItTakes() {
        assertThatThrownBy(() -> read(Map.of("vanta.storage.limit", "lots")))
                .hasMessageContaining("vanta.storage.limit (STORAGE_LIMIT) is 'lots'; give a size such as 1GB");
        assertThatThrownBy(() -> read(Map.of("vanta.mempool.capacity", "-5")))
                .hasMessage("vanta.mempool.capacity takes a positive whole number, not '-5'");
    }
}
