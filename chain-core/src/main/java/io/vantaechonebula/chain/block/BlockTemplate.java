package io.vantaechonebula.chain.block;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.tx.Transaction;
import java.util.List;
import java.util.Map;

/**
 * A block ready to mine: the header needs only a nonce that meets its target.
 *
 * @param skipped candidates left out, with the reason each was refused
 */
public record BlockTemplate(BlockHeader header, List<Transaction> transactions, Map<Transaction, String> skipped) {

    public Block withNonce(long nonce) {
        return new Block(header.withNonce(nonce), transactions);
    }

    /**
     * The same block stamped with a later time. Neither the target nor the roots depend on the
     * timestamp, so a miner can keep its time current without building the template again.
     */
    public BlockTemplate retimed(long nowMs) {
        return nowMs <= header.timestampMs() ? this : new BlockTemplate(header.withTimestamp(nowMs), transactions, skipped);
    }
}
