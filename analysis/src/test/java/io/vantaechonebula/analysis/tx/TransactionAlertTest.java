package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.alert.Reason;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import java.security.SecureRandom;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransactionAlertTest {

    private final Ed25519PrivateKey nodeKey = Ed25519PrivateKey.generate(new SecureRandom());

    private TransactionScore doubleSpend() {
        Traffic traffic = new Traffic(1, 3);
        TransactionAnalyzer analyzer = new TransactionAnalyzer();
        analyzer.analyse(Transaction.transfer(traffic.sender(0), Traffic.CHAIN, traffic.sender(1).publicKey().address(), 10, 1, 0), 0);
        return analyzer.analyse(Transaction.transfer(traffic.sender(0), Traffic.CHAIN, traffic.sender(2).publicKey().address(), 10, 1, 0), 0);
    }

    @Test
    void anAlertTravelsAndStillVerifies() throws MalformedEncodingException {
        TransactionAlert alert = doubleSpend().alert(nodeKey, 1_234L);
        TransactionAlert decoded = TransactionAlert.decode(alert.encode());
        assertThat(decoded.hasValidSignature()).isTrue();
        assertThat(decoded.reporterNodeId()).isEqualTo(nodeKey.publicKey().address().hex());
        assertThat(decoded.reasons()).containsExactly(Reason.NONCE_CONFLICT);
        assertThat(decoded.score()).isEqualTo(1.0);
        assertThat(decoded.explanation()).isEqualTo(alert.explanation()).contains("already spent");
        assertThat(decoded.raisedAtMs()).isEqualTo(1_234L);
        assertThat(decoded.encode()).isEqualTo(alert.encode());
    }

    @Test
    void anAlteredAlertDoesNotVerify() throws MalformedEncodingException {
        byte[] encoded = doubleSpend().alert(nodeKey, 1_234L).encode();
        // The last field before the signature is the time raised.
        encoded[encoded.length - 65] ^= 1;
        assertThat(TransactionAlert.decode(encoded).hasValidSignature()).isFalse();
    }

    @Test
    void aTruncatedAlertIsMalformed() {
        byte[] encoded = doubleSpend().alert(nodeKey, 1_234L).encode();
        assertThatThrownBy(() -> TransactionAlert.decode(Arrays.copyOf(encoded, encoded.length - 1)))
                .isInstanceOf(MalformedEncodingException.class);
    }

    @Test
    void onlyAnAnomalousScoreIsRaised() {
        Traffic traffic = new Traffic(2, 2);
        TransactionScore ordinary = new TransactionAnalyzer().analyse(traffic.next(), traffic.nowMs());
        assertThatThrownBy(() -> ordinary.alert(nodeKey, 0)).hasMessageContaining("not anomalous");
    }

    @Test
    void aThrottleRaisesOneAlertPerSenderAndReasonInItsQuietPeriod() {
        AlertThrottle throttle = new AlertThrottle(60_000);
        TransactionScore score = doubleSpend();
        assertThat(throttle.admit(score, 0)).isTrue();
        assertThat(throttle.admit(score, 59_999)).isFalse();
        assertThat(throttle.admit(score, 60_000)).isTrue();
    }
}
