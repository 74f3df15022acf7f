package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.fork.Blockchain;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.genesis.Genesis;
import io.vantaechonebula.chain.mempool.Mempool;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.store.InMemoryChainStore;
import io.vantaechonebula.chain.store.StoredBlock;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.sync.SyncBatch;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/** A node of the simulated network: one chain in memory, a mempool, and the real {@link Network}. */
final class SimNode implements LocalChains {

    final String name;
    final String address;
    final Ed25519PrivateKey key;
    final Blockchain chain;
    final Mempool mempool;
    private final Hash genesis;
    private final AtomicLong clock;
    final ChainFinality finality;
    /** Blocks below this height are not served, as by a node that pruned them. */
    long servesFrom;
    int syncRequestsServed;
    /** A height this node claims for its chain in its hellos, whatever it holds (a liar's); null: the truth. */
    Long claimsHeight;
    /** The work this node claims for its chain in its hellos, whatever it holds (a liar's); null: the truth. */
    BigInteger claimsWork;
    /** An answer this node gives to every sync request, whatever it asks (a liar's); null: the truth. */
    SyncBatch answersEverySync;
    /** Runs as this node is about to answer a sync request: what happens while the request is on its way. */
    Runnable beforeAnsweringSync = () -> { };
    Network network;
    /** The bytes of this node's calls and answers, where a test counts them. */
    final Traffic traffic = new Traffic();

    SimNode(String name, String address, Ed25519PrivateKey key, ChainParams params, AtomicLong clock) {
        this.name = name;
        this.address = address;
        this.key = key;
        this.chain = new Blockchain(params, new InMemoryChainStore());
        this.mempool = new Mempool(params, 1_000);
        this.genesis = Genesis.block(params).hash();
        this.clock = clock;
        this.finality = new ChainFinality(chain, Optional.of(key), ROUND_TIMEOUT_MS);
    }

    /** Rounds last three seconds of the simulation's clock. */
    static final long ROUND_TIMEOUT_MS = 3_000;

    /** Takes a transaction as a user's submission would, and passes it on. */
    TransactionOffer submit(Transaction transaction) {
        TransactionOffer offer = offerTransaction(chainId(), transaction);
        if (offer.verdict() == TransactionOffer.Verdict.NEW) {
            network.publish(new Gossip(GossipKind.TRANSACTION, chainId(), transaction.encode()));
        }
        return offer;
    }

    String chainId() {
        return chain.params().chainId();
    }

    long height() {
        return chain.head().height();
    }

    Hash headHash() {
        return chain.head().hash();
    }

    /** Mines a block on this node's head with what its mempool holds, a block time after the clock, and publishes it. */
    Block mine() {
        Block block = mineQuietly();
        network.publish(new Gossip(GossipKind.BLOCK, chainId(), block.encode()));
        return block;
    }

    /** Mines a block without telling anyone. */
    Block mineQuietly() {
        return mineAt(clock.addAndGet(TestChains.BLOCK_TIME));
    }

    /**
     * Mines a block a tenth of a second after the clock, and publishes it: blocks ahead of the schedule,
     * whose targets the difficulty rule lowers, so each weighs more than a block on time.
     */
    Block mineQuickly() {
        Block block = mineAt(clock.addAndGet(100));
        network.publish(new Gossip(GossipKind.BLOCK, chainId(), block.encode()));
        return block;
    }

    BigInteger work() {
        return chain.head().cumulativeWork();
    }

    private Block mineAt(long time) {
        Block block = TestChains.mine(chain.template(mempool.candidates(100), key.publicKey().address(), time));
        ImportResult result = chain.importBlock(block, time);
        if (!(result instanceof ImportResult.Extended)) {
            throw new IllegalStateException(name + " could not take its own block: " + result);
        }
        mempool.revalidate(chain::account);
        return block;
    }

    @Override
    public List<ChainHead> heads() {
        StoredBlock head = chain.head();
        return List.of(new ChainHead(chainId(), genesis, claimsHeight == null ? head.height() : claimsHeight, head.hash(),
                claimsWork == null ? head.cumulativeWork() : claimsWork));
    }

    @Override
    public Optional<Hash> mainChainHash(String chainId, long height) {
        return chainId.equals(chainId()) ? chain.blockAt(height).map(StoredBlock::hash) : Optional.empty();
    }

    @Override
    public Optional<Block> block(String chainId, Hash hash) {
        return chainId.equals(chainId()) ? chain.block(hash).filter(block -> block.height() == 0 || block.height() >= servesFrom)
                .map(StoredBlock::block) : Optional.empty();
    }

    @Override
    public ImportResult importBlock(String chainId, Block block) {
        ImportResult result = chain.importBlock(block, clock.get());
        mempool.revalidate(chain::account);
        if (result instanceof ImportResult.Extended || result instanceof ImportResult.Reorganized
                || result instanceof ImportResult.SideChain) {
            // As the server's and the light node's chains do: every block taken goes to the network.
            network.publish(new Gossip(GossipKind.BLOCK, chainId, block.encode()));
        }
        return result;
    }

    @Override
    public TransactionOffer offerTransaction(String chainId, Transaction transaction) {
        try {
            Mempool.Added added = mempool.add(transaction, chain::account);
            return added == Mempool.Added.ALREADY_PENDING ? TransactionOffer.KNOWN : TransactionOffer.NEW;
        } catch (InvalidTransactionException e) {
            return TransactionOffer.rejected(e.reason(), e.getMessage());
        }
    }

    @Override
    public ChainFinality.Offer offerVote(String chainId, Vote vote) {
        return finality.offer(vote);
    }

    @Override
    public Optional<FinalityCertificate> certificate(String chainId, Hash blockHash) {
        return chain.certificate(blockHash);
    }

    @Override
    public ChainFinality.Offer offerCertificate(String chainId, FinalityCertificate certificate) {
        return finality.offerCertificate(certificate);
    }

    @Override
    public List<Vote> votesDue(String chainId, long nowMs) {
        return finality.votesDue(nowMs);
    }

    @Override
    public List<Transaction> reportConflicts(String chainId) {
        return finality.reportConflicts(reporter -> mempool.nextNonce(reporter, chain.account(reporter)), slash -> {
            TransactionOffer offer = offerTransaction(chainId, slash);
            return offer.verdict() == TransactionOffer.Verdict.NEW ? Optional.empty() : Optional.of(offer.reason());
        });
    }

    @Override
    public String toString() {
        return name;
    }
}
