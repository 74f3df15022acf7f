package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.gossip.SeenMessages;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.peer.NetworkOptimizer;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import io.vantaechonebula.p2p.sync.Locator;
import io.vantaechonebula.p2p.sync.SyncBatch;
import io.vantaechonebula.p2p.sync.SyncStatus;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Sync by locator (docs/p2p-spec.md §5): serves this node's main chain after a locator, and fetches
 * blocks from the highest peer batch after batch, checking the next batch's signatures on the prefetch
 * executor while it imports the current one, unless the current one is large: then the next is asked for
 * once it is imported, so that no more than one large batch is in memory (a light node syncs in 128 MiB).
 */
final class Synchronizer {

    /** The most blocks one answer to a sync request holds, whatever was asked. */
    static final int MAX_BLOCKS_PER_ANSWER = 1_000;
    /** An answer stops adding blocks once it holds this many bytes. */
    static final int MAX_ANSWER_BYTES = 8 << 20;
    /** A batch of more transactions than this is imported before the next is asked for. */
    static final int PREFETCH_MOST_TRANSACTIONS = 5_000;
    private static final long PROGRESS_LOG_MS = 5_000;
    /** S2: what one round may spend on one chain with one peer; a long sync goes on in the next round. */
    static final int ROUND_BATCHES = 200;
    static final long ROUND_BUDGET_MS = 60_000;
    /** S6: a node mines a chain only while it is at most this many blocks behind what its peers have backed (S3). */
    static final int MINE_WITHIN_BLOCKS = 6;
    private static final Logger LOG = Logger.getLogger(Synchronizer.class.getName());

    private final NetworkSettings settings;
    private final LocalChains chains;
    private final PeerClient client;
    private final Executor prefetch;
    private final LongSupplier clock;
    private final PeerTable peers;
    private final SeenMessages seen;
    private final PeerKeeper keeper;
    private final Map<String, ChainSync> syncs = new ConcurrentHashMap<>();

    Synchronizer(NetworkSettings settings, LocalChains chains, PeerClient client, Executor prefetch, LongSupplier clock,
                 PeerTable peers, SeenMessages seen, PeerKeeper keeper) {
        this.settings = settings;
        this.chains = chains;
        this.client = client;
        this.prefetch = prefetch;
        this.clock = clock;
        this.peers = peers;
        this.seen = seen;
        this.keeper = keeper;
    }

    /**
     * This node's main-chain blocks after the first locator hash on its main chain, oldest first:
     * at most {@code max} (capped at {@value #MAX_BLOCKS_PER_ANSWER}) and about {@value #MAX_ANSWER_BYTES} bytes.
     * Empty if no locator hash is on the main chain.
     */
    SyncBatch blocksAfter(String chainId, List<Hash> locator, int max) {
        Optional<Long> fork = locator.stream().limit(Locator.MAX_HASHES)
                .map(hash -> chains.block(chainId, hash).map(Block::height)
                        .filter(height -> chains.mainChainHash(chainId, height).filter(hash::equals).isPresent()))
                .flatMap(Optional::stream).findFirst();
        if (fork.isEmpty()) {
            return SyncBatch.EMPTY;
        }
        List<Block> blocks = new ArrayList<>();
        List<FinalityCertificate> certificates = new ArrayList<>();
        long bytes = 0;
        int limit = Math.min(Math.max(max, 0), MAX_BLOCKS_PER_ANSWER);
        for (long height = fork.get() + 1; blocks.size() < limit && bytes < MAX_ANSWER_BYTES; height++) {
            Optional<Block> block = chains.mainChainHash(chainId, height).flatMap(hash -> chains.block(chainId, hash));
            if (block.isEmpty()) {
                break;
            }
            blocks.add(block.get());
            bytes += block.get().encode().length;
            chains.certificate(chainId, block.get().hash()).ifPresent(certificates::add);
        }
        return new SyncBatch(blocks, certificates);
    }

    /** An orphan block arrived on the chain from the peer: a sync round should run soon, and ask that peer too. */
    void want(String chainId, Peer from) {
        ChainSync sync = syncFor(chainId);
        sync.wantedFrom.add(from.nodeId());
        sync.wanted = true;
    }

    boolean wanted() {
        return syncs.values().stream().anyMatch(sync -> sync.wanted);
    }

