package io.vantaechonebula.node.running;

import io.vantaechonebula.chain.crypto.Hash;
import java.util.Optional;

/**
 * Where a transaction is: waiting in the mempool, included in a main-chain block, or refused.
 *
 * @param confirmations for an included transaction: 1 in the head block, 2 one block below, …
 */
public record TransactionStatus(Hash id, State state, Optional<Hash> blockHash, Optional<Long> height,
                                Optional<Long> confirmations, Optional<String> reason) {

    public enum State { PENDING, INCLUDED, REJECTED }

    static TransactionStatus pending(Hash id) {
        return new TransactionStatus(id, State.PENDING, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    static TransactionStatus included(Hash id, Hash block, long height, long headHeight) {
        return new TransactionStatus(id, State.INCLUDED, Optional.of(block), Optional.of(height),
                Optional.of(headHeight - height + 1), Optional.empty());
    }

    static TransactionStatus rejected(Hash id, String reason) {
        return new TransactionStatus(id, State.REJECTED, Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(reason));
    }
}
