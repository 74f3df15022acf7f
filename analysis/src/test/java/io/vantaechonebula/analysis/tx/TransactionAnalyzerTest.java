package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.alert.Reason;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TransactionAnalyzerTest {

    private final TransactionAnalyzer analyzer = new TransactionAnalyzer();
    private Traffic traffic;

    @BeforeEach
    void learnOrdinaryTraffic() {
        traffic = new Traffic(42, 100);
        assertThat(traffic.feed(analyzer, 500)).as("anomalies in ordinary traffic").isEmpty();
    }

    @Test
    void ordinaryTrafficStaysOrdinary() {
        List<TransactionScore> anomalous = traffic.feed(analyzer, 2_000);
        assertThat(anomalous).extracting(TransactionScore::explanation).isEmpty();
        assertThat(analyzer.analysedCounts()).containsEntry(Traffic.CHAIN, 2_500L);
    }

    @Test
    void aTransferFarAboveTheUsualAmountIsAnomalous() {
        Transaction huge = Transaction.transfer(traffic.sender(3), Traffic.CHAIN, traffic.recipient(), 5_000_000, 2,
                traffic.nextNonce(3));
        TransactionScore score = analyzer.analyse(huge, traffic.nowMs());
        assertThat(score.anomalous()).isTrue();
        assertThat(score.reasons()).containsExactly(Reason.UNUSUAL_AMOUNT);
        assertThat(score.score()).isGreaterThanOrEqualTo(TransactionAnalyzer.ANOMALY_SCORE);
        assertThat(score.explanation()).contains("amount 5,000,000").contains("deviations above the usual");
    }

    @Test
    void aSmallAmountIsNothingToWarnOf() {
        Transaction dust = Transaction.transfer(traffic.sender(3), Traffic.CHAIN, traffic.recipient(), 1, 1,
                traffic.nextNonce(3));
        TransactionScore score = analyzer.analyse(dust, traffic.nowMs());
        assertThat(score.anomalous()).isFalse();
        assertThat(score.findings()).isEmpty();
    }

    @Test
    void anAnomalousAmountIsNotLearnt() {
        for (int i = 0; i < 30; i++) {
            Transaction huge = Transaction.transfer(traffic.sender(5), Traffic.CHAIN, traffic.recipient(), 5_000_000, 2,
                    traffic.nextNonce(5));
            assertThat(analyzer.analyse(huge, traffic.nowMs() + i * 10_000L).reasons())
                    .as("huge transfer %d", i).contains(Reason.UNUSUAL_AMOUNT);
        }
    }

    @Test
    void aSenderSendingInABurstIsAnomalousWithinAFewTransactions() {
        Ed25519PrivateKey spammer = traffic.sender(7);
        List<TransactionScore> scores = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            scores.add(analyzer.analyse(Transaction.transfer(spammer, Traffic.CHAIN, traffic.recipient(), 1_000, 2,
                    traffic.nextNonce(7)), traffic.nowMs() + i * 100L));
        }
        int first = scores.stream().filter(TransactionScore::anomalous).findFirst().map(scores::indexOf).orElse(-1);
        assertThat(first).as("first anomalous transaction of the burst").isBetween(2, 10);
        assertThat(scores.subList(first, scores.size())).allMatch(score -> score.reasons().contains(Reason.SENDER_BURST));
        TransactionScore last = scores.get(scores.size() - 1);
        // The spammer may have sent an ordinary transaction just before, in the same minute.
        assertThat(last.features().senderRecentCount()).isBetween(30, 31);
        assertThat(last.explanation()).contains(last.features().senderRecentCount() + " transactions from "
                + spammer.publicKey().address() + " within a minute");
    }

    @Test
    void spendingANonceTwiceOnSomethingElseIsADoubleSpendAttempt() {
        Ed25519PrivateKey sender = traffic.sender(9);
        long nonce = traffic.nextNonce(9);
        Address merchant = traffic.sender(10).publicKey().address();
        Address accomplice = traffic.sender(11).publicKey().address();
        Transaction pay = Transaction.transfer(sender, Traffic.CHAIN, merchant, 900, 2, nonce);
        Transaction bump = Transaction.transfer(sender, Traffic.CHAIN, merchant, 900, 3, nonce);
        Transaction steal = Transaction.transfer(sender, Traffic.CHAIN, accomplice, 900, 4, nonce);

        assertThat(analyzer.analyse(pay, traffic.nowMs()).anomalous()).isFalse();
        assertThat(analyzer.analyse(bump, traffic.nowMs()).anomalous()).as("a fee bump").isFalse();
        assertThat(analyzer.analyse(pay, traffic.nowMs()).anomalous()).as("the same transaction again").isFalse();
        TransactionScore conflict = analyzer.analyse(steal, traffic.nowMs());
        assertThat(conflict.anomalous()).isTrue();
        assertThat(conflict.score()).isEqualTo(1.0);
        assertThat(conflict.reasons()).contains(Reason.NONCE_CONFLICT);
        assertThat(conflict.explanation()).contains("nonce " + nonce).contains(pay.id().toString()).contains(accomplice.hex());
    }

    @Test
    void beforeItHasLearntEnoughOnlyRulesCount() {
        TransactionAnalyzer fresh = new TransactionAnalyzer();
        Ed25519PrivateKey sender = traffic.sender(1);
        for (int i = 0; i < TransactionAnalyzer.WARM_UP - 1; i++) {
            fresh.analyse(Transaction.transfer(sender, "vanta-mainnet", traffic.recipient(), 1_000, 1, 100 + i), traffic.nowMs());
        }
        Transaction huge = Transaction.transfer(traffic.sender(2), "vanta-mainnet", traffic.recipient(), 9_000_000, 1, 0);
        assertThat(fresh.analyse(huge, traffic.nowMs()).anomalous()).isFalse();
        Transaction conflicting = Transaction.transfer(sender, "vanta-mainnet", traffic.recipient(), 5, 1, 100);
        assertThat(fresh.analyse(conflicting, traffic.nowMs()).reasons()).containsExactly(Reason.NONCE_CONFLICT);
    }

    @Test
    void eachChainLearnsItsOwnNormal() {
        Ed25519PrivateKey sender = traffic.sender(4);
        for (int i = 0; i < 100; i++) {
            analyzer.analyse(Transaction.transfer(sender, "vanta-mainnet", traffic.recipient(), 5_000_000, 1, i),
                    traffic.nowMs() + i * 60_000L);
        }
        Transaction usualOnMainnet = Transaction.transfer(traffic.sender(6), "vanta-mainnet", traffic.recipient(), 5_000_000, 1, 0);
        assertThat(analyzer.analyse(usualOnMainnet, traffic.nowMs() + 7_000_000L).anomalous()).isFalse();
        Transaction unusualOnTestnet = Transaction.transfer(traffic.sender(6), Traffic.CHAIN, traffic.recipient(), 5_000_000, 1,
                traffic.nextNonce(6));
        assertThat(analyzer.analyse(unusualOnTestnet, traffic.nowMs()).anomalous()).isTrue();
    }
}