    /**
     * For each chain, fetches blocks from the connected peer whose head has the most work above this node's
     * (S4: work, not height, as fork choice goes), batch after batch, until this node has caught up with it
     * or it stops helping; then, if nothing came, from the next.
     */
    void syncOnce() {
        for (ChainHead local : chains.heads()) {
            ChainSync sync = syncFor(local.chainId());
            sync.wanted = false;
            Set<String> sentOrphans = sync.takeWantedFrom();
            Comparator<Peer> mostWorkFirst = Comparator.comparing(
                    (Peer peer) -> peer.chain(local.chainId()).orElseThrow().work()).reversed();
            // O1: among those with the most work, the optimizer takes the fastest; otherwise the best behaved.
            Comparator<Peer> order = mostWorkFirst.thenComparing(settings.optimisePeers() ? NetworkOptimizer.PREFERENCE
                    : Comparator.comparingInt(Peer::reputation).reversed());
            List<Peer> sources = peers.connectedPeers().stream()
                    .filter(peer -> !peer.address().isEmpty())
                    .filter(peer -> claimsMoreWork(peer, local.chainId(), local.work()) || sentOrphans.contains(peer.nodeId()))
                    .sorted(order)
                    .toList();
            // The first; one that cannot serve the blocks (it pruned them, say) gives way to the next.
            for (Peer source : sources) {
                syncFrom(source, local.chainId(), sync);
                if (localWork(local.chainId()).compareTo(local.work()) > 0) {
                    break;
                }
            }
        }
    }

    /**
     * Each chain's height against the best height its peers have backed (S3): a claimed head counts once
     * this node holds the block it names, which passed its proof of work, or as far as the blocks the peer
     * delivered reach, at the height of that block. A claim of any height costs nothing to make, and counts for
     * nothing beyond what backs it.
     */
    List<SyncStatus> status() {
        List<SyncStatus> statuses = new ArrayList<>();
        for (ChainHead local : chains.heads()) {
            long best = peers.connectedPeers().stream().mapToLong(peer -> backedHeight(peer, local.chainId()))
                    .max().orElse(local.height());
            ChainSync sync = syncFor(local.chainId());
            synchronized (sync) {
                statuses.add(new SyncStatus(local.chainId(), local.height(), Math.max(best, local.height()), sync.source != null,
                        Optional.ofNullable(sync.source), sync.total, sync.blocksPerSecond));
            }
        }
        return statuses;
    }

    /**
     * S6: why this node should not mine the chain now: it is too far below what its peers have shown, and one of them
     * claims more work (a taller, lighter branch is theirs to leave).
     */
    Optional<String> miningHoldBack(String chainId) {
        BigInteger work = localWork(chainId);
        if (peers.connectedPeers().stream().noneMatch(peer -> claimsMoreWork(peer, chainId, work))) {
            return Optional.empty();
        }
        return status().stream().filter(status -> status.chainId().equals(chainId) && status.behind() > MINE_WITHIN_BLOCKS)
                .findFirst().map(status -> String.format("%,d blocks behind its peers (at height %,d of %,d)%s", status.behind(),
                        status.localHeight(), status.bestPeerHeight(), status.source().map(id -> ", syncing from " + id)
                                .orElse("")));
    }

    /** S4: whether the peer's hello (or the blocks it sent since) claims more work on the chain than {@code than}. */
    private static boolean claimsMoreWork(Peer peer, String chainId, BigInteger than) {
        return peer.chain(chainId).map(ChainHead::work).filter(work -> work.compareTo(than) > 0).isPresent();
    }

    /** S3: the peer's claimed head at the height of its block when this node holds it, else the highest block it delivered. */
    private long backedHeight(Peer peer, String chainId) {
        long held = peer.chain(chainId).map(claim -> heldHeight(chainId, claim)).orElse(-1L);
        return Math.max(held, peer.backedHeight(chainId));
    }

    /** The height of a claimed head when this node holds its block; -1 if not. The main chain's index answers most cheaply. */
    private long heldHeight(String chainId, ChainHead claim) {
        if (chains.mainChainHash(chainId, claim.height()).equals(Optional.of(claim.head()))) {
            return claim.height();
        }
        return chains.block(chainId, claim.head()).map(Block::height).orElse(-1L);
    }

