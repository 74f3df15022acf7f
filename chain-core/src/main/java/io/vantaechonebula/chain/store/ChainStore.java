package io.vantaechonebula.chain.store;

import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.state.AccountView;
import io.vantaechonebula.chain.state.BlockUndo;
import java.util.Optional;

/**
 * Where a chain keeps what it knows. Accounts read through it are the main chain's state at its
 * head. Implementations apply a {@link ChainCommit} atomically and durably.
 */
public interface ChainStore extends AccountView {

    Optional<StoredBlock> block(Hash hash);

    Optional<Hash> mainChainHash(long height);

    Optional<Hash> headHash();

    Optional<BlockUndo> undo(Hash blockHash);

    /** The main-chain block that includes the transaction, if one does. */
    Optional<Hash> blockOfTransaction(Hash transactionId);

    void commit(ChainCommit commit);
}
