package io.vantaechonebula.agent.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenMqBrokerTest {

    @Test
    void aPlainAddressKeepsItsPortOrGets7676() {
        assertThat(OpenMqBroker.address("mq://pool.example:7000", "--jms")).isEqualTo("mq://pool.example:7000");
        assertThat(OpenMqBroker.address("pool.example", "--jms")).isEqualTo("mq://pool.example:7676");
    }

    @Test
    void aTlsAddressNamesTheBrokersSslService() {
        assertThat(OpenMqBroker.address("mqssl://pool.example", "--jms")).isEqualTo("mq://pool.example:7676/ssljms");
        assertThat(OpenMqBroker.address(" mqssl://10.0.0.5:7676 ", "--jms")).isEqualTo("mq://10.0.0.5:7676/ssljms");
    }

    @Test
    void anythingElseIsRefusedWithTheFormsItTakes() {
        for (String wrong : new String[] {"http://pool.example:8080", "mq://", "mq://bad host\r\nX: y", "tcp://a:1"}) {
            assertThatThrownBy(() -> OpenMqBroker.address(wrong, "--jms")).as(wrong)
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("mqssl://host:port")
                    .hasMessageNotContaining("\n");
        }
    }
}
