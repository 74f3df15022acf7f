package io.vantaechonebula.telemetry.collector;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

class PoolProbeTest {

    private static final URI HERE = URI.create("http://localhost:8080");

    @Test
    void aFullNodeIsThePool() {
        assertThat(PoolProbe.parse(HERE, "{\"system\":\"VantaEchoNebula\",\"nodeId\":\"ab12\",\"mode\":\"full\",\"pool\":true}"))
                .hasValue(new PoolProbe.Found(HERE, "ab12", ""));
    }

    @Test
    void aPoolOnWildFlySaysItsBrokerIsOnItsHttpPort() {
        PoolProbe.Found wildfly = PoolProbe.parse(HERE, "{\"system\":\"VantaEchoNebula\",\"nodeId\":\"ab12\",\"pool\":true,"
                + "\"broker\":\"artemis\"}").orElseThrow();
        PoolProbe.Found payara = PoolProbe.parse(HERE, "{\"system\":\"VantaEchoNebula\",\"nodeId\":\"ab12\",\"pool\":true,"
                + "\"broker\":\"openmq\"}").orElseThrow();
        assertThat(wildfly.brokerOnHttpPort()).isTrue();
        assertThat(payara.brokerOnHttpPort()).isFalse();
    }

    @Test
    void aNodeWithoutThePoolIsNot() {
        assertThat(PoolProbe.parse(HERE, "{\"system\":\"VantaEchoNebula\",\"nodeId\":\"ab12\",\"mode\":\"simple\",\"pool\":false}"))
                .isEmpty();
        assertThat(PoolProbe.parse(HERE, "{\"system\":\"VantaEchoNebula\",\"nodeId\":\"ab12\"}")).as("says nothing of a pool")
                .isEmpty();
    }

    @Test
    void somethingElseIsNot() {
        assertThat(PoolProbe.parse(HERE, "{\"system\":\"Other\",\"pool\":true}")).isEmpty();
        assertThat(PoolProbe.parse(HERE, "<html>hello</html>")).isEmpty();
        assertThat(PoolProbe.parse(HERE, "[1,2]")).isEmpty();
    }
}