    private void syncFrom(Peer peer, String chainId, ChainSync sync) {
        long target = peer.chain(chainId).orElseThrow().height();
        long startHeight = localHeight(chainId);
        long started = System.nanoTime();
        long lastLog = clock.getAsLong();
        long imported = 0;
        sync.start(peer.nodeId());
        LOG.info(() -> "Syncing " + chainId + " from " + peer.nodeId() + " at " + peer.address() + ": height " + startHeight
                + " of " + target);
        List<Hash> firstLocator = new ArrayList<>();
        Optional<Block> goOnFrom = offMainChain(chainId, peer.syncedTo(chainId));
        goOnFrom.ifPresent(block -> firstLocator.add(block.hash()));
        firstLocator.addAll(Locator.of(startHeight, height -> chains.mainChainHash(chainId, height)));
        CompletableFuture<SyncBatch> next = fetch(peer, chainId, firstLocator.subList(0, Math.min(firstLocator.size(),
                Locator.MAX_HASHES)));
        // The height of the first hash of the locator the awaited answer is to: what the peer was told this node has.
        long nextAskedAfter = goOnFrom.map(Block::height).orElse(startHeight);
        try {
            for (int batches = 1; true; batches++) {
                long askedAfter = nextAskedAfter;
                SyncBatch answer = await(next);
                keeper.answered(peer);
                List<Block> batch = answer.blocks();
                if (batch.isEmpty()) {
                    break;
                }
                Block last = batch.get(batch.size() - 1);
                boolean more = last.height() < target;
                boolean prefetching = more && batch.stream().mapToInt(block -> block.transactions().size()).sum()
                        <= PREFETCH_MOST_TRANSACTIONS;
                if (prefetching) {
                    next = fetchAfter(peer, chainId, last);
                    nextAskedAfter = last.height();
                }
                Imported batchResult = importBatch(peer, chainId, batch);
                int taken = batchResult.taken();
                takeCertificates(peer, chainId, answer.certificates());
                imported += taken;
                sync.imported(taken, imported, (System.nanoTime() - started) / 1e9);
                if (taken < batch.size() || !more) {
                    next.cancel(false);
                    break;
                }
                if (batchResult.fresh() == 0 && last.height() <= askedAfter) {
                    // S1: blocks this node has, none above what the locator told the peer, move nothing. Above it, gossip
                    // brought them while the answer was on its way, and the next answer goes on after them.
                    peers.penalise(peer, Offence.MALFORMED_MESSAGE, "a sync answer of " + batch.size() + " blocks of "
                            + chainId + " this node has already, none above the height its locator named (" + askedAfter
                            + ")", clock.getAsLong());
                    next.cancel(false);
                    break;
                }
                if (batches >= ROUND_BATCHES || (System.nanoTime() - started) / 1_000_000 >= ROUND_BUDGET_MS) {
                    next.cancel(false);
                    long height = localHeight(chainId);
                    LOG.info(() -> "Syncing " + chainId + " from " + peer.nodeId() + " goes on next round (this round's budget"
                            + " is spent) at height " + height + " of " + target);
                    break;
                }
                long now = clock.getAsLong();
                if (now - lastLog >= PROGRESS_LOG_MS) {
                    lastLog = now;
                    long height = localHeight(chainId);
                    double rate = sync.blocksPerSecond;
                    LOG.info(() -> String.format("Syncing %s from %s: height %,d of %,d, %.0f blocks/s", chainId,
                            peer.nodeId(), height, target, rate));
                }
                if (!prefetching) {
                    next = fetchAfter(peer, chainId, last);
                    nextAskedAfter = last.height();
                }
            }
        } catch (PeerCallException e) {
            keeper.failed(peer, "sync of " + chainId, e);
        } finally {
            sync.stop();
        }
        long total = imported;
        long height = localHeight(chainId);
        double rate = sync.blocksPerSecond;
        LOG.info(() -> String.format("Synced %s from %s: %,d blocks, now at height %,d (peer at %,d), %.0f blocks/s",
                chainId, peer.nodeId(), total, height, target, rate));
    }

    /** The next batch: the peer answers after the first locator hash on its main chain, the last block it sent. */
    private CompletableFuture<SyncBatch> fetchAfter(Peer peer, String chainId, Block last) {
        List<Hash> locator = new ArrayList<>();
        locator.add(last.hash());
        locator.addAll(Locator.of(localHeight(chainId), height -> chains.mainChainHash(chainId, height)));
        return fetch(peer, chainId, locator.subList(0, Math.min(locator.size(), Locator.MAX_HASHES)));
    }

