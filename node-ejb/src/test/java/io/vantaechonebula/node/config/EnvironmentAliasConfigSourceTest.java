package io.vantaechonebula.node.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentAliasConfigSourceTest {

    private final EnvironmentAliasConfigSource source =
            new EnvironmentAliasConfigSource(Map.of("NODE_MODE", "simple", "MAX_PEERS", "4", "PATH", "/bin")::get);

    @Test
    void mapsSeedEnvironmentVariablesToVantaKeys() {
        assertThat(source.getValue("vanta.node.mode")).isEqualTo("simple");
        assertThat(source.getValue("vanta.p2p.max-peers")).isEqualTo("4");
    }

    @Test
    void offersOnlyAliasesThatAreSet() {
        assertThat(source.getProperties()).containsOnly(
                Map.entry("vanta.node.mode", "simple"), Map.entry("vanta.p2p.max-peers", "4"));
        assertThat(source.getValue("vanta.mining.enabled")).isNull();
    }

    @Test
    void theNetworkAndTheStorageLimitReachTheirKeys() {
        EnvironmentAliasConfigSource seeds =
                new EnvironmentAliasConfigSource(Map.of("NETWORK", "testnet", "STORAGE_LIMIT", "500MB")::get);
        assertThat(seeds.getValue("vanta.node.network")).isEqualTo("testnet");
        assertThat(seeds.getValue("vanta.storage.limit")).isEqualTo("500MB");
    }

    @Test
    void ranksBelowTheStandardEnvironmentSource() {
        assertThat(source.getOrdinal()).isLessThan(300).isGreaterThan(100);
    }

    @Test
    void nodeModeNamesTheAllowedValuesWhenWrong() {
        assertThat(NodeMode.parse(" Basic ")).isEqualTo(NodeMode.BASIC);
        assertThatThrownBy(() -> NodeMode.parse("turbo")).hasMessageContaining("full, simple, basic, got 'turbo'");
    }
}
