package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.alert.Reason;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;

class TransactionWatchTest {

    private final Ed25519PrivateKey nodeKey = Ed25519PrivateKey.generate(new SecureRandom());
    private final Ed25519PrivateKey sender = Ed25519PrivateKey.generate(new SecureRandom());
    private final Address merchant = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
    private final Address accomplice = Ed25519PrivateKey.generate(new SecureRandom()).publicKey().address();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final List<TransactionAlert> sent = new ArrayList<>();
    private final TransactionWatch watch = new TransactionWatch(nodeKey, sent::add, clock::get);

    private Transaction pay(Address to, long nonce) {
        return Transaction.transfer(sender, Traffic.CHAIN, to, 900, 2, nonce);
    }

    private Block blockAt(long timestampMs, List<Transaction> transactions) {
        BlockHeader header = new BlockHeader(1, Traffic.CHAIN, 7, Hash.ZERO, timestampMs, Hash.ZERO, Hash.ZERO, BigInteger.ONE,
                merchant, 0);
        return new Block(header, transactions);
    }

    @Test
    void aDoubleSpendAttemptRaisesOneSignedAlertAndIsReported() {
        watch.seen(pay(merchant, 0));
        watch.seen(pay(accomplice, 0));
        watch.seen(pay(accomplice, 0));
        clock.addAndGet(1_000);
        Transaction again = Transaction.transfer(sender, Traffic.CHAIN, accomplice, 901, 2, 0);
        watch.seen(again);

        assertThat(sent).singleElement().satisfies(alert -> {
            assertThat(alert.hasValidSignature()).isTrue();
            assertThat(alert.reporterNodeId()).isEqualTo(nodeKey.publicKey().address().hex());
            assertThat(alert.reasons()).containsExactly(Reason.NONCE_CONFLICT);
        });
        assertThat(watch.takeNews()).isTrue();
        assertThat(watch.takeNews()).isFalse();
        WatchReport report = watch.report(Traffic.CHAIN);
        assertThat(report.analysed()).as("each transaction once").isEqualTo(3);
        assertThat(report.anomalous()).isEqualTo(2);
        assertThat(report.maxScore()).isEqualTo(1.0);
        assertThat(report.raised()).containsExactlyElementsOf(sent);
        assertThat(watch.report(Traffic.CHAIN)).isEqualTo(WatchReport.NOTHING);
    }

    @Test
    void aTransactionSeenAndThenMinedIsAnalysedOnce() {
        Transaction payment = pay(merchant, 0);
        watch.seen(payment);
        watch.inBlock(blockAt(clock.get(), List.of(payment)));
        assertThat(watch.report(Traffic.CHAIN).analysed()).isEqualTo(1);
    }

    @Test
    void oldBlocksTeachButRaiseNothing() {
        long anHourAgo = clock.get() - 3_600_000;
        watch.inBlock(blockAt(anHourAgo, List.of(pay(merchant, 0), pay(accomplice, 0))));

        assertThat(sent).isEmpty();
        WatchReport report = watch.report(Traffic.CHAIN);
        assertThat(report.analysed()).isEqualTo(2);
        assertThat(report.anomalous()).isEqualTo(1);
        assertThat(report.raised()).isEmpty();
    }

    @Test
    void alertsOfPeersAreCounted() {
        TransactionWatch other = new TransactionWatch(Ed25519PrivateKey.generate(new SecureRandom()), watch::heardFromPeer,
                clock::get);
        other.seen(pay(merchant, 0));
        other.seen(pay(accomplice, 0));
        assertThat(watch.report(Traffic.CHAIN).heardFromPeers()).isEqualTo(1);
    }
}
