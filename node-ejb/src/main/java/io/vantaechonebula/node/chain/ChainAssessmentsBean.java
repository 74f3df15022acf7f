package io.vantaechonebula.node.chain;

import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.api.BlockAssessment;
import io.vantaechonebula.node.api.BlockFigures;
import io.vantaechonebula.node.api.ChainAssessments;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.api.TransactionsAssessment;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.List;

/** {@link ChainAssessments} by a {@link ChainAssessor} per request, over the node's chains as they stand. */
@Stateless
@TransactionManagement(TransactionManagementType.BEAN)
public class ChainAssessmentsBean implements ChainAssessments {

    @EJB
    private ChainOperations chains;

    @Override
    public TransactionsAssessment transactions(List<Transaction> transactions, long atMs) {
        return new ChainAssessor(chains).assess(transactions, atMs, Long.MAX_VALUE);
    }

    @Override
    public BlockAssessment block(String chainId, long height, String miner, long timestampMs, List<Transaction> transactions) {
        ChainAssessor assessor = new ChainAssessor(chains);
        // The transactions first: the figures then read the same recent blocks again from the assessor's cache.
        TransactionsAssessment scored = assessor.assess(transactions, timestampMs, height);
        BlockFigures figures = assessor.block(chainId, height, miner, timestampMs, transactions);
        return new BlockAssessment(figures, scored);
    }
}
