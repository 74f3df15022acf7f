package io.vantaechonebula.p2p.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PeerAddressTest {

    @Test
    void p10_anAddressIsReadIntoOneFormOrRefusedWithWhatIsWrong() {
        assertThat(PeerAddress.normalise(" HTTPS://Node.Example.ORG:443/ ")).isEqualTo("https://node.example.org:443");
        assertThat(PeerAddress.normalise("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
        assertThatThrownBy(() -> PeerAddress.normalise("http://node.example.org"))
                .hasMessageContaining("gives no port").hasMessageContaining("http://node.example.org:8080");
        assertThatThrownBy(() -> PeerAddress.normalise("http://node.example.org:80/x")).hasMessageContaining("path");
        assertThatThrownBy(() -> PeerAddress.normalise("http://" + "a".repeat(400) + ":80")).hasMessageContaining("longer");
        assertThatThrownBy(() -> PeerAddress.normalise("gopher://node:70")).hasMessageContaining("not an http or https URL");
    }

    @Test
    void p10_privateMeansThisMachineOrAPrivateNetworkByTheLiteralHostOnly() {
        assertThat(PeerAddress.isPrivate("http://127.0.0.2:9101")).isTrue();
        assertThat(PeerAddress.isPrivate("http://api.localhost:9101")).isTrue();
        assertThat(PeerAddress.isPrivate("http://172.31.255.255:1")).isTrue();
        assertThat(PeerAddress.isPrivate("http://172.32.0.1:1")).isFalse();
        assertThat(PeerAddress.isPrivate("http://8.8.8.8:53")).isFalse();
        assertThat(PeerAddress.isPrivate("http://[2001:db8::1]:80")).isFalse();
        assertThat(PeerAddress.isPrivate("http://node.example.org:80")).isFalse();
    }
}
