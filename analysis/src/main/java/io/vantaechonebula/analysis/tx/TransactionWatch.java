package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.alert.AlertPublisher;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * A node's Transaction Analyzer at work: scores each validly signed transaction the first time the node sees it
 * (from a peer, or in a block, timed by the block), raises a signed alert for an anomalous one (one
 * per sender and reason a minute, and none for transactions older than {@value #RECENT_MS} ms, which
 * are history by then), and keeps a report per chain for telemetry. Thread-safe.
 */
public final class TransactionWatch {

    public static final long ALERT_QUIET_MS = 60_000;
    static final long RECENT_MS = 10 * 60_000;
    static final int ALERTS_PER_REPORT = 20;
    private static final int IDS_REMEMBERED = 100_000;
    private static final Logger LOG = Logger.getLogger(TransactionWatch.class.getName());

    private final Ed25519PrivateKey nodeKey;
    private final AlertPublisher raise;
    private final LongSupplier clock;
    private final TransactionAnalyzer analyzer = new TransactionAnalyzer();
    private final AlertThrottle throttle = new AlertThrottle(ALERT_QUIET_MS);
    private final Map<Hash, Boolean> seen = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, Boolean> eldest) {
            return size() > IDS_REMEMBERED;
        }
    };
    private final Map<String, Tally> tallies = new HashMap<>();
    private boolean news;

    /** @param raise sends an alert this node raised to its peers */
    public TransactionWatch(Ed25519PrivateKey nodeKey, AlertPublisher raise, LongSupplier clock) {
        this.nodeKey = nodeKey;
        this.raise = raise;
        this.clock = clock;
    }

    /** A transaction reaching the node now, from a peer or a user. */
    public void seen(Transaction transaction) {
        watch(transaction, clock.getAsLong());
    }

    /** A block the node took: its transactions as of the block's time. */
    public void inBlock(Block block) {
        for (Transaction transaction : block.transactions()) {
            watch(transaction, block.header().timestampMs());
        }
    }

    /** An alert another node raised, that a peer brought. */
    public synchronized void heardFromPeer(TransactionAlert alert) {
        tally(alert.chainId()).heardFromPeers++;
    }

    private void watch(Transaction transaction, long atMs) {
        // A forged transaction says nothing of the sender it names: anyone could make it conflict.
        if (!transaction.hasValidSignature()) {
            return;
        }
        TransactionAlert alert;
        synchronized (this) {
            if (seen.putIfAbsent(transaction.id(), Boolean.TRUE) != null) {
                return;
            }
            TransactionScore score = analyzer.analyse(transaction, atMs);
            Tally tally = tally(transaction.chainId());
            tally.analysed++;
            tally.maxScore = Math.max(tally.maxScore, score.score());
            if (!score.anomalous()) {
                return;
            }
            tally.anomalous++;
            long now = clock.getAsLong();
            if (now - atMs > RECENT_MS || !throttle.admit(score, now)) {
                return;
            }
            alert = score.alert(nodeKey, now);
            if (tally.raised.size() < ALERTS_PER_REPORT) {
                tally.raised.add(alert);
            }
            news = true;
        }
        LOG.warning(() -> "Transaction Analyzer: " + alert);
        raise.publish(alert);
    }

    /** What the watch saw on the chain since the last report of it. */
    public synchronized WatchReport report(String chainId) {
        Tally tally = tallies.remove(chainId);
        return tally == null ? WatchReport.NOTHING
                : new WatchReport(tally.analysed, tally.anomalous, tally.maxScore, tally.raised, tally.heardFromPeers);
    }

    /** Whether an alert was raised since the last call: telemetry should go out now. */
    public synchronized boolean takeNews() {
        boolean had = news;
        news = false;
        return had;
    }

    private Tally tally(String chainId) {
        return tallies.computeIfAbsent(chainId, any -> new Tally());
    }

    private static final class Tally {
        long analysed;
        long anomalous;
        double maxScore;
        final List<TransactionAlert> raised = new ArrayList<>();
        long heardFromPeers;
    }
}
