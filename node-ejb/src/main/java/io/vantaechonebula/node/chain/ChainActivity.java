package io.vantaechonebula.node.chain;

/**
 * What one chain of this node has done since the node started.
 *
 * @param hashRate hashes per second its miners tried lately
 */
public record ChainActivity(String chain, long height, long blocksImported, long transactionsImported, double hashRate) {
}
