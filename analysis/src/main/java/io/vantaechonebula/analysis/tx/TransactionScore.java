package io.vantaechonebula.analysis.tx;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.p2p.alert.Reason;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The analyzer's verdict on one transaction.
 *
 * @param score     the highest finding's score, 0 with none: how unusual the transaction is, in [0, 1]
 * @param findings  every reason it looks unusual, most sure first (empty for an ordinary transaction)
 * @param anomalous whether the score reaches {@link TransactionAnalyzer#ANOMALY_SCORE}
 */
public record TransactionScore(TransactionFeatures features, double score, List<Finding> findings, boolean anomalous) {

    public TransactionScore {
        findings = List.copyOf(findings);
    }

    public Set<Reason> reasons() {
        return findings.stream().map(Finding::reason).collect(Collectors.toUnmodifiableSet());
    }

    /** The findings in one line, for logs and alerts. */
    public String explanation() {
        return findings.isEmpty() ? "nothing unusual"
                : findings.stream().map(finding -> finding.reason().code() + ": " + finding.detail())
                        .collect(Collectors.joining("; "));
    }

    /** The alert for this score, signed by the node key; only an anomalous score is raised. */
    public TransactionAlert alert(Ed25519PrivateKey nodeKey, long nowMs) {
        if (!anomalous) {
            throw new IllegalArgumentException("transaction " + features.transactionId() + " is not anomalous");
        }
        return TransactionAlert.signed(nodeKey, features.chainId(), features.transactionId(), features.sender(), score,
                findings.stream().map(Finding::reason).toList(), explanation(), nowMs);
    }
}
