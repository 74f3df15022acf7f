package io.vantaechonebula.telemetry.collector;

/**
 * What a node's chain did since the previous reading.
 *
 * @param hashRate hashes per second this node's miners tried on the chain lately
 */
public record ChainReading(String chainId, long height, long blocksInInterval, long transactionsInInterval,
                           double hashRate) {
}
