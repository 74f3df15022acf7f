package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.analysis.stats.Normal;
import io.vantaechonebula.analysis.stats.StreamingStatistic;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import io.vantaechonebula.p2p.alert.Reason;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Transaction Analyzer (docs/analysis.md): reads each transaction's features, scores how unusual
 * it is against what it has learnt of its chain so far, and learns from it. Per chain it learns
 * online, never from scratch: the amounts of transfers and the fees, each transaction's, and how
 * many transactions a sender sends in a minute, each sender minute's once it has ended, each as a
 * streaming mean and deviation of its logarithm. High values are unusual (a low amount or fee is
 * nothing to warn of); a second transaction spending a sender nonce for something else is a
 * double-spend attempt whatever was learnt. A value found anomalous is not learnt, so an attack does
 * not teach the analyzer that it is normal. Thread-safe.
 */
public final class TransactionAnalyzer {

    /** A transaction scoring this much or more is anomalous: about 4.3 standard deviations above normal. */
    public static final double ANOMALY_SCORE = 0.99999;
    /** Transactions a statistic learns before its findings count. */
    public static final int WARM_UP = 50;
    static final double ALPHA = 0.005;
    static final long SENDER_WINDOW_MS = 60_000;
    private static final int MAX_SENDERS = 100_000;
    private static final int NONCES_REMEMBERED = 200_000;
    /** Deviations below these (of log10 amounts and fees, of ln counts) are taken as these: a factor of about 1.8 or 1.6. */
    private static final double MIN_LOG10_DEVIATION = 0.25;
    private static final double MIN_LN_DEVIATION = 0.5;

    private final Map<String, ChainModel> chains = new HashMap<>();

    /** Scores the transaction as seen now, then learns from it. Score each transaction once. */
    public synchronized TransactionScore analyse(Transaction transaction, long nowMs) {
        ChainModel model = chains.computeIfAbsent(transaction.chainId(), any -> new ChainModel());
        model.analysed++;
        SenderWindow.Counted counted = model.senders.add(transaction.senderAddress(), nowMs);
        counted.closed().ifPresent(closed -> model.burst.learnUnlessAnomalous(Math.log(closed), MIN_LN_DEVIATION));
        int senderCount = counted.current();
        TransactionFeatures features = new TransactionFeatures(transaction.chainId(), transaction.id(), transaction.type(),
                transaction.senderAddress(), transaction.amount(), transaction.fee(), transaction.nonce(), senderCount);
        List<Finding> findings = new ArrayList<>();
        model.nonces.use(transaction).ifPresent(first -> findings.add(new Finding(Reason.NONCE_CONFLICT, 1.0,
                "nonce " + transaction.nonce() + " of " + transaction.senderAddress() + " was already spent by transaction "
                        + first.transactionId() + " (" + first.amount() + " to " + first.recipient() + "); this one sends "
                        + transaction.amount() + " to " + transaction.recipient())));
        if (transaction.type() == TransactionType.TRANSFER) {
            model.amount.scoreAndLearn(Math.log10(1.0 + transaction.amount()), MIN_LOG10_DEVIATION).ifPresent(z -> findings.add(
                    new Finding(Reason.UNUSUAL_AMOUNT, Normal.upperConfidence(z), String.format(
                            "amount %,d is %.1f deviations above the usual (about %,.0f)", transaction.amount(), z,
                            Math.pow(10, model.amount.statistic.mean()) - 1))));
        }
        model.fee.scoreAndLearn(Math.log10(1.0 + transaction.fee()), MIN_LOG10_DEVIATION).ifPresent(z -> findings.add(
                new Finding(Reason.UNUSUAL_FEE, Normal.upperConfidence(z), String.format(
                        "fee %,d is %.1f deviations above the usual (about %,.0f)", transaction.fee(), z,
                        Math.pow(10, model.fee.statistic.mean()) - 1))));
        model.burst.score(Math.log(senderCount), MIN_LN_DEVIATION).ifPresent(z -> findings.add(
                new Finding(Reason.SENDER_BURST, Normal.upperConfidence(z), String.format(
                        "%,d transactions from %s within a minute, %.1f deviations above the usual (about %.1f)",
                        senderCount, transaction.senderAddress(), z, Math.exp(model.burst.statistic.mean())))));
        findings.sort(Comparator.comparingDouble(Finding::score).reversed());
        double score = findings.isEmpty() ? 0 : findings.get(0).score();
        // Only what stands out is listed: a finding below the threshold says no more than its absence.
        List<Finding> unusual = findings.stream().filter(finding -> finding.score() >= ANOMALY_SCORE).toList();
        return new TransactionScore(features, score, unusual, !unusual.isEmpty());
    }

    /** How many transactions the analyzer has scored, by chain id. */
    public synchronized Map<String, Long> analysedCounts() {
        Map<String, Long> counts = new HashMap<>();
        chains.forEach((chainId, model) -> counts.put(chainId, model.analysed));
        return counts;
    }

    /** One chain's learnt normal. */
    private static final class ChainModel {
        long analysed;
        final LearntFeature amount = new LearntFeature();
        final LearntFeature fee = new LearntFeature();
        final LearntFeature burst = new LearntFeature();
        final SenderWindow senders = new SenderWindow(SENDER_WINDOW_MS, MAX_SENDERS);
        final NonceBook nonces = new NonceBook(NONCES_REMEMBERED);
    }

    /** One feature's statistic, learning only values that are not anomalous. */
    private static final class LearntFeature {
        final StreamingStatistic statistic = new StreamingStatistic(ALPHA);

        /** The value's z-score once warmed up (empty before); does not learn it. */
        Optional<Double> score(double value, double minDeviation) {
            return statistic.count() >= WARM_UP ? Optional.of(statistic.zScore(value, minDeviation)) : Optional.empty();
        }

        Optional<Double> scoreAndLearn(double value, double minDeviation) {
            Optional<Double> z = score(value, minDeviation);
            learnUnlessAnomalous(value, minDeviation);
            return z;
        }

        void learnUnlessAnomalous(double value, double minDeviation) {
            if (score(value, minDeviation).filter(z -> Normal.upperConfidence(z) >= ANOMALY_SCORE).isEmpty()) {
                statistic.add(value);
            }
        }
    }
}
