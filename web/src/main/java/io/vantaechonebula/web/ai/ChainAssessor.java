package io.vantaechonebula.web.ai;

import io.vantaechonebula.analysis.tx.TransactionAnalyzer;
import io.vantaechonebula.analysis.tx.TransactionScore;
import io.vantaechonebula.chain.json.TransactionJson;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.node.api.ChainOperations;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.FieldError;
import io.vantaechonebula.telemetry.InvalidTelemetryException;
import jakarta.json.JsonArray;
import jakarta.json.JsonValue;
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
    static final int MAX_TRANSACTIONS = 1_000;

    /** One transaction's verdict; {@code score} is empty when its signature does not verify. */
    record Assessed(Transaction transaction, Optional<TransactionScore> score) {
    }

    /** @param learntFrom per chain id, the chain's transactions the analyzer read first (absent: this server does not run that chain) */
    record Transactions(List<Assessed> assessed, Map<String, Integer> learntFrom) {
    }

    /** What a block is against the chain's recent blocks on this server. */
    record BlockFigures(String chainId, boolean chainKnown, long height, String miner, int transactions, long volume, long fees, Long intervalMs,
                        Double usualIntervalMs, Long targetIntervalMs, Double minerShare, int recentBlocks) {
    }

    private final ChainOperations chains;
    /** Read once per chain and height for the request this assessor serves: a block's history and figures share it. */
    private final Map<String, List<StoredBlock>> recentBlocks = new HashMap<>();

    ChainAssessor(ChainOperations chains) {
        this.chains = chains;
    }

    static List<Transaction> parse(JsonArray array, String path) throws InvalidTelemetryException {
        if (array.isEmpty() || array.size() > MAX_TRANSACTIONS) {
            throw new InvalidTelemetryException(path, "holds " + array.size() + " transactions; send 1 to " + MAX_TRANSACTIONS);
        }
        List<Transaction> transactions = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonValue item = array.get(i);
            if (item.getValueType() != JsonValue.ValueType.OBJECT) {
                errors.add(new FieldError(path + "[" + i + "]", "must be a transaction object"));
                continue;
            }
            try {
                transactions.add(TransactionJson.parse(item.asJsonObject()));
            } catch (InvalidTransactionException e) {
                errors.add(new FieldError(path + "[" + i + "]", e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidTelemetryException(errors);
        }
        return transactions;
    }

    /**
     * @param atMs        when the transactions were seen
     * @param belowHeight the chain history read first stops below this height (a block's own, so it is not its own history)
     */
    Transactions assess(List<Transaction> transactions, long atMs, long belowHeight) {
        TransactionAnalyzer analyzer = new TransactionAnalyzer();
        Map<String, Integer> learntFrom = new LinkedHashMap<>();
        for (Transaction transaction : transactions) {
            if (!learntFrom.containsKey(transaction.chainId())) {
                chains.nameOf(transaction.chainId()).ifPresent(chain -> learntFrom.put(transaction.chainId(),
                        readHistory(analyzer, recentBlocks(chain, belowHeight))));
            }
        }
        List<Assessed> assessed = new ArrayList<>();
        for (Transaction transaction : transactions) {
            // As the nodes do: a forged transaction says nothing of the sender it names.
            assessed.add(new Assessed(transaction, transaction.hasValidSignature()
                    ? Optional.of(analyzer.analyse(transaction, atMs)) : Optional.empty()));
        }
        return new Transactions(assessed, learntFrom);
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
