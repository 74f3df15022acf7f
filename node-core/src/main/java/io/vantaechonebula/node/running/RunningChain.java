package io.vantaechonebula.node.running;

import io.vantaechonebula.chain.account.Account;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.finality.FinalityChain;
import io.vantaechonebula.chain.finality.SignedVotes;
import io.vantaechonebula.chain.finality.ValidatorSet;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.pow.HashRateMeter;
import io.vantaechonebula.chain.pow.MiningTarget;
import io.vantaechonebula.chain.store.ChainStore;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.p2p.LocalChains;
import io.vantaechonebula.p2p.handshake.ChainHead;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.LongStream;

/**
 * One chain running in a node, the server's or a light node's: its blockchain, mempool and
 * finality, the counts telemetry reports, the miners' hash rate, the head version miners watch,
 * and the transactions it refused lately. Block imports run one at a time, each inside one store
 * transaction that commits before the next import starts.
 */
public final class RunningChain {

    private static final Logger LOG = Logger.getLogger(RunningChain.class.getName());
    private static final int REJECTIONS_KEPT = 10_000;

    private final ChainParams params;
    private final Blockchain blockchain;
    private final Mempool mempool;
    private final ChainStore store;
    private final Hash genesis;
    private final Level importLog;
    private final RefusedSideBlocks refusedSideBlocks = new RefusedSideBlocks();
    private final AccountsAtHead accounts;
    private final InTransaction inTransaction;
    private final ReentrantLock importLock = new ReentrantLock();
    private volatile ChainEvents events = ChainEvents.NONE;
    private final ChainFinality finality;
    private final AtomicLong headVersion = new AtomicLong();
    private final HashRateMeter hashRate = new HashRateMeter();
    private final MiningHold miningHold;
    private final AtomicLong blocksImported = new AtomicLong();
    private final AtomicLong transactionsImported = new AtomicLong();
    private final ChainCounters counters = new ChainCounters();
    private final Map<Hash, String> rejections = Collections.synchronizedMap(new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Hash, String> eldest) {
            return size() > REJECTIONS_KEPT;
        }
    });

    /**
     * @param accounts     how the head's accounts are read: from the store each time, or remembered between imports
     * @param validatorKey the key this node votes with when its account is an active validator (§8.2)
     * @param signedVotes  where that key's votes are recorded before they are sent (slashing protection, FN7)
     * @param importLog    the level each block import is logged at, with its timings
     */
    public RunningChain(ChainParams params, ChainStore store, Function<ChainStore, AccountsAtHead> accounts,
                        int mempoolCapacity, InTransaction inTransaction, Optional<Ed25519PrivateKey> validatorKey,
                        SignedVotes signedVotes, long roundTimeoutMs, Level importLog) {
        this(params, store, accounts, mempoolCapacity, Blockchain.DEFAULT_MAX_REORG_DEPTH, inTransaction, validatorKey,
                signedVotes, roundTimeoutMs, importLog);
    }

    /** @param maxReorgDepth how deep below the head a side block is kept, and so the deepest re-organisation (F6) */
    public RunningChain(ChainParams params, ChainStore store, Function<ChainStore, AccountsAtHead> accounts,
                        int mempoolCapacity, int maxReorgDepth, InTransaction inTransaction,
                        Optional<Ed25519PrivateKey> validatorKey, SignedVotes signedVotes, long roundTimeoutMs, Level importLog) {
        this.params = params;
        this.importLog = importLog;
        this.store = store;
        this.inTransaction = inTransaction;
        this.blockchain = inTransaction.run(() -> new Blockchain(params, store, maxReorgDepth));
        this.mempool = new Mempool(params, mempoolCapacity);
        this.accounts = accounts.apply(store);
        this.genesis = Genesis.block(params).hash();
        this.finality = new ChainFinality(new TransactionalChain(), validatorKey, roundTimeoutMs, signedVotes);
        this.miningHold = new MiningHold(params.name(), System::currentTimeMillis);
        StoredBlock head = blockchain.head();
        LOG.info(() -> "Chain " + params.name() + " (" + params.chainId() + ") at height " + head.height() + ", head " + head.hash());
    }

    public ChainParams params() {
        return params;
    }

    /** Votes, finality and the evidence of double votes on this chain (docs/chain-spec.md §8.2). */
    ChainFinality finality() {
        return finality;
    }

    /** The chain as finality sees it; making a block final is written in its own transaction, between imports. */
    private final class TransactionalChain implements FinalityChain {
        @Override
        public ChainParams params() {
            return params;
        }

        @Override
        public StoredBlock head() {
            return blockchain.head();
        }

        @Override
        public Optional<StoredBlock> block(Hash hash) {
            return blockchain.block(hash);
        }

        @Override
        public Optional<ValidatorSet> validatorsFor(Hash hash) {
            return blockchain.validatorsFor(hash);
        }

        @Override
        public Optional<String> refusesValidatorsOf(Hash hash) {
            return blockchain.refusesValidatorsOf(hash);
        }

        @Override
        public Optional<String> finalise(FinalityCertificate certificate) {
            Hash headBefore = blockchain.head().hash();
            Optional<String> problem = betweenImports(() -> blockchain.finalise(certificate));
            if (problem.isEmpty() && !blockchain.head().hash().equals(headBefore)) {
                // F5: the certificate was for a block on a branch, now the main chain.
                accounts.headChanged();
                headVersion.incrementAndGet();
                mempool.revalidate(accounts);
                LOG.warning(() -> "Chain " + params.name() + " moved to the branch of final block " + certificate.blockHash()
                        + " at height " + certificate.height() + " (left head " + headBefore + ")");
            }
            return problem;
        }

        @Override
        public Optional<FinalBlock> finalBlock() {
            return blockchain.finalBlock();
        }
    }

    /** F6: the side blocks refused since the previous call, for the node's telemetry (a {@code deep_fork} alert). */
    public Optional<RefusedSideBlocks.Summary> refusedSideBlocksSinceLastReading() {
        return refusedSideBlocks.takeSinceLastReading();
    }

    /** Who hears of the blocks and transactions this chain takes; one listener, the peer-to-peer network. */
    public void listen(ChainEvents listener) {
        this.events = listener;
    }

    /** Checks a transaction against the head state and queues it for a block. */
    public Mempool.Added submit(Transaction tx) throws InvalidTransactionException {
        if (worthAnalysing(tx)) {
            tell("the offer of transaction " + tx.id(), () -> events.transactionOffered(params, tx));
        }
        try {
            Mempool.Added added = mempool.add(tx, accounts);
            rejections.remove(tx.id());
            if (added != Mempool.Added.ALREADY_PENDING) {
                counters.accepted();
                tell("transaction " + tx.id(), () -> events.transactionTaken(params, tx));
            }
            return added;
        } catch (InvalidTransactionException e) {
            rejections.put(tx.id(), e.reason().code() + ": " + e.getMessage());
            counters.refused(e.reason());
            throw e;
        }
    }

    /**
     * Whether an offered transaction passes the cheap checks before the Transaction Analyzer learns from it
     * (docs/p2p-spec.md P11): this chain's, paying at least the minimum fee, from a sender whose balance covers
     * it, with a nonce within {@code max-nonce-ahead} of the sender's next one either way, and signed by its
     * sender (checked last: it is the dear one). So each sender the analyzer keeps state for holds funds, and each
     * holds a bounded window of nonces; a double spend of a funded sender, refused by the mempool or not, still
     * reaches it, as does the replay of a nonce mined lately.
     */
    private boolean worthAnalysing(Transaction tx) {
        if (!tx.chainId().equals(params.chainId()) || tx.fee() < params.minFee() || tx.amount() < 0) {
            return false;
        }
        Account sender = accounts.account(tx.senderAddress());
        long window = params.maxNonceAhead();
        boolean nonceInWindow = tx.nonce() >= sender.nonce() - window && tx.nonce() <= sender.nonce() + window;
        boolean funded = sender.balance() >= tx.fee() && sender.balance() - tx.fee() >= tx.amount();
        return nonceInWindow && funded && tx.hasValidSignature();
    }

    /** A transaction offered by a peer or a user, as the protocol judges the mempool's answer. */
    public LocalChains.TransactionOffer offer(Transaction transaction) {
        try {
            Mempool.Added added = submit(transaction);
            return added == Mempool.Added.ALREADY_PENDING ? LocalChains.TransactionOffer.KNOWN
                    : LocalChains.TransactionOffer.NEW;
        } catch (InvalidTransactionException e) {
            return LocalChains.TransactionOffer.rejected(e.reason(), e.getMessage());
        }
    }

    /**
     * Slashing transactions for the double votes seen on this chain, signed and paid by the node key and
     * taken into the mempool (docs/chain-spec.md §8.2).
     */
    public List<Transaction> reportConflicts() {
        return finality.reportConflicts(reporter -> mempool.nextNonce(reporter, accounts.account(reporter)), slash -> {
            try {
                submit(slash);
                return Optional.<String>empty();
            } catch (InvalidTransactionException e) {
                return Optional.of(e.reason().code() + ": " + e.getMessage());
            }
        });
    }

    /** The head as the protocol tells it: chain id, genesis, height, hash and cumulative work. */
    public ChainHead chainHead() {
        StoredBlock head = blockchain.head();
        return new ChainHead(params.chainId(), genesis, head.height(), head.hash(), head.cumulativeWork());
    }

    public ImportResult importBlock(Block block) {
        importLock.lock();
        try {
            long start = System.nanoTime();
            long[] applied = new long[1];
            ImportResult result = inTransaction.run(() -> {
                ImportResult imported = blockchain.importBlock(block, System.currentTimeMillis());
                applied[0] = System.nanoTime();
                return imported;
            });
            long committed = System.nanoTime();
            boolean taken = result instanceof ImportResult.Extended || result instanceof ImportResult.Reorganized
                    || result instanceof ImportResult.SideChain;
            if (taken) {
                transactionsImported.addAndGet(block.transactions().size());
                blocksImported.incrementAndGet();
            }
            if (result instanceof ImportResult.Extended || result instanceof ImportResult.Reorganized) {
                // Accounts first: a template read against the new head and old accounts must see its version change.
                accounts.headChanged();
                headVersion.incrementAndGet();
                afterHeadChanged(block, result);
            }
            if (result instanceof ImportResult.Refused refused
                    && refusedSideBlocks.refused(block.height(), refused.reason(), System.currentTimeMillis())) {
                LOG.warning(() -> "Chain " + params.name() + " refused side block " + block.hash() + " at height " + block.height()
                        + " (head " + blockchain.head().height() + "): " + refused.reason() + ". A stream of these means a"
                        + " fork deeper than vanta.chain.max-reorg-depth: a long partition, peers on another branch, or an"
                        + " attack; check GET /api/v1/peers and the deep_fork alerts, and resync from peers you trust if this"
                        + " node is the one left behind (warned at most once a minute)");
            }
            long done = System.nanoTime();
            // The listener last: the block is committed and the chain's own bookkeeping done, whatever it does.
            // A side block is not passed on (F7): it spreads by sync if its branch wins.
            if (result instanceof ImportResult.Extended || result instanceof ImportResult.Reorganized) {
                tell("block " + block.hash(), () -> events.blockTaken(params, block));
            }
            LOG.log(importLog, () -> "Imported " + params.name() + " block " + block.height() + " with " + block.transactions().size()
                    + " transactions: " + result.getClass().getSimpleName() + "; checked and written in "
                    + (applied[0] - start) / 1_000_000 + " ms, committed in " + (committed - applied[0]) / 1_000_000
                    + " ms, mempool revalidated in " + (done - committed) / 1_000_000 + " ms");
            return result;
        } finally {
            importLock.unlock();
        }
    }

    /** Tells the listener of something already done here; its failure is logged, never the caller's. */
    private void tell(String what, Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Chain " + params.name() + " took " + what + ", but passing it on failed: " + e.getMessage(), e);
        }
    }

    /** Runs work in one transaction while no block is being imported, so the main chain holds still. */
    public <T> T betweenImports(Supplier<T> work) {
        importLock.lock();
        try {
            return inTransaction.run(work);
        } finally {
            importLock.unlock();
        }
    }

    private void afterHeadChanged(Block block, ImportResult result) {
        if (result instanceof ImportResult.Reorganized reorg) {
            counters.reorganised(reorg.depth());
            LOG.warning(() -> "Chain " + params.name() + " reorganised: " + reorg.depth() + " blocks left the main chain after "
                    + reorg.forkPoint() + "; new head " + reorg.hash() + " at height " + reorg.height());
            for (Transaction orphan : reorg.orphaned()) {
                try {
                    mempool.add(orphan, accounts);
                } catch (InvalidTransactionException e) {
                    rejections.put(orphan.id(), "dropped after a reorganisation: " + e.reason().code() + ": " + e.getMessage());
                }
            }
        }
        Set<Hash> inBlock = new HashSet<>();
        block.transactions().forEach(tx -> inBlock.add(tx.id()));
        for (Transaction dropped : mempool.revalidate(accounts)) {
            // Most of what leaves is in the new block. The rest is noted without asking the store whether another
            // block holds it (under the chain's lock, that cost a scan of the unindexed blocks for each of tens of
            // thousands of transactions after a load): a status looks in the blocks before it reads this note.
            if (!inBlock.contains(dropped.id())) {
                rejections.put(dropped.id(), "dropped from the mempool: no longer valid against the new head");
            }
        }
    }

    /**
     * A block to mine on the head, its accounts read from the head accounts in memory. Built while
     * the head moves it may be wrong; {@link #headVersion()} has changed by then, and miners drop it.
     */
    public BlockTemplate template(Address miner) {
        return inTransaction.run(() -> blockchain.template(mempool.candidates(params.maxTransactionsPerBlock()), miner,
                System.currentTimeMillis(), accounts));
    }

    /** What this chain's miner threads mine on, for the miner's address; what they find is imported here. */
    public MiningTarget miningTarget(Address miner) {
        return new MiningTarget() {
            @Override
            public long headVersion() {
                return RunningChain.this.headVersion();
            }

            @Override
            public long mempoolChanges() {
                return mempool.changes();
            }

            @Override
            public BlockTemplate template() {
                return RunningChain.this.template(miner);
            }

            @Override
            public int maxTransactionsPerBlock() {
                return params.maxTransactionsPerBlock();
            }

            @Override
            public void found(Block block) {
                ImportResult result = importBlock(block);
                // The import logs its own phases; this line says who found the block.
                LOG.info(() -> "Mined " + params.name() + " block " + block.height() + " " + block.hash() + " with "
                        + block.transactions().size() + " transactions: " + result.getClass().getSimpleName());
            }

            @Override
            public void hashed(long hashes) {
                hashRate.record(hashes);
            }

            @Override
            public Optional<String> holdBack() {
                return miningHold.reason();
            }
        };
    }

    /**
     * S6: the miners wait while {@code reason} gives one (the node is syncing far behind its peers). It reads the
     * chains' heads, so it runs in a store transaction: a miner thread has none of its own on the server.
     */
    public void holdMiningWhile(Supplier<Optional<String>> reason) {
        miningHold.follow(() -> inTransaction.run(reason));
    }

    /** Changes whenever the main chain's head changes; miners compare it to know their work is stale. */
    public long headVersion() {
        return headVersion.get();
    }

    /** Blocks this node has checked and stored since it started, on the main chain or beside it. */
    public long blocksImported() {
        return blocksImported.get();
    }

    /** Transactions in the blocks of {@link #blocksImported()}. */
    public long transactionsImported() {
        return transactionsImported.get();
    }

    /** Re-organisations and the mempool's answers since the node started. */
    public ChainCounters.Counts counts() {
        return counters.read();
    }

    public HashRateMeter hashRate() {
        return hashRate;
    }

    /** A stored block that can be served to peers whole: not one whose transactions the store pruned. */
    public Optional<Block> servableBlock(Hash hash) {
        return store.isPruned(hash) ? Optional.empty() : blockchain.block(hash).map(StoredBlock::block);
    }

    public Optional<FinalBlock> finalBlock() {
        return blockchain.finalBlock();
    }

    /** The bytes this chain's stored blocks take, as its storage limit counts them. */
    public long storedBytes() {
        return store.bodyBytes();
    }

    /** Drops the transactions of old main-chain blocks below the height, in one store transaction between imports. */
    int pruneBodies(long belowHeight, int maxBlocks) {
        return betweenImports(() -> store.pruneBodies(belowHeight, maxBlocks));
    }

    public StoredBlock head() {
        return blockchain.head();
    }

    public Optional<StoredBlock> block(Hash hash) {
        return blockchain.block(hash);
    }

    public Optional<StoredBlock> blockAt(long height) {
        return blockchain.blockAt(height);
    }

    public Account account(Address address) {
        return accounts.account(address);
    }

    public Optional<TransactionStatus> transactionStatus(Hash id) {
        // The mempool first: an import commits its block before the mempool lets the transaction go, so one not
        // pending any more is found in the block. Asked the other way round, a block committed between the two
        // looks made the transaction unknown for an instant.
        if (mempool.get(id).isPresent()) {
            return Optional.of(TransactionStatus.pending(id));
        }
        Optional<Hash> block = blockchain.blockOfTransaction(id);
        if (block.isPresent()) {
            StoredBlock included = blockchain.block(block.get()).orElseThrow();
            return Optional.of(TransactionStatus.included(id, block.get(), included.height(), blockchain.head().height()));
        }
        return Optional.ofNullable(rejections.get(id)).map(reason -> TransactionStatus.rejected(id, reason));
    }

    /** The main-chain block including it, or the mempool's copy. */
    public Optional<Transaction> transaction(Hash id) {
        Optional<Transaction> pending = mempool.get(id);
        if (pending.isPresent()) {
            return pending;
        }
        return blockchain.blockOfTransaction(id).flatMap(blockchain::block)
                .flatMap(stored -> stored.block().transactions().stream().filter(tx -> tx.id().equals(id)).findFirst());
    }

    /** The accounts with a stake or an exit under way, at the head: the validators and the leaving. */
    public Map<Address, Account> stakedAccounts() {
        return store.stakedAccounts();
    }

    /** The certificate of a block made final by one. */
    public Optional<FinalityCertificate> certificate(Hash blockHash) {
        return blockchain.certificate(blockHash);
    }

    Mempool mempool() {
        return mempool;
    }

    /** The nonce the sender's next transaction should carry, given its account at the head: its waiting ones counted. */
    public long nextNonce(Address sender, Account account) {
        return mempool.nextNonce(sender, account);
    }

    /** How many transactions wait in the mempool. */
    public int waitingTransactions() {
        return mempool.size();
    }

    /** How many transactions the mempool holds at most. */
    public int mempoolCapacity() {
        return mempool.capacity();
    }

    /** The lowest and highest fee waiting, if anything waits. */
    public Optional<Mempool.FeeRange> waitingFees() {
        return mempool.feeRange();
    }

    /** The votes this node holds for blocks at a height. */
    public List<Vote> votesAt(long height) {
        return finality.votesAt(height);
    }

    public List<StoredBlock> mainChain(long fromHeight, int limit) {
        long head = blockchain.head().height();
        return LongStream.rangeClosed(Math.max(0, fromHeight), Math.min(head, fromHeight + limit - 1))
                .mapToObj(blockchain::blockAt)
                .flatMap(Optional::stream)
                .toList();
    }
}
