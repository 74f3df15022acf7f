package io.vantaechonebula.node.chain.store;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.state.Account;
import io.vantaechonebula.chain.state.BlockUndo;
import io.vantaechonebula.chain.store.BlockStatus;
import io.vantaechonebula.chain.store.ChainCommit;
import io.vantaechonebula.chain.store.ChainStore;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The chain's store in the application's database. The caller runs {@link #commit} inside one
 * JTA transaction, so a block's effects land together or not at all, even on {@code kill -9}.
 */
public final class JpaChainStore implements ChainStore {

    /**
     * Full blocks kept decoded. Looking a transaction up reads its block, so a block larger than
     * the cache would be decoded again on every lookup.
     */
    private static final int FULL_BLOCKS_DECODED = 2;

    private final EntityManager em;
    private final String chain;
    private final int maxTransactionsPerBlock;
    /** Blocks never change once stored (only their status does), so decoded ones are kept. */
    private final DecodedBlocks decoded;

    public JpaChainStore(EntityManager em, String chain, int maxTransactionsPerBlock) {
        this.em = em;
        this.chain = chain;
        this.maxTransactionsPerBlock = maxTransactionsPerBlock;
        this.decoded = new DecodedBlocks(FULL_BLOCKS_DECODED * maxTransactionsPerBlock);
    }

    @Override
    public Account account(Address address) {
        AccountRecord record = em.find(AccountRecord.class, new ChainKey(chain, address.hex()));
        return record == null ? Account.EMPTY : new Account(record.balance, record.nonce);
    }

    @Override
    public Optional<StoredBlock> block(Hash hash) {
        return Optional.ofNullable(em.find(BlockRecord.class, new ChainKey(chain, hash.toString()))).map(this::toStored);
    }

    @Override
    public Optional<Hash> mainChainHash(long height) {
        return Optional.ofNullable(em.find(MainChainRecord.class, new ChainKey(chain, Long.toString(height))))
                .map(record -> Hash.fromHex(record.blockHash));
    }

    @Override
    public Optional<Hash> headHash() {
        return Optional.ofNullable(em.find(HeadRecord.class, chain)).map(record -> Hash.fromHex(record.blockHash));
    }

    @Override
    public Optional<BlockUndo> undo(Hash blockHash) {
        BlockRecord record = em.find(BlockRecord.class, new ChainKey(chain, blockHash.toString()));
        if (record == null || record.undo == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(BlockUndo.decode(record.undo));
        } catch (MalformedEncodingException e) {
            throw new IllegalStateException("The undo record of block " + blockHash + " on " + chain + " is damaged: " + e.getMessage(), e);
        }
    }

    @Override
    public Optional<Hash> blockOfTransaction(Hash transactionId) {
        return Optional.ofNullable(em.find(TransactionRecord.class, new ChainKey(chain, transactionId.toString())))
                .map(record -> Hash.fromHex(record.blockHash));
    }

    @Override
    public void commit(ChainCommit commit) {
        for (StoredBlock stored : commit.added()) {
            em.persist(new BlockRecord(chain, stored.hash().toString(), stored.height(), stored.status().name(),
                    stored.cumulativeWork().toString(), stored.effectiveTimeMs(), stored.block().encode()));
        }
        commit.statuses().forEach((hash, status) -> blockRecord(hash).changeStatus(status.name()));
        for (Block block : commit.disconnected()) {
            MainChainRecord main = em.find(MainChainRecord.class, new ChainKey(chain, Long.toString(block.height())));
            if (main != null) {
                em.remove(main);
            }
            for (Transaction tx : block.transactions()) {
                TransactionRecord indexed = em.find(TransactionRecord.class, new ChainKey(chain, tx.id().toString()));
                if (indexed != null) {
                    em.remove(indexed);
                }
            }
        }
        // Removals first, so a height or transaction that leaves and rejoins is inserted anew.
        em.flush();
        for (Block block : commit.connected()) {
            em.persist(new MainChainRecord(chain, block.height(), block.hash().toString()));
            for (Transaction tx : block.transactions()) {
                em.persist(new TransactionRecord(chain, tx.id().toString(), block.hash().toString()));
            }
        }
        commit.accounts().forEach((address, account) -> {
            AccountRecord record = em.find(AccountRecord.class, new ChainKey(chain, address.hex()));
            if (record == null) {
                record = new AccountRecord(chain, address.hex());
                em.persist(record);
            }
            record.set(account.balance(), account.nonce());
        });
        commit.undos().forEach((hash, undo) -> blockRecord(hash).keepUndo(undo.encode()));
        commit.newHead().ifPresent(hash -> {
            HeadRecord head = em.find(HeadRecord.class, chain);
            if (head == null) {
                em.persist(new HeadRecord(chain, hash.toString()));
            } else {
                head.pointTo(hash.toString());
            }
        });
    }

    private BlockRecord blockRecord(Hash hash) {
        BlockRecord record = em.find(BlockRecord.class, new ChainKey(chain, hash.toString()));
        if (record == null) {
            throw new IllegalStateException("block " + hash + " of " + chain + " is not stored");
        }
        return record;
    }

    private StoredBlock toStored(BlockRecord record) {
        Block block = decoded.get(record.id);
        if (block == null) {
            try {
                block = Block.decode(record.encoded, maxTransactionsPerBlock);
            } catch (MalformedEncodingException e) {
                throw new IllegalStateException("Stored block " + record.id + " of " + chain + " does not decode: " + e.getMessage(), e);
            }
            decoded.put(record.id, block);
        }
        return new StoredBlock(block, new BigInteger(record.cumulativeWork), record.effectiveTimeMs, BlockStatus.valueOf(record.status));
    }
}
