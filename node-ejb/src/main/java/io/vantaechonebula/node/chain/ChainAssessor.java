package io.vantaechonebula.node.chain;

import io.vantaechonebula.analysis.tx.TransactionAnalyzer;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.api.BlockFigures;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.node.api.TransactionsAssessment;
import io.vantaechonebula.telemetry.BlockRecord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Transactions and blocks scored by the Transaction Analyzer that nodes run (docs/analysis.md),
 * without teaching the node anything: for each chain a fresh analyzer first reads the chain's
 * recent transactions from this server's copy of it (the last {@value #HISTORY_BLOCKS} blocks, at
 * most {@value #HISTORY_TRANSACTIONS} transactions), then scores the given ones in order, and is dropped.
 */
final class ChainAssessor {

    static final int HISTORY_BLOCKS = 200;
    static final int HISTORY_TRANSACTIONS = 2_000;

    private final ChainOperations chains;
    /** Read once per chain and height for the request this assessor serves: a block's history and figures share it. */
    private final Map<String, List<StoredBlock>> recentBlocks = new HashMap<>();

    ChainAssessor(ChainOperations chains) {
        this.chains = chains;
    }

    /**
     * @param atMs        when the transactions were seen
     * @param belowHeight the chain history read first stops below this height (a block's own, so it is not its own history)
     */
    TransactionsAssessment assess(List<Transaction> transactions, long atMs, long belowHeight) {
        TransactionAnalyzer analyzer = new TransactionAnalyzer();
        Map<String, Integer> learntFrom = new LinkedHashMap<>();
        for (Transaction transaction : transactions) {
            if (!learntFrom.containsKey(transaction.chainId())) {
                chains.nameOf(transaction.chainId()).ifPresent(chain -> learntFrom.put(transaction.chainId(),
                        readHistory(analyzer, recentBlocks(chain, belowHeight))));
            }
        }
        List<TransactionsAssessment.Assessed> assessed = new ArrayList<>();
        for (Transaction transaction : transactions) {
            // As the nodes do: a forged transaction says nothing of the sender it names.
            assessed.add(new TransactionsAssessment.Assessed(transaction, transaction.hasValidSignature()
                    ? Optional.of(analyzer.analyse(transaction, atMs)) : Optional.empty()));
        }
        return new TransactionsAssessment(assessed, learntFrom);
    }

    /** @param chainId null where neither the block nor its transactions say */
    BlockFigures block(String chainId, long height, String miner, long timestampMs, List<Transaction> transactions) {
        long volume = BlockRecord.volume(transactions);
        long fees = BlockRecord.fees(transactions);
        Optional<String> chain = chainId == null ? Optional.empty() : chains.nameOf(chainId);
        List<StoredBlock> recent = chain.map(c -> recentBlocks(c, height)).orElse(List.of());
        Long parentTime = chain.isPresent() && height > 0
                ? chains.blockAt(chain.get(), height - 1).map(b -> b.block().header().timestampMs()).orElse(null) : null;
        Double usualInterval = medianInterval(recent);
        Double minerShare = recent.isEmpty() ? null
                : (double) recent.stream().filter(b -> b.block().header().miner().hex().equals(miner)).count() / recent.size();
        return new BlockFigures(chainId, chain.isPresent(), height, miner, transactions.size(), volume, fees,
                parentTime == null ? null : timestampMs - parentTime, usualInterval,
                chain.map(name -> chains.params(name).targetBlockTimeMs()).orElse(null), minerShare, recent.size());
    }

    /** The median gap between consecutive blocks: a node that was down for a day does not make every block look fast. */
    static Double medianInterval(List<StoredBlock> blocks) {
        if (blocks.size() < 2) {
            return null;
        }
        long[] gaps = new long[blocks.size() - 1];
        for (int i = 1; i < blocks.size(); i++) {
            gaps[i - 1] = blocks.get(i).block().header().timestampMs() - blocks.get(i - 1).block().header().timestampMs();
        }
        java.util.Arrays.sort(gaps);
        int middle = gaps.length / 2;
        return gaps.length % 2 == 1 ? gaps[middle] : (gaps[middle - 1] + gaps[middle]) / 2.0;
    }

    private static int readHistory(TransactionAnalyzer analyzer, List<StoredBlock> blocks) {
        List<Transaction> history = new ArrayList<>();
        List<Long> times = new ArrayList<>();
        for (StoredBlock block : blocks) {
            for (Transaction transaction : block.block().transactions()) {
                history.add(transaction);
                times.add(block.block().header().timestampMs());
            }
        }
        int from = Math.max(0, history.size() - HISTORY_TRANSACTIONS);
        for (int i = from; i < history.size(); i++) {
            analyzer.analyse(history.get(i), times.get(i));
        }
        return history.size() - from;
    }

    /** The main chain's last blocks below a height, oldest first. */
    private List<StoredBlock> recentBlocks(String chain, long belowHeight) {
        return recentBlocks.computeIfAbsent(chain + "@" + belowHeight, any -> {
            long top = Math.min(chains.head(chain).height(), belowHeight - 1);
            return top < 0 ? List.of()
                    : chains.mainChain(chain, Math.max(0, top - HISTORY_BLOCKS + 1), (int) Math.min(HISTORY_BLOCKS, top + 1));
        });
    }
}
