package io.vantaechonebula.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NodeSettingsTest {

    private static NodeSettings read(Map<String, String> values) {
        return NodeSettings.from(new SettingsSource(key -> Optional.ofNullable(values.get(key))));
    }

    @Test
    void aNodeRunsBothChainsUnlessItsNetworkSaysOtherwise() {
        assertThat(read(Map.of()).chains()).containsExactly("testnet", "mainnet");
        assertThat(read(Map.of("vanta.node.network", "testnet")).chains()).containsExactly("testnet");
        assertThat(read(Map.of("vanta.node.network", "mainnet")).chains()).containsExactly("mainnet");
    }

    @Test
    void theNetworkVariableReachesTheSettingThroughItsAlias() {
        EnvironmentAliasConfigSource aliases = new EnvironmentAliasConfigSource(Map.of("NETWORK", "mainnet")::get);
        NodeSettings settings = NodeSettings.from(new SettingsSource(key -> Optional.ofNullable(aliases.getValue(key))));
        assertThat(settings.chains()).containsExactly("mainnet");
    }

    @Test
    void anUnknownNetworkStopsTheStartWithTheValuesTaken() {
        assertThatThrownBy(() -> read(Map.of("vanta.node.network", "devnet")))
                .hasMessageContaining("takes testnet, mainnet, both, not 'devnet'");
    }
}
