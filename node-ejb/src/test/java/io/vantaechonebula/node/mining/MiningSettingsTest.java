package io.vantaechonebula.node.mining;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.node.config.SettingsSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MiningSettingsTest {

    private static MiningSettings read(Map<String, String> values, List<String> chainsRun) {
        return MiningSettings.from(new SettingsSource(key -> Optional.ofNullable(values.get(key))), chainsRun);
    }

    @Test
    void byDefaultOneThreadMinesEveryChainTheNodeRuns() {
        MiningSettings settings = read(Map.of(), List.of("testnet"));
        assertThat(settings.enabled()).isTrue();
        assertThat(settings.threads()).isEqualTo(1);
        assertThat(settings.chains()).containsExactly("testnet");
    }

    @Test
    void theChainsMinedCanBeNarrowedAndMiningTurnedOff() {
        MiningSettings settings = read(Map.of("vanta.mining.chains", "mainnet", "vanta.mining.enabled", "false",
                "vanta.mining.threads", "2"), List.of("testnet", "mainnet"));
        assertThat(settings.enabled()).isFalse();
        assertThat(settings.threads()).isEqualTo(2);
        assertThat(settings.chains()).containsExactly("mainnet");
    }
}
