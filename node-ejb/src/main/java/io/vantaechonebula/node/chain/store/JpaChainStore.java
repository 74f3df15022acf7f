package io.vantaechonebula.node.chain.store;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.state.BlockUndo;
import io.vantaechonebula.chain.store.BlockStatus;
import io.vantaechonebula.chain.store.ChainCommit;
import io.vantaechonebula.chain.store.ChainStore;
import io.vantaechonebula.chain.store.DecodedBlocks;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.Transaction;
import jakarta.persistence.EntityManager;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The chain's store in the application's database. The caller runs {@link #commit} inside one
 * JTA transaction, so a block's effects land together or not at all, even on {@code kill -9}.
 *
 * <p>The transaction index (which block holds a transaction) is written behind the chain by
 * {@link #indexNext}, as Bitcoin Core builds its txindex: one row per transaction costs far more
 * than the rest of a block's import, and the index is derived data. Lookups read the index up to
 * its height and search the few main-chain blocks above it.
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
    /** Blocks never change once stored (only their status, and a pruned one its body), so decoded ones are kept. */
    private final DecodedBlocks decoded;
    /** The bytes the stored blocks take: summed once from the table, then counted as blocks come and go. */
    private final AtomicLong storedBytes = new AtomicLong(-1);

    public JpaChainStore(EntityManager em, String chain, int maxTransactionsPerBlock) {
        this.em = em;
        this.chain = chain;
        this.maxTransactionsPerBlock = maxTransactionsPerBlock;
        this.decoded = new DecodedBlocks(FULL_BLOCKS_DECODED * maxTransactionsPerBlock);
    }

    @Override
    public Account account(Address address) {
        AccountRecord record = em.find(AccountRecord.class, new ChainKey(chain, address.hex()));
        return record == null ? Account.EMPTY : record.account();
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
        // The index's height is read before the index: read after, a block indexed in between would be in
        // neither the candidates nor the blocks scanned, and its transaction unknown for an instant.
        long indexed = indexedHeight();
        List<Long> candidates = em.createQuery("SELECT k.height FROM TransactionKeyRecord k"
                        + " WHERE k.chain = :chain AND k.idPrefix = :prefix", Long.class)
                .setParameter("chain", chain).setParameter("prefix", TransactionKeyRecord.prefixOf(transactionId))
                .getResultList();
        for (long height : candidates) {
            Optional<Hash> holding = mainChainBlockHolding(height, transactionId);
            if (holding.isPresent()) {
                return holding;
            }
        }
        long head = headHeight();
        for (long height = indexed + 1; height <= head; height++) {
            Optional<Hash> holding = mainChainBlockHolding(height, transactionId);
            if (holding.isPresent()) {
                return holding;
            }
        }
        return Optional.empty();
    }

    private Optional<Hash> mainChainBlockHolding(long height, Hash transactionId) {
        return mainChainHash(height).flatMap(this::block)
                .filter(stored -> stored.block().transactions().stream().anyMatch(tx -> tx.id().equals(transactionId)))
                .map(StoredBlock::hash);
    }

    /** The main-chain height up to which every transaction is in the index. */
    public long indexedHeight() {
        TransactionIndexRecord progress = em.find(TransactionIndexRecord.class, chain);
        return progress != null ? progress.indexedHeight : -1;
    }

    /**
     * Indexes up to {@code maxTransactions} transactions of the main-chain blocks above the
     * index's height, in chain order; a large block may take several calls. Run it inside a
     * transaction, with no block import running at the same time.
     *
     * @return whether the index moved
     */
    public boolean indexNext(int maxTransactions) {
        TransactionIndexRecord progress = progress();
        long head = headHeight();
        long height = progress.indexedHeight;
        int done = progress.nextBlockDone;
        int written = 0;
        while (height < head && written < maxTransactions) {
            long next = height + 1;
            Block block = mainChainHash(next).flatMap(this::block).orElseThrow(() -> new IllegalStateException(
                    "main-chain block " + next + " of " + chain + " is not stored")).block();
            List<Transaction> transactions = block.transactions();
            int until = (int) Math.min(transactions.size(), (long) done + maxTransactions - written);
            // Two ids of one block that share a prefix share a row.
            Set<Long> prefixes = prefixes(transactions.subList(0, done));
            for (Transaction tx : transactions.subList(done, until)) {
                long prefix = TransactionKeyRecord.prefixOf(tx.id());
                if (prefixes.add(prefix)) {
                    em.persist(new TransactionKeyRecord(chain, prefix, next));
                }
            }
            written += until - done;
            if (until < transactions.size()) {
                done = until;
                break;
            }
            height = next;
            done = 0;
        }
        boolean moved = height != progress.indexedHeight || done != progress.nextBlockDone;
        progress.moveTo(height, done);
        return moved;
    }

    private static Set<Long> prefixes(List<Transaction> transactions) {
        Set<Long> prefixes = new HashSet<>();
        transactions.forEach(tx -> prefixes.add(TransactionKeyRecord.prefixOf(tx.id())));
        return prefixes;
    }

    private TransactionIndexRecord progress() {
        TransactionIndexRecord progress = em.find(TransactionIndexRecord.class, chain);
        if (progress == null) {
            progress = new TransactionIndexRecord(chain, -1);
            em.persist(progress);
        }
        return progress;
    }

    private long headHeight() {
        return headHash().flatMap(this::block).map(StoredBlock::height).orElse(-1L);
    }

    @Override
    public void commit(ChainCommit commit) {
        for (StoredBlock stored : commit.added()) {
            byte[] encoded = stored.block().encode();
            em.persist(new BlockRecord(chain, stored.hash().toString(), stored.height(), stored.status().name(),
                    stored.cumulativeWork().toString(), stored.effectiveTimeMs(), encoded));
            storedBytes.getAndUpdate(bytes -> bytes < 0 ? bytes : bytes + encoded.length);
        }
        commit.statuses().forEach((hash, status) -> blockRecord(hash).changeStatus(status.name()));
        TransactionIndexRecord index = commit.disconnected().isEmpty() ? null : progress();
        for (Block block : commit.disconnected()) {
            MainChainRecord main = em.find(MainChainRecord.class, new ChainKey(chain, Long.toString(block.height())));
            if (main != null) {
                em.remove(main);
            }
            boolean hasRows = block.height() <= index.indexedHeight
                    || (block.height() == index.indexedHeight + 1 && index.nextBlockDone > 0);
            if (hasRows) {
                for (long prefix : prefixes(block.transactions())) {
                    TransactionKeyRecord indexed = em.find(TransactionKeyRecord.class,
                            new TransactionKeyRecord.Key(chain, prefix, block.height()));
                    if (indexed != null) {
                        em.remove(indexed);
                    }
                }
            }
        }
        if (index != null) {
            long lowest = commit.disconnected().stream().mapToLong(Block::height).min().orElseThrow();
            if (lowest <= index.indexedHeight + 1) {
                index.moveTo(Math.min(index.indexedHeight, lowest - 1), 0);
            }
        }
        // Removals first, so a height that leaves and rejoins is inserted anew.
        em.flush();
        for (Block block : commit.connected()) {
            em.persist(new MainChainRecord(chain, block.height(), block.hash().toString()));
        }
        commit.accounts().forEach((address, account) -> {
            AccountRecord record = em.find(AccountRecord.class, new ChainKey(chain, address.hex()));
            if (record == null) {
                record = new AccountRecord(chain, address.hex());
                em.persist(record);
            }
            record.set(account);
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

    @Override
    public Map<Address, Account> stakedAccounts() {
        Map<Address, Account> staked = new HashMap<>();
        em.createQuery("SELECT a FROM AccountRecord a WHERE a.chain = :chain AND (a.stake IS NOT NULL OR a.exitHeight IS NOT NULL)",
                        AccountRecord.class)
                .setParameter("chain", chain).getResultList()
                .forEach(record -> staked.put(new Address(record.id), record.account()));
        return staked;
    }

    @Override
    public Optional<FinalBlock> finalBlock() {
        HeadRecord head = em.find(HeadRecord.class, chain);
        if (head == null || head.finalHash == null) {
            return Optional.empty();
        }
        Hash hash = Hash.fromHex(head.finalHash);
        return Optional.of(new FinalBlock(hash, head.finalHeight, certificate(hash).orElse(new byte[0])));
    }

    @Override
    public Optional<byte[]> certificate(Hash blockHash) {
        BlockRecord record = em.find(BlockRecord.class, new ChainKey(chain, blockHash.toString()));
        return record == null ? Optional.empty() : Optional.ofNullable(record.certificate);
    }

    @Override
    public void markFinal(FinalBlock block) {
        blockRecord(block.hash()).keepCertificate(block.certificate());
        HeadRecord head = em.find(HeadRecord.class, chain);
        if (head == null) {
            throw new IllegalStateException("chain " + chain + " has no head to be final below");
        }
        head.finalAt(block.hash().toString(), block.height());
    }

    private BlockRecord blockRecord(Hash hash) {
        BlockRecord record = em.find(BlockRecord.class, new ChainKey(chain, hash.toString()));
        if (record == null) {
            throw new IllegalStateException("block " + hash + " of " + chain + " is not stored");
        }
        return record;
    }

    @Override
    public long bodyBytes() {
        long known = storedBytes.get();
        if (known >= 0) {
            return known;
        }
        Number summed = (Number) em.createNativeQuery("SELECT COALESCE(SUM(OCTET_LENGTH(encoded)), 0) FROM chain_block"
                + " WHERE chain = ?").setParameter(1, chain).getSingleResult();
        storedBytes.compareAndSet(-1, summed.longValue());
        return storedBytes.get();
    }

    @Override
    public int pruneBodies(long belowHeight, int maxBlocks) {
        Long lastPruned = em.createQuery("SELECT MAX(b.height) FROM BlockRecord b WHERE b.chain = :chain AND b.pruned = TRUE",
                Long.class).setParameter("chain", chain).getSingleResult();
        long bytes = bodyBytes();
        int count = 0;
        for (long height = Math.max(1, lastPruned == null ? 1 : lastPruned + 1); height < belowHeight && count < maxBlocks;
             height++) {
            Optional<Hash> hash = mainChainHash(height);
            if (hash.isEmpty()) {
                break;
            }
            BlockRecord record = blockRecord(hash.get());
            if (record.isPruned()) {
                continue;
            }
            Block block = toStored(record).block();
            byte[] headerOnly = new Block(block.header(), List.of()).encode();
            bytes -= record.encoded.length - headerOnly.length;
            record.pruneTo(headerOnly);
            decoded.put(record.id, new Block(block.header(), List.of()));
            count++;
        }
        storedBytes.set(bytes);
        return count;
    }

    @Override
    public boolean isPruned(Hash hash) {
        BlockRecord record = em.find(BlockRecord.class, new ChainKey(chain, hash.toString()));
        return record != null && record.isPruned();
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
