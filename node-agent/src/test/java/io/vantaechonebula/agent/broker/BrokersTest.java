package io.vantaechonebula.agent.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BrokersTest {

    @Test
    void aTcpAddressIsWildFlysArtemisThroughTheHttpPort() {
        assertThat(Brokers.address("tcp://pool.example", "--jms")).isEqualTo("tcp://pool.example:8080?httpUpgradeEnabled=true");
        assertThat(Brokers.address(" tcp://10.0.0.5:8180 ", "--jms")).isEqualTo("tcp://10.0.0.5:8180?httpUpgradeEnabled=true");
        assertThat(Brokers.address("tcp://pool.example:61616?httpUpgradeEnabled=false", "--jms"))
                .isEqualTo("tcp://pool.example:61616?httpUpgradeEnabled=false");
    }

    @Test
    void anMqAddressIsPayarasOpenMq() {
        assertThat(Brokers.address("mq://pool.example", "--broker")).isEqualTo("mq://pool.example:7676");
    }

    @Test
    void aBrokenTcpAddressIsRefusedWithTheFormItTakes() {
        for (String wrong : new String[] {"tcp://", "tcp://bad host\r\nX: y", "tcp:///path"}) {
            assertThatThrownBy(() -> Brokers.address(wrong, "--jms")).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("tcp://host:port")
                    .hasMessageNotContaining("\n");
        }
    }
}
