package io.vantaechonebula.chain.store;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.state.BlockUndo;
import io.vantaechonebula.chain.tx.Transaction;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** A store in memory: for tests and simulations. Commits are atomic because they are applied under one lock. */
public final class InMemoryChainStore implements ChainStore {

    private final Map<Hash, StoredBlock> blocks = new HashMap<>();
    private final Map<Long, Hash> mainChain = new HashMap<>();
    private final Map<Address, Account> accounts = new HashMap<>();
    private final Map<Hash, BlockUndo> undos = new HashMap<>();
    private final Map<Hash, Hash> transactionBlocks = new HashMap<>();
    private final Map<Hash, byte[]> certificates = new HashMap<>();
    private final Set<Hash> pruned = new HashSet<>();
    private long pruneFrom = 1;
    private Hash head;
    private FinalBlock finalBlock;

    @Override
    public synchronized Account account(Address address) {
        return accounts.getOrDefault(address, Account.EMPTY);
    }

    @Override
    public synchronized Optional<StoredBlock> block(Hash hash) {
        return Optional.ofNullable(blocks.get(hash));
    }

    @Override
    public synchronized Optional<Hash> mainChainHash(long height) {
        return Optional.ofNullable(mainChain.get(height));
    }

    @Override
    public synchronized Optional<Hash> headHash() {
        return Optional.ofNullable(head);
    }

    @Override
    public synchronized Optional<BlockUndo> undo(Hash blockHash) {
        return Optional.ofNullable(undos.get(blockHash));
    }

    @Override
    public synchronized Optional<Hash> blockOfTransaction(Hash transactionId) {
        return Optional.ofNullable(transactionBlocks.get(transactionId));
    }

    @Override
    public synchronized void commit(ChainCommit commit) {
        commit.added().forEach(block -> blocks.put(block.hash(), block));
        commit.statuses().forEach((hash, status) -> blocks.computeIfPresent(hash, (h, block) -> block.withStatus(status)));
        for (Block block : commit.disconnected()) {
            mainChain.remove(block.height());
            block.transactions().forEach(tx -> transactionBlocks.remove(tx.id()));
        }
        for (Block block : commit.connected()) {
            mainChain.put(block.height(), block.hash());
            for (Transaction tx : block.transactions()) {
                transactionBlocks.put(tx.id(), block.hash());
            }
        }
        commit.accounts().forEach((address, account) -> {
            if (account.isEmpty()) {
                accounts.remove(address);
            } else {
                accounts.put(address, account);
            }
        });
        undos.putAll(commit.undos());
        commit.newHead().ifPresent(hash -> head = hash);
    }

    @Override
    public synchronized Map<Address, Account> stakedAccounts() {
        Map<Address, Account> staked = new HashMap<>();
        accounts.forEach((address, account) -> {
            if (account.hasStakeState()) {
                staked.put(address, account);
            }
        });
        return staked;
    }

    @Override
    public synchronized Optional<FinalBlock> finalBlock() {
        return Optional.ofNullable(finalBlock);
    }

    @Override
    public synchronized Optional<byte[]> certificate(Hash blockHash) {
        return Optional.ofNullable(certificates.get(blockHash)).map(byte[]::clone);
    }

    @Override
    public synchronized void markFinal(FinalBlock block) {
        finalBlock = block;
        certificates.put(block.hash(), block.certificate());
    }

    @Override
    public synchronized long bodyBytes() {
        return blocks.values().stream().mapToLong(stored -> stored.block().encode().length).sum();
    }

    @Override
    public synchronized int pruneBodies(long belowHeight, int maxBlocks) {
        int count = 0;
        for (; pruneFrom < belowHeight && count < maxBlocks; pruneFrom++) {
            Hash hash = mainChain.get(pruneFrom);
            if (hash == null) {
                break;
            }
            StoredBlock stored = blocks.get(hash);
            Block headerOnly = new Block(stored.block().header(), List.of());
            blocks.put(hash, new StoredBlock(headerOnly, stored.cumulativeWork(), stored.effectiveTimeMs(), stored.status()));
            pruned.add(hash);
            count++;
        }
        return count;
    }

    @Override
    public synchronized boolean isPruned(Hash hash) {
        return pruned.contains(hash);
    }
}
