package io.vantaechonebula.node.running;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.tx.Transaction;

/**
 * What a chain tells its listener: a transaction offered to its mempool (before the mempool decides),
 * a transaction its mempool took, a block it stored as valid.
 */
public interface ChainEvents {

    ChainEvents NONE = new ChainEvents() {
        @Override
        public void blockTaken(ChainParams chain, Block block) {
        }

        @Override
        public void transactionTaken(ChainParams chain, Transaction transaction) {
        }
    };

    default void transactionOffered(ChainParams chain, Transaction transaction) {
    }

    void blockTaken(ChainParams chain, Block block);

    void transactionTaken(ChainParams chain, Transaction transaction);
}
