package io.vantaechonebula.p2p;

import io.vantaechonebula.analysis.tx.TransactionAlert;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import io.vantaechonebula.chain.finality.Vote;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.gossip.SeenMessages;
import io.vantaechonebula.p2p.handshake.ChainHead;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.HelloCheck;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.peer.AddressBook;
import io.vantaechonebula.p2p.peer.NetworkOptimizer;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerTable;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.Locator;
import io.vantaechonebula.p2p.sync.SyncBatch;
import io.vantaechonebula.p2p.sync.SyncStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One node's side of the peer-to-peer protocol (docs/p2p-spec.md): answers hellos and signed requests,
 * handles gossip and relays what is new once, serves and fetches blocks by locator, and keeps its peers
 * (dialling seeds, local endpoints and the peers of peers, pinging, penalising). The transport calls
 * the {@code on…} methods for what arrives and runs {@link #maintain()} and {@link #syncOnce()} on a
 * schedule; relays go out on one executor given, and sync fetches its next batch (checking its
 * signatures) on the other while it imports the current one.
 */
public final class Network {

    public static final int PROTOCOL_VERSION = 1;
    /** The most blocks one answer to a sync request holds, whatever was asked. */
    public static final int MAX_BLOCKS_PER_ANSWER = 1_000;
    /** An answer stops adding blocks once it holds this many bytes. */
    static final int MAX_ANSWER_BYTES = 8 << 20;
    static final int PEER_EXCHANGE_EVERY_ROUNDS = 6;
    static final int SEEN_CAPACITY = 200_000;
    /** A transaction takes more than this many bytes in a block, so a block's bytes bound its transaction count. */
    private static final int MIN_TRANSACTION_BYTES = 100;
    private static final long PROGRESS_LOG_MS = 5_000;
    private static final Logger LOG = Logger.getLogger(Network.class.getName());

    private final NetworkSettings settings;
    private final Ed25519PrivateKey key;
    private final LocalChains chains;
    private final PeerClient client;
    private final Executor relays;
    private final Executor prefetch;
    private final LongSupplier clock;
    private final PeerTable peers;
    private final AddressBook book = new AddressBook();
    private final SeenMessages seen = new SeenMessages(SEEN_CAPACITY);
    private final HelloCheck check;
    private final Map<String, ChainSync> syncs = new ConcurrentHashMap<>();
    private final List<Consumer<TransactionAlert>> alertListeners = new CopyOnWriteArrayList<>();
    private int round;

    public Network(NetworkSettings settings, Ed25519PrivateKey key, LocalChains chains, PeerClient client, Executor relays,
                   Executor prefetch, LongSupplier clock) {
        this.settings = settings;
        this.key = key;
        this.chains = chains;
        this.client = client;
        this.relays = relays;
        this.prefetch = prefetch;
        this.clock = clock;
        this.peers = new PeerTable(settings.limits());
        this.check = new HelloCheck(settings.maxClockSkewMs());
        settings.seeds().forEach(seed -> book.add(seed, AddressBook.Source.SEED));
        settings.localEndpoints().forEach(local -> book.add(local, AddressBook.Source.LOCAL));
        if (!settings.ownAddress().isEmpty()) {
            book.own(settings.ownAddress());
        }
    }

    public String nodeId() {
        return key.publicKey().address().hex();
    }

    /** This node's hello as of now. */
    public Hello hello() {
        return Hello.signed(key, PROTOCOL_VERSION, settings.ownAddress(), settings.mode(), settings.software(),
                chains.heads(), clock.getAsLong());
    }

    // What arrives.

    /** Takes another node's hello (H1–H5, then the peer limit and bans) and answers with this node's. */
    public Hello onHello(Hello theirs) throws RefusedException {
        Hello ours = hello();
        long now = clock.getAsLong();
        Optional<Refusal> refusal = check.check(ours, theirs, now).or(() -> peers.admit(theirs, "", now));
        if (refusal.isPresent()) {
            LOG.fine(() -> "Refused the hello of " + theirs.nodeId() + " at " + theirs.address() + ": " + refusal.get());
            throw new RefusedException(refusal.get());
        }
        if (!theirs.address().isEmpty()) {
            book.add(theirs.address(), AddressBook.Source.INBOUND);
            book.succeeded(theirs.address(), theirs.nodeId());
        }
        return ours;
    }

    /**
     * The connected peer that signed a request (docs/p2p-spec.md §3), counted against its request rate.
     *
     * @param signedBytes what {@link io.vantaechonebula.p2p.handshake.SignedRequest#signedBytes} gives for the request
     */
    public Peer authenticate(String nodeId, long timestampMs, byte[] signedBytes, byte[] signature) throws RefusedException {
        long now = clock.getAsLong();
        if (peers.isBanned(nodeId, now)) {
            throw new RefusedException(new Refusal(Refusal.Reason.BANNED, "node " + nodeId + " is banned for a while"));
        }
        Peer peer = peers.connected(nodeId).orElseThrow(() -> new RefusedException(new Refusal(Refusal.Reason.UNKNOWN_PEER,
                "node " + nodeId + " is not a connected peer; say hello first (POST /api/v1/p2p/hello)")));
        long skew = Math.abs(timestampMs - now);
        if (skew > settings.maxClockSkewMs()) {
            throw new RefusedException(new Refusal(Refusal.Reason.BAD_REQUEST_SIGNATURE, "the request was signed " + skew
                    + " ms away from this node's clock, more than the " + settings.maxClockSkewMs() + " ms allowed"));
        }
        if (!peer.publicKey().verifies(signedBytes, signature)) {
            throw new RefusedException(new Refusal(Refusal.Reason.BAD_REQUEST_SIGNATURE,
                    "the request's signature does not verify with the key of node " + nodeId));
        }
        if (!peers.takeRequest(peer, now)) {
            peers.penalise(peer, Offence.TOO_MANY_REQUESTS, "over " + settings.limits().requestsPerSecond()
                    + " requests a second", now);
            throw new RefusedException(new Refusal(Refusal.Reason.RATE_LIMITED, "more than "
                    + settings.limits().requestsPerSecond() + " requests a second; slow down"));
        }
        return peer;
    }

    /** A request from the peer could not be read: it costs the peer reputation. */
    public void onMalformed(Peer from, String problem) {
        peers.penalise(from, Offence.MALFORMED_MESSAGE, problem, clock.getAsLong());
    }

    public GossipOutcome onGossip(Peer from, Gossip gossip) {
        if (chainHead(gossip.chainId()).isEmpty()) {
            return GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "this node does not run chain " + gossip.chainId());
        }
        Hash id = gossip.id();
        if (!seen.firstSight(id)) {
            return GossipOutcome.of(GossipOutcome.Result.KNOWN, "seen before");
        }
        return switch (gossip.kind()) {
            case BLOCK -> onBlock(from, gossip);
            case TRANSACTION -> onTransaction(from, gossip);
            case VOTE -> onVote(from, gossip);
            case ALERT -> onAlert(from, gossip);
        };
    }

    /** G4: an alert signed by the node it names is passed on and told to the listeners; it changes nothing else. */
    private GossipOutcome onAlert(Peer from, Gossip gossip) {
        long now = clock.getAsLong();
        TransactionAlert alert;
        try {
            alert = TransactionAlert.decode(gossip.payload());
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "an alert that does not decode: " + e.getMessage(), now);
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the alert does not decode: " + e.getMessage());
        }
        if (!alert.chainId().equals(gossip.chainId()) || !alert.hasValidSignature()) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "an alert not signed by the node it names or not for its chain",
                    now);
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the alert is not signed by the node it names");
        }
        if (alert.reporterNodeId().equals(nodeId())) {
            return GossipOutcome.of(GossipOutcome.Result.KNOWN, "this node raised the alert");
        }
        relay(from, gossip);
        for (Consumer<TransactionAlert> listener : alertListeners) {
            try {
                listener.accept(alert);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An alert listener failed on " + alert, e);
            }
        }
        return GossipOutcome.of(GossipOutcome.Result.ACCEPTED, "alert on transaction " + alert.transactionId());
    }

    /** Has the listener told of every valid alert that peers bring (not of this node's own). */
    public void listenForAlerts(Consumer<TransactionAlert> listener) {
        alertListeners.add(listener);
    }

    /** Sends an alert this node raised to every peer that runs its chain. */
    public void publishAlert(TransactionAlert alert) {
        publish(new Gossip(GossipKind.ALERT, alert.chainId(), alert.encode()));
    }

    private GossipOutcome onBlock(Peer from, Gossip gossip) {
        long now = clock.getAsLong();
        Block block;
        try {
            block = decodeBlock(gossip.payload());
        } catch (MalformedEncodingException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "a block that does not decode: " + e.getMessage(), now);
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the block does not decode: " + e.getMessage());
        }
        ImportResult result = chains.importBlock(gossip.chainId(), block);
        if (result instanceof ImportResult.AlreadyKnown) {
            return GossipOutcome.of(GossipOutcome.Result.KNOWN, "block " + block.hash() + " is known");
        }
        if (result instanceof ImportResult.Orphan) {
            // Handled again when it comes back after sync has fetched its ancestors.
            seen.forget(gossip.id());
            from.reached(gossip.chainId(), block.height(), block.hash());
            syncFor(gossip.chainId()).wanted = true;
            return GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "block " + block.hash() + " at height "
                    + block.height() + " has a parent this node does not have yet; syncing");
        }
        if (result instanceof ImportResult.Invalid invalid) {
            peers.penalise(from, Offence.INVALID_BLOCK, "block " + block.hash() + ": " + invalid.reason(), now);
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "block " + block.hash() + " is invalid: "
                    + invalid.reason());
        }
        peers.reward(from);
        from.reached(gossip.chainId(), block.height(), block.hash());
        relay(from, gossip);
        return GossipOutcome.of(GossipOutcome.Result.ACCEPTED, "block " + block.hash() + " at height " + block.height());
    }

    private GossipOutcome onTransaction(Peer from, Gossip gossip) {
        long now = clock.getAsLong();
        Transaction transaction;
        try {
            transaction = Transaction.decode(gossip.payload());
        } catch (InvalidTransactionException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "a transaction that does not decode: " + e.getMessage(), now);
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the transaction does not decode: " + e.getMessage());
        }
        LocalChains.TransactionOffer offer = chains.offerTransaction(gossip.chainId(), transaction);
        return switch (offer.verdict()) {
            case NEW -> {
                peers.reward(from);
                relay(from, gossip);
                yield GossipOutcome.of(GossipOutcome.Result.ACCEPTED, "transaction " + transaction.id());
            }
            case KNOWN -> GossipOutcome.of(GossipOutcome.Result.KNOWN, "transaction " + transaction.id() + " is known");
            case NOT_NOW -> GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "transaction " + transaction.id() + ": "
                    + offer.reason());
            case INVALID -> {
                peers.penalise(from, Offence.INVALID_TRANSACTION, "transaction " + transaction.id() + ": " + offer.reason(), now);
                yield GossipOutcome.of(GossipOutcome.Result.REJECTED, "transaction " + transaction.id() + " is invalid: "
                        + offer.reason());
            }
        };
    }

    private GossipOutcome onVote(Peer from, Gossip gossip) {
        long now = clock.getAsLong();
        Vote vote;
        try {
            vote = Vote.decode(gossip.payload());
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "a vote that does not decode: " + e.getMessage(), now);
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the vote does not decode: " + e.getMessage());
        }
        if (!vote.chainId().equals(gossip.chainId()) || !vote.hasValidSignature()) {
            peers.penalise(from, Offence.INVALID_VOTE, vote + " is not signed by its key or not for its chain", now);
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the vote is not signed by the key it names");
        }
        ChainFinality.Offer offer = chains.offerVote(gossip.chainId(), vote);
        return switch (offer.verdict()) {
            case NEW, FINAL, CONFLICT -> {
                relay(from, gossip);
                yield GossipOutcome.of(GossipOutcome.Result.ACCEPTED, vote + (offer.verdict() == ChainFinality.Verdict.NEW
                        ? "" : ": " + offer.verdict().name().toLowerCase()));
            }
            case KNOWN -> GossipOutcome.of(GossipOutcome.Result.KNOWN, offer.detail());
            case NOT_NOW, INVALID -> {
                // Remembered as seen, yet it may count later (once its block arrives): let it come again.
                seen.forget(gossip.id());
                yield GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, offer.detail());
            }
        };
    }

    /**
     * This node's main-chain blocks after the first locator hash on its main chain, oldest first:
     * at most {@code max} (capped at {@value #MAX_BLOCKS_PER_ANSWER}) and about {@value #MAX_ANSWER_BYTES} bytes.
     * Empty if no locator hash is on the main chain.
     */
    public SyncBatch blocksAfter(String chainId, List<Hash> locator, int max) {
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

    /** The addresses of this node's connected peers, for the peers of peers. */
    public List<String> peerAddresses() {
        return peers.connectedPeers().stream().map(Peer::address).filter(address -> !address.isEmpty()).toList();
    }

    // What this node starts.

    /**
     * Sends a block this node mined, or a transaction it took, to every peer; nothing if the message
     * came from a peer or sync, which pass it on themselves.
     */
    public void publish(Gossip gossip) {
        if (seen.firstSight(gossip.id())) {
            relay(null, gossip);
        }
    }

    private void relay(Peer except, Gossip gossip) {
        for (Peer peer : peers.connectedPeers()) {
            if (peer == except || peer.address().isEmpty() || peer.chain(gossip.chainId()).isEmpty()) {
                continue;
            }
            relays.execute(() -> {
                try {
                    client.gossip(peer, gossip);
                } catch (PeerCallException e) {
                    lost(peer, "gossip of " + gossip + " failed: " + e.getMessage());
                }
            });
        }
    }

    /**
     * Sends this node's votes due now (FN4) and the slashing transactions for the double votes it
     * saw, on every chain.
     */
    public void vote() {
        long now = clock.getAsLong();
        for (ChainHead chain : chains.heads()) {
            for (Vote vote : chains.votesDue(chain.chainId(), now)) {
                publish(new Gossip(GossipKind.VOTE, chain.chainId(), vote.encode()));
            }
            for (Transaction slash : chains.reportConflicts(chain.chainId())) {
                LOG.warning(() -> "Reporting a double vote on " + chain.chainId() + ": transaction " + slash.id()
                        + " slashes " + slash.recipient());
                publish(new Gossip(GossipKind.TRANSACTION, chain.chainId(), slash.encode()));
            }
        }
    }

    /**
     * Pings the connected peers (refreshing their heads and latency), dials addresses due while there is
     * room for peers, and every few rounds asks the peers for theirs.
     */
    public void maintain() {
        round++;
        for (Peer peer : peers.connectedPeers()) {
            if (!peer.address().isEmpty()) {
                ping(peer);
            }
        }
        if (settings.optimisePeers() && peers.connectedCount() >= settings.limits().maxPeers()) {
            letAWeakPeerGo();
        }
        if (peers.connectedCount() < settings.limits().maxPeers()) {
            dialDueAddresses();
        }
        if (round % PEER_EXCHANGE_EVERY_ROUNDS == 1) {
            exchangePeers();
        }
    }

    /** O2: with every slot taken, a weak peer makes room for an address not tried lately, if there is one. */
    private void letAWeakPeerGo() {
        long now = clock.getAsLong();
        Set<String> connected = new HashSet<>(peerAddresses());
        boolean anotherToTry = book.due(now).stream().anyMatch(address -> !connected.contains(address)
                && book.nodeIdAt(address).flatMap(peers::connected).isEmpty() && !peers.isAddressBanned(address, now));
        if (!anotherToTry) {
            return;
        }
        NetworkOptimizer.weakest(peers.connectedPeers()).ifPresent(weak -> {
            String why = NetworkOptimizer.weakness(weak);
            LOG.info(() -> "Network optimizer: letting peer " + weak.nodeId() + " at " + weak.address() + " go (" + why
                    + ") to try another");
            lost(weak, "let go by the network optimizer: " + why);
        });
    }

    private void ping(Peer peer) {
        long started = System.nanoTime();
        try {
            Hello theirs = client.hello(peer.address(), hello());
            long roundTripMs = (System.nanoTime() - started) / 1_000_000;
            if (!theirs.nodeId().equals(peer.nodeId())) {
                lost(peer, "node " + theirs.nodeId() + " answers at its address now");
                return;
            }
            Optional<Refusal> refusal = check.check(hello(), theirs, clock.getAsLong())
                    .or(() -> peers.admit(theirs, peer.address(), clock.getAsLong()));
            if (refusal.isPresent()) {
                lost(peer, refusal.get().toString());
                return;
            }
            peer.measuredLatency(roundTripMs);
        } catch (PeerCallException e) {
            lost(peer, "ping failed: " + e.getMessage());
        }
    }

    private void dialDueAddresses() {
        Set<String> connectedIds = new HashSet<>();
        Set<String> connectedAddresses = new HashSet<>();
        for (Peer peer : peers.connectedPeers()) {
            connectedIds.add(peer.nodeId());
            connectedAddresses.add(peer.address());
        }
        long now = clock.getAsLong();
        for (String address : book.due(now)) {
            if (peers.connectedCount() >= settings.limits().maxPeers()) {
                return;
            }
            if (connectedAddresses.contains(address) || book.nodeIdAt(address).filter(connectedIds::contains).isPresent()
                    || peers.isAddressBanned(address, now)) {
                continue;
            }
            if (book.sourceOf(address).filter(AddressBook.Source.LOCAL::equals).isPresent() && !client.isVantaNode(address)) {
                book.failed(address, now);
                continue;
            }
            dial(address).ifPresent(peer -> {
                connectedIds.add(peer.nodeId());
                connectedAddresses.add(peer.address());
            });
        }
    }

    private Optional<Peer> dial(String address) {
        Hello ours = hello();
        long started = System.nanoTime();
        Hello theirs;
        try {
            theirs = client.hello(address, ours);
        } catch (PeerCallException e) {
            if (e.refusal().map(Refusal::reason).filter(Refusal.Reason.SELF::equals).isPresent()) {
                book.own(address);
                LOG.fine(() -> address + " is this node itself");
            } else {
                book.failed(address, clock.getAsLong());
                LOG.log(e.refusal().isPresent() ? Level.INFO : Level.FINE,
                        () -> "Could not connect to " + address + ": " + e.getMessage());
            }
            return Optional.empty();
        }
        long roundTripMs = (System.nanoTime() - started) / 1_000_000;
        long now = clock.getAsLong();
        if (theirs.nodeId().equals(ours.nodeId())) {
            book.own(address);
            return Optional.empty();
        }
        Optional<Refusal> refusal = check.check(ours, theirs, now).or(() -> peers.admit(theirs, address, now));
        if (refusal.isPresent()) {
            book.failed(address, now);
            LOG.info(() -> "Not peering with " + theirs.nodeId() + " at " + address + ": " + refusal.get());
            return Optional.empty();
        }
        book.succeeded(address, theirs.nodeId());
        Peer peer = peers.connected(theirs.nodeId()).orElseThrow();
        peer.measuredLatency(roundTripMs);
        return Optional.of(peer);
    }

    private void exchangePeers() {
        for (Peer peer : peers.connectedPeers()) {
            if (peer.address().isEmpty()) {
                continue;
            }
            try {
                client.peerAddresses(peer).forEach(address -> book.add(address, AddressBook.Source.PEER));
            } catch (PeerCallException e) {
                lost(peer, "asking for its peers failed: " + e.getMessage());
            }
        }
    }

    private void lost(Peer peer, String problem) {
        boolean wasConnected = peer.state() == PeerState.CONNECTED;
        peers.unreachable(peer, problem);
        // Calls already under way fail too; the address waits longer only for the first of them.
        if (wasConnected && !peer.address().isEmpty()) {
            book.add(peer.address(), AddressBook.Source.INBOUND);
            book.failed(peer.address(), clock.getAsLong());
        }
    }

    /**
     * For each chain, fetches blocks from the connected peer with the highest head above this node's,
     * batch after batch, until this node has caught up with it or it stops helping; then, if nothing
     * came, from the next highest.
     */
    public void syncOnce() {
        for (ChainHead local : chains.heads()) {
            ChainSync sync = syncFor(local.chainId());
            sync.wanted = false;
            Comparator<Peer> highestFirst = Comparator.comparingLong(
                    (Peer peer) -> peer.chain(local.chainId()).orElseThrow().height()).reversed();
            // O1: among the highest, the optimizer takes the fastest; otherwise the best behaved.
            Comparator<Peer> order = highestFirst.thenComparing(settings.optimisePeers() ? NetworkOptimizer.PREFERENCE
                    : Comparator.comparingInt(Peer::reputation).reversed());
            List<Peer> sources = peers.connectedPeers().stream()
                    .filter(peer -> !peer.address().isEmpty())
                    .filter(peer -> peer.chain(local.chainId()).map(ChainHead::height).orElse(-1L) > local.height())
                    .sorted(order)
                    .toList();
            // The highest first; one that cannot serve the blocks (it pruned them, say) gives way to the next.
            for (Peer source : sources) {
                syncFrom(source, local.chainId(), sync);
                if (localHeight(local.chainId()) > local.height()) {
                    break;
                }
            }
        }
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
        CompletableFuture<SyncBatch> next = fetch(peer, chainId,
                Locator.of(startHeight, height -> chains.mainChainHash(chainId, height)));
        try {
            while (true) {
                SyncBatch answer = await(next);
                List<Block> batch = answer.blocks();
                if (batch.isEmpty()) {
                    break;
                }
                Block last = batch.get(batch.size() - 1);
                boolean more = last.height() < target;
                if (more) {
                    // The peer answers after the first locator hash on its main chain: the last block it sent.
                    List<Hash> locator = new ArrayList<>();
                    locator.add(last.hash());
                    locator.addAll(Locator.of(localHeight(chainId), height -> chains.mainChainHash(chainId, height)));
                    next = fetch(peer, chainId, locator.subList(0, Math.min(locator.size(), Locator.MAX_HASHES)));
                }
                int taken = importBatch(peer, chainId, batch);
                takeCertificates(peer, chainId, answer.certificates());
                imported += taken;
                sync.imported(taken, imported, (System.nanoTime() - started) / 1e9);
                if (taken < batch.size() || !more) {
                    next.cancel(false);
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
            }
        } catch (PeerCallException e) {
            lost(peer, "sync of " + chainId + " failed: " + e.getMessage());
        } finally {
            sync.stop();
        }
        long total = imported;
        long height = localHeight(chainId);
        double rate = sync.blocksPerSecond;
        LOG.info(() -> String.format("Synced %s from %s: %,d blocks, now at height %,d (peer at %,d), %.0f blocks/s",
                chainId, peer.nodeId(), total, height, target, rate));
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

    /** FN3: a certificate that came with synced blocks must hold; one that does not costs the peer as an invalid block. */
    private void takeCertificates(Peer peer, String chainId, List<FinalityCertificate> certificates) {
        for (FinalityCertificate certificate : certificates) {
            Optional<String> problem = chains.offerCertificate(chainId, certificate);
            if (problem.isPresent() && !problem.get().contains("final already")) {
                LOG.info(() -> "Certificate of " + certificate.blockHash() + " from " + peer.nodeId() + " not taken: "
                        + problem.get());
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

    /** Imports blocks in order; stops at the first that is invalid or does not follow, and blames the peer. */
    private int importBatch(Peer peer, String chainId, List<Block> batch) {
        int taken = 0;
        for (Block block : batch) {
            // Seen before the import, so that the node's own listener does not pass old blocks on as news.
            seen.firstSight(new Gossip(GossipKind.BLOCK, chainId, block.encode()).id());
            ImportResult result = chains.importBlock(chainId, block);
            if (result instanceof ImportResult.Invalid invalid) {
                peers.penalise(peer, Offence.INVALID_BLOCK, "synced block " + block.hash() + " at height " + block.height()
                        + ": " + invalid.reason(), clock.getAsLong());
                return taken;
            }
            if (result instanceof ImportResult.Orphan) {
                peers.penalise(peer, Offence.MALFORMED_MESSAGE, "sync answer block " + block.hash()
                        + " does not follow the locator or the block before it", clock.getAsLong());
                return taken;
            }
            taken++;
        }
        Block last = batch.get(batch.size() - 1);
        peer.reached(chainId, last.height(), last.hash());
        return taken;
    }

    // What operators see.

    public List<PeerView> peerViews() {
        return peers.views(clock.getAsLong());
    }

    public int connectedPeerCount() {
        return peers.connectedCount();
    }

    /** The average latency to the connected peers measured so far; empty if none is measured. */
    public java.util.OptionalDouble averageLatencyMs() {
        return peers.connectedPeers().stream().map(Peer::latencyMs).flatMap(Optional::stream).mapToLong(Long::longValue)
                .average();
    }

    public List<SyncStatus> syncStatus() {
        List<SyncStatus> statuses = new ArrayList<>();
        for (ChainHead local : chains.heads()) {
            long best = peers.connectedPeers().stream().flatMap(peer -> peer.chain(local.chainId()).stream())
                    .mapToLong(ChainHead::height).max().orElse(local.height());
            ChainSync sync = syncFor(local.chainId());
            synchronized (sync) {
                statuses.add(new SyncStatus(local.chainId(), local.height(), Math.max(best, local.height()), sync.source != null,
                        Optional.ofNullable(sync.source), sync.total, sync.blocksPerSecond));
            }
        }
        return statuses;
    }

    /** Whether an orphan block arrived since the last sync round, so a round should run soon. */
    public boolean syncWanted() {
        return syncs.values().stream().anyMatch(sync -> sync.wanted);
    }

    private Optional<ChainHead> chainHead(String chainId) {
        return chains.heads().stream().filter(head -> head.chainId().equals(chainId)).findFirst();
    }

    private long localHeight(String chainId) {
        return chainHead(chainId).map(ChainHead::height).orElse(0L);
    }

    private ChainSync syncFor(String chainId) {
        return syncs.computeIfAbsent(chainId, id -> new ChainSync());
    }

    static Block decodeBlock(byte[] payload) throws MalformedEncodingException {
        return Block.decode(payload, payload.length / MIN_TRANSACTION_BYTES + 1);
    }

    /** One chain's sync: whether it runs, from whom, and its counts. */
    private static final class ChainSync {
        volatile boolean wanted;
        String source;
        long total;
        double blocksPerSecond;

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