    /** Asks the peer for the blocks after the locator, and checks their transactions' signatures, on the prefetch executor. */
    private CompletableFuture<SyncBatch> fetch(Peer peer, String chainId, List<Hash> locator) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                SyncBatch batch = client.blocksAfter(peer, chainId, locator, settings.syncBatchBlocks());
                // Each transaction remembers the answer, so the import that follows does not check again.
                batch.blocks().forEach(block -> block.transactions().forEach(Transaction::hasValidSignature));
                return batch;
            } catch (PeerCallException e) {
                throw new CompletionException(e);
            }
        }, prefetch);
    }

    /** FN3, FN6: a certificate that came with synced blocks must hold; one that holds nowhere costs the peer as a bad vote. */
    private void takeCertificates(Peer peer, String chainId, List<FinalityCertificate> certificates) {
        for (FinalityCertificate certificate : certificates) {
            ChainFinality.Offer offer = chains.offerCertificate(chainId, certificate);
            if (offer.verdict() == ChainFinality.Verdict.INVALID) {
                peers.penalise(peer, Offence.INVALID_VOTE, "certificate of " + certificate.blockHash() + ": " + offer.detail(),
                        clock.getAsLong());
            } else if (offer.verdict() == ChainFinality.Verdict.NOT_NOW) {
                LOG.info(() -> "Certificate of " + certificate.blockHash() + " from " + peer.nodeId() + " not taken: "
                        + offer.detail());
            }
        }
    }

    private static SyncBatch await(CompletableFuture<SyncBatch> batch) throws PeerCallException {
        try {
            return batch.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof PeerCallException call) {
                throw call;
            }
            throw e;
        }
    }

    /** How much of a batch was taken, and how much of that was new here. */
    private record Imported(int taken, int fresh) {
    }

    /** Imports blocks in order; stops at the first that is invalid or does not follow, and blames the peer. */
    private Imported importBatch(Peer peer, String chainId, List<Block> batch) {
        int taken = 0;
        int fresh = 0;
        for (Block block : batch) {
            // Seen before the import, so that the node's own listener does not pass old blocks on as news.
            seen.firstSight(new Gossip(GossipKind.BLOCK, chainId, block.encode()).id());
            ImportResult result = chains.importBlock(chainId, block);
            if (result instanceof ImportResult.Invalid invalid) {
                peers.penalise(peer, Offence.INVALID_BLOCK, "synced block " + block.hash() + " at height " + block.height()
                        + ": " + invalid.reason(), clock.getAsLong());
                return new Imported(taken, fresh);
            }
            if (result instanceof ImportResult.Refused refused) {
                LOG.info(() -> "Sync of " + chainId + " from " + peer.nodeId() + " stops at block " + block.hash() + ": "
                        + refused.reason());
                return new Imported(taken, fresh);
            }
            if (result instanceof ImportResult.Orphan) {
                peers.penalise(peer, Offence.MALFORMED_MESSAGE, "sync answer block " + block.hash()
                        + " does not follow the locator or the block before it", clock.getAsLong());
                return new Imported(taken, fresh);
            }
            taken++;
            fresh += result instanceof ImportResult.AlreadyKnown ? 0 : 1;
            peer.syncedTo(chainId, block.hash());
        }
        Block last = batch.get(batch.size() - 1);
        peer.reached(chainId, last.height(), last.hash());
        return new Imported(taken, fresh);
    }

    /**
     * S5: the block a round with this peer goes on from, when the node holds it off its main chain (a branch it
     * is fetching). From its main-chain locator alone, the peer would send that branch again from the fork.
     */
    private Optional<Block> offMainChain(String chainId, Optional<Hash> synced) {
        return synced.flatMap(hash -> chains.block(chainId, hash))
                .filter(block -> !chains.mainChainHash(chainId, block.height()).equals(Optional.of(block.hash())));
    }

    private long localHeight(String chainId) {
        return localHead(chainId).map(ChainHead::height).orElse(0L);
    }

    private BigInteger localWork(String chainId) {
        return localHead(chainId).map(ChainHead::work).orElse(BigInteger.ZERO);
    }

    private Optional<ChainHead> localHead(String chainId) {
        return chains.heads().stream().filter(head -> head.chainId().equals(chainId)).findFirst();
    }

    private ChainSync syncFor(String chainId) {
        return syncs.computeIfAbsent(chainId, id -> new ChainSync());
    }

    /** One chain's sync: whether it runs, from whom, and its counts. */
    private static final class ChainSync {
        volatile boolean wanted;
        /** The peers that sent a block whose parent this node lacked (G3), though their hellos may not show more work yet. */
        final Set<String> wantedFrom = ConcurrentHashMap.newKeySet();
        String source;
        long total;
        double blocksPerSecond;

        Set<String> takeWantedFrom() {
            Set<String> taken = Set.copyOf(wantedFrom);
            wantedFrom.removeAll(taken);
            return taken;
        }

        synchronized void start(String peer) {
            source = peer;
        }

        synchronized void imported(int blocks, long roundBlocks, double roundSeconds) {
            total += blocks;
            blocksPerSecond = roundSeconds > 0 ? roundBlocks / roundSeconds : 0;
        }

        synchronized void stop() {
            source = null;
        }
    }
}
