package io.vantaechonebula.agent.light;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.pow.MiningTarget;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.LocalChains;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.telemetry.BlockRecord;
import io.vantaechonebula.telemetry.collector.ChainReading;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.logging.Logger;

/** One chain in a light node: its blockchain on the node's store, its mempool, and the counts telemetry reports. */
final class LightChain implements MiningTarget {

    static final int MEMPOOL_CAPACITY = 10_000;
    /** Blocks below the head whose transactions are always kept. */
    static final long KEPT_RECENT = 1_000;
    private static final Logger LOG = Logger.getLogger(LightChain.class.getName());

    private final ChainParams params;
    private final Blockchain blockchain;
    private final MvChainStore store;
    private final Mempool mempool;
    private final Hash genesis;
    private final Address miner;
    private final ChainFinality finality;
    private final AtomicLong headVersion = new AtomicLong();
    private Hash versionedHead;
    private final AtomicLong blocksTaken = new AtomicLong();
    private final AtomicLong transactionsTaken = new AtomicLong();
    private final AtomicLong hashes = new AtomicLong();
    private volatile Consumer<Block> onBlockTaken = block -> { };
    private long lastReadBlocks;
    /** The head's height at the previous reading; -1 until the first, which reports no blocks. */
    private long lastReadHeight = -1;
    private long lastReadTransactions;
    private long lastReadHashes;
    private long lastReadNanos = System.nanoTime();

    /** @param key the node key: its address gets the mining rewards, and it votes once it stakes (§8.2) */
    LightChain(ChainParams params, MvChainStore store, Ed25519PrivateKey key) {
        this.params = params;
        this.store = store;
        this.blockchain = new Blockchain(params, store);
        this.mempool = new Mempool(params, MEMPOOL_CAPACITY);
        this.genesis = Genesis.block(params).hash();
        this.miner = key.publicKey().address();
        this.finality = new ChainFinality(blockchain, Optional.of(key), ROUND_TIMEOUT_MS);
    }

    static final long ROUND_TIMEOUT_MS = 10_000;

    /** Votes, finality and the evidence of double votes on this chain (docs/chain-spec.md §8.2). */
    ChainFinality finality() {
        return finality;
    }

    ChainParams params() {
        return params;
    }

    Blockchain blockchain() {
        return blockchain;
    }

    MvChainStore store() {
        return store;
    }

    /**
     * The highest height below which transactions may be dropped: blocks at least {@value #KEPT_RECENT}
     * below the head, and final if any block is, so that no reorganisation ever needs them again.
     */
    long prunableBelow() {
        long recent = blockchain.head().height() - KEPT_RECENT;
        return blockchain.finalBlock().map(block -> Math.min(block.height() + 1, recent)).orElse(recent);
    }

    Mempool mempool() {
        return mempool;
    }

    void onBlockTaken(Consumer<Block> listener) {
        this.onBlockTaken = listener;
    }

    ChainHead head() {
        StoredBlock head = blockchain.head();
        return new ChainHead(params.chainId(), genesis, head.height(), head.hash());
    }

    ImportResult importBlock(Block block) {
        ImportResult result = blockchain.importBlock(block, System.currentTimeMillis());
        if (result instanceof ImportResult.Extended || result instanceof ImportResult.Reorganized
                || result instanceof ImportResult.SideChain) {
            blocksTaken.incrementAndGet();
            transactionsTaken.addAndGet(block.transactions().size());
            onBlockTaken.accept(block);
        }
        if (result instanceof ImportResult.Extended || result instanceof ImportResult.Reorganized) {
            headVersion.incrementAndGet();
            if (result instanceof ImportResult.Reorganized reorg) {
                LOG.warning(() -> params.name() + " reorganised: " + reorg.depth() + " blocks left the main chain; head "
                        + reorg.hash() + " at height " + reorg.height());
                for (Transaction orphan : reorg.orphaned()) {
                    try {
                        mempool.add(orphan, blockchain::account);
                    } catch (InvalidTransactionException e) {
                        // No longer valid on the new branch: it goes.
                    }
                }
            }
            mempool.revalidate(blockchain::account);
        }
        return result;
    }

    LocalChains.TransactionOffer offer(Transaction transaction) {
        try {
            Mempool.Added added = mempool.add(transaction, blockchain::account);
            return added == Mempool.Added.ALREADY_PENDING ? LocalChains.TransactionOffer.KNOWN : LocalChains.TransactionOffer.NEW;
        } catch (InvalidTransactionException e) {
            return LocalChains.TransactionOffer.rejected(e.reason(), e.getMessage());
        }
    }

    /** Slashing transactions for the double votes seen, signed and paid by the node key, taken into the mempool. */
    List<Transaction> reportConflicts() {
        return finality.reportConflicts(reporter -> mempool.nextNonce(reporter, blockchain.account(reporter)), slash -> {
            LocalChains.TransactionOffer offer = offer(slash);
            return offer.verdict() == LocalChains.TransactionOffer.Verdict.NEW ? Optional.empty() : Optional.of(offer.reason());
        });
    }

    /** What the chain did since the last reading, for telemetry. */
    synchronized ChainReading read() {
        long now = System.nanoTime();
        long blocks = blocksTaken.get();
        long transactions = transactionsTaken.get();
        long hashed = hashes.get();
        double seconds = Math.max(1e-3, (now - lastReadNanos) / 1e9);
        long height = blockchain.head().height();
        ChainReading reading = new ChainReading(params.name(), height, blocks - lastReadBlocks,
                transactions - lastReadTransactions, (hashed - lastReadHashes) / seconds);
        if (lastReadHeight >= 0 && height > lastReadHeight) {
            reading = reading.withBlocks(BlockRecord.between(lastReadHeight, height, blockchain::blockAt));
        }
        lastReadHeight = height;
        lastReadBlocks = blocks;
        lastReadTransactions = transactions;
        lastReadHashes = hashed;
        lastReadNanos = now;
        return reading;
    }

    /** Changes with every new head: imports count it, and so does a certificate that moved the head (F5). */
    @Override
    public synchronized long headVersion() {
        Hash head = blockchain.head().hash();
        if (!head.equals(versionedHead)) {
            versionedHead = head;
            headVersion.incrementAndGet();
        }
        return headVersion.get();
    }

    @Override
    public long mempoolChanges() {
        return mempool.changes();
    }

    @Override
    public BlockTemplate template() {
        return blockchain.template(mempool.candidates(params.maxTransactionsPerBlock()), miner, System.currentTimeMillis());
    }

    @Override
    public int maxTransactionsPerBlock() {
        return params.maxTransactionsPerBlock();
    }

    @Override
    public void found(Block block) {
        ImportResult result = importBlock(block);
        LOG.info(() -> "Mined " + params.name() + " block " + block.height() + " " + block.hash() + ": "
                + result.getClass().getSimpleName());
    }

    @Override
    public void hashed(long count) {
        hashes.addAndGet(count);
    }
}
