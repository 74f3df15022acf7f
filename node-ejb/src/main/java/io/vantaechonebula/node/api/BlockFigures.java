package io.vantaechonebula.node.api;

/**
 * What a block is against its chain's recent blocks on this node.
 *
 * @param chainId    null where neither the block nor its transactions say
 * @param chainKnown whether this node runs the chain, so the figures compare it with history
 */
public record BlockFigures(String chainId, boolean chainKnown, long height, String miner, int transactions, long volume,
                           long fees, Long intervalMs, Double usualIntervalMs, Long targetIntervalMs, Double minerShare,
                           int recentBlocks) {
}
