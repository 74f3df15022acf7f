package io.vantaechonebula.chain.store;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Hash;
import java.math.BigInteger;

/**
 * A block as the store keeps it, with what the chain derived from it.
 *
 * @param cumulativeWork  the work of the chain from genesis up to and including this block
 * @param effectiveTimeMs the effective time the difficulty rule uses (docs/chain-spec.md §4)
 */
public record StoredBlock(Block block, BigInteger cumulativeWork, long effectiveTimeMs, BlockStatus status) {

    public Hash hash() {
        return block.hash();
    }

    public long height() {
        return block.height();
    }

    public StoredBlock withStatus(BlockStatus newStatus) {
        return new StoredBlock(block, cumulativeWork, effectiveTimeMs, newStatus);
    }
}
