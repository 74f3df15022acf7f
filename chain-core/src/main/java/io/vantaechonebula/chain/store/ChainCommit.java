package io.vantaechonebula.chain.store;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.state.BlockUndo;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One change to the chain, which a store applies all or nothing: a crash leaves either the state
 * before it or the state after it, never a block half applied.
 *
 * @param added        blocks new to the store
 * @param statuses     new statuses of blocks already stored
 * @param disconnected main-chain blocks that leave the main chain, newest first
 * @param connected    blocks that join the main chain, oldest first
 * @param accounts     account values after the change
 * @param undos        undo records of the connected blocks
 * @param newHead      the main chain's new head, if it changes
 */
public record ChainCommit(List<StoredBlock> added, Map<Hash, BlockStatus> statuses, List<Block> disconnected,
                          List<Block> connected, Map<Address, Account> accounts, Map<Hash, BlockUndo> undos,
                          Optional<Hash> newHead) {

    public ChainCommit {
        added = List.copyOf(added);
        statuses = Map.copyOf(statuses);
        disconnected = List.copyOf(disconnected);
        connected = List.copyOf(connected);
        accounts = Map.copyOf(accounts);
        undos = Map.copyOf(undos);
    }

    public static ChainCommit storeOnly(StoredBlock block) {
        return new ChainCommit(List.of(block), Map.of(), List.of(), List.of(), Map.of(), Map.of(), Optional.empty());
    }
}
