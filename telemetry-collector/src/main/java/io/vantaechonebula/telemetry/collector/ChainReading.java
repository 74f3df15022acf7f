package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.analysis.tx.WatchReport;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.RefusedForks;
import java.util.List;
import java.util.Optional;

/**
 * What a node's chain did since the previous reading.
 *
 * @param hashRate            hashes per second this node's miners tried on the chain lately
 * @param blocks              the blocks it took onto its main chain since, oldest first (where the node reads them)
 * @param transactionAnalysis what the node's Transaction Analyzer saw, where it runs one (simple nodes)
 * @param refusedForks        the side blocks the chain refused since, if any (F6)
 * @param sync                whether the chain is syncing from peers and how far behind the best of them it is, where the
 *                            node syncs from peers
 */
public record ChainReading(String chainId, long height, long blocksInInterval, long transactionsInInterval,
                           double hashRate, List<BlockRecord> blocks, Optional<WatchReport> transactionAnalysis,
                           Optional<RefusedForks> refusedForks, Optional<Sync> sync) {

    /** The chain's sync status, as a sample's {@code sync_status} carries it. */
    public record Sync(boolean syncing, long blocksBehind) {
    }

    public ChainReading {
        blocks = List.copyOf(blocks);
    }

    public ChainReading(String chainId, long height, long blocksInInterval, long transactionsInInterval, double hashRate) {
        this(chainId, height, blocksInInterval, transactionsInInterval, hashRate, List.of(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }

    public ChainReading withBlocks(List<BlockRecord> newBlocks) {
        return new ChainReading(chainId, height, blocksInInterval, transactionsInInterval, hashRate, newBlocks, transactionAnalysis,
                refusedForks, sync);
    }

    public ChainReading withAnalysis(WatchReport report) {
        return new ChainReading(chainId, height, blocksInInterval, transactionsInInterval, hashRate, blocks, Optional.of(report),
                refusedForks, sync);
    }

    public ChainReading withRefusedForks(Optional<RefusedForks> refused) {
        return new ChainReading(chainId, height, blocksInInterval, transactionsInInterval, hashRate, blocks, transactionAnalysis,
                refused, sync);
    }

    public ChainReading withSync(Optional<Sync> status) {
        return new ChainReading(chainId, height, blocksInInterval, transactionsInInterval, hashRate, blocks, transactionAnalysis,
                refusedForks, status);
    }
}
