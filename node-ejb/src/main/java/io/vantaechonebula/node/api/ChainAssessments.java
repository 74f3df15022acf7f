package io.vantaechonebula.node.api;

import io.vantaechonebula.chain.tx.Transaction;
import jakarta.ejb.Local;
import java.util.List;

/**
 * Transactions and blocks scored as the nodes' Transaction Analyzer would (docs/analysis.md), without teaching
 * the node anything: for {@code POST /api/v1/ai/process}.
 */
@Local
public interface ChainAssessments {

    /** The most transactions one request may have scored. */
    int MAX_TRANSACTIONS = 1_000;

    /** @param atMs when the transactions were seen */
    TransactionsAssessment transactions(List<Transaction> transactions, long atMs);

    /**
     * @param chainId null where neither the block nor its transactions say
     */
    BlockAssessment block(String chainId, long height, String miner, long timestampMs, List<Transaction> transactions);
}
