package io.vantaechonebula.node.running;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetworkChoiceTest {

    @Test
    void eachChoiceNamesTheChainsItRuns() {
        assertThat(NetworkChoice.parse("testnet").chains()).containsExactly("testnet");
        assertThat(NetworkChoice.parse("MAINNET").chains()).containsExactly("mainnet");
        assertThat(NetworkChoice.parse(" both ").chains()).containsExactly("testnet", "mainnet");
    }

    @Test
    void anythingElseIsRefusedWithTheValuesTaken() {
        assertThatThrownBy(() -> NetworkChoice.parse("devnet"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("NETWORK (vanta.node.network) takes testnet, mainnet, both, not 'devnet'");
    }
}
