package io.vantaechonebula.chain.store;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.state.AccountView;
import io.vantaechonebula.chain.state.BlockUndo;
import java.util.Map;
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

    /** The head state's accounts that have a stake or an exit under way: where validator sets come from. */
    Map<Address, Account> stakedAccounts();

    /** The highest final block, if any is. */
    Optional<FinalBlock> finalBlock();

    /** The certificate stored with a block that was made final by one (FN3). */
    Optional<byte[]> certificate(Hash blockHash);

    /** Records a block as the highest final one, with its certificate; durably, on its own. */
    void markFinal(FinalBlock block);

    /** The bytes the stored blocks take as encoded, headers and transactions: what a storage limit counts. */
    long bodyBytes();

    /**
     * Drops the transactions of up to {@code maxBlocks} main-chain blocks below {@code belowHeight}, oldest
     * first from height 1, keeping their headers, state and undo records; in one commit.
     *
     * @return how many blocks it pruned; 0 once every block below the height is pruned
     */
    int pruneBodies(long belowHeight, int maxBlocks);

    /**
     * Whether the block's transactions were dropped to keep the store within its storage limit, leaving its
     * header: such a block still counts in the chain, but is not served to peers, who could not check it.
     */
    boolean isPruned(Hash hash);
}
