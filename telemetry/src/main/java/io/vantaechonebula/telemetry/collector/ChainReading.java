package io.vantaechonebula.telemetry.collector;

import io.vantaechonebula.analysis.tx.WatchReport;
import java.util.Optional;

/**
 * What a node's chain did since the previous reading.
 *
 * @param hashRate            hashes per second this node's miners tried on the chain lately
 * @param transactionAnalysis what the node's Transaction Analyzer saw, where it runs one (simple nodes)
 */
public record ChainReading(String chainId, long height, long blocksInInterval, long transactionsInInterval,
                           double hashRate, Optional<WatchReport> transactionAnalysis) {

    public ChainReading(String chainId, long height, long blocksInInterval, long transactionsInInterval, double hashRate) {
        this(chainId, height, blocksInInterval, transactionsInInterval, hashRate, Optional.empty());
    }

    public ChainReading withAnalysis(WatchReport report) {
        return new ChainReading(chainId, height, blocksInInterval, transactionsInInterval, hashRate, Optional.of(report));
    }
}
