package io.vantaechonebula.node.api;

import io.vantaechonebula.analysis.tx.TransactionScore;
import io.vantaechonebula.chain.tx.Transaction;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transactions scored by the Transaction Analyzer after their chain's recent history on this node.
 *
 * @param learntFrom per chain id, in the order the transactions named them, the chain's transactions the analyzer read first (absent: this node does not run that chain)
 */
public record TransactionsAssessment(List<Assessed> assessed, Map<String, Integer> learntFrom) {

    public TransactionsAssessment {
        assessed = List.copyOf(assessed);
        learntFrom = Collections.unmodifiableMap(new LinkedHashMap<>(learntFrom));
    }

    /** One transaction's verdict; {@code score} is empty when its signature does not verify. */
    public record Assessed(Transaction transaction, Optional<TransactionScore> score) {
    }
}
