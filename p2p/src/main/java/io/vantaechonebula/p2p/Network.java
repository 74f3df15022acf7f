package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.gossip.SeenMessages;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.peer.AddressBook;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncBatch;
import io.vantaechonebula.p2p.sync.SyncStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * One node's side of the peer-to-peer protocol (docs/p2p-spec.md), the one entry its transports and its
 * node use. It joins the parts that do the work: {@link Handshake} (hellos and signed requests),
 * {@link GossipRelay} (a handler per kind, each message relayed once), {@link PeerKeeper} (dial, ping,
 * evict, exchange), {@link Synchronizer} (serve and fetch blocks by locator) and {@link VoteRound}.
 * The transport calls the {@code on…} methods for what arrives and runs {@link #maintain()} and
 * {@link #syncOnce()} on a schedule; relays go out on one executor given, and sync fetches its next
 * batch on the other while it imports the current one.
 */
public final class Network {

    public static final int PROTOCOL_VERSION = 2;
    /** The most blocks one answer to a sync request holds, whatever was asked. */
    public static final int MAX_BLOCKS_PER_ANSWER = Synchronizer.MAX_BLOCKS_PER_ANSWER;

    private final LongSupplier clock;
    private final PeerTable peers;
    private final Handshake handshake;
    private final PeerKeeper keeper;
    private final Synchronizer synchronizer;
    private final AlertGossip alerts;
    private final GossipRelay relay;
    private final VoteRound votes;
    private final Executor relays;

    public Network(NetworkSettings settings, Ed25519PrivateKey key, LocalChains chains, PeerClient client, Executor relays,
                   Executor prefetch, LongSupplier clock) {
        this.clock = clock;
        this.relays = relays;
        this.peers = new PeerTable(settings.limits());
        AddressBook book = new AddressBook(settings.dialPrivate());
        settings.seeds().forEach(seed -> book.add(seed, AddressBook.Source.SEED));
        settings.localEndpoints().forEach(local -> book.add(local, AddressBook.Source.LOCAL));
        if (!settings.ownAddress().isEmpty()) {
            book.own(settings.ownAddress());
        }
        SeenMessages seen = new SeenMessages(GossipRelay.SEEN_CAPACITY);
        this.handshake = new Handshake(settings, key, chains, clock, peers);
        this.keeper = new PeerKeeper(settings, client, clock, peers, book, handshake);
        this.synchronizer = new Synchronizer(settings, chains, client, prefetch, clock, peers, seen, keeper);
        this.alerts = new AlertGossip(handshake.nodeId(), peers, clock);
        this.relay = new GossipRelay(chains, peers, client, relays, keeper, seen, clock)
                .handle(GossipKind.BLOCK, new BlockGossip(chains, peers, seen, synchronizer::want, clock))
                .handle(GossipKind.TRANSACTION, new TransactionGossip(chains, peers, clock))
                .handle(GossipKind.VOTE, new VoteGossip(chains, peers, seen, clock))
                .handle(GossipKind.ALERT, alerts);
        this.votes = new VoteRound(chains, relay, clock);
    }

    public String nodeId() {
        return handshake.nodeId();
    }

    /** This node's hello as of now. */
    public Hello hello() {
        return handshake.hello();
    }

    // What arrives.

    /** Takes another node's hello (H1–H5, then the peer limit and bans) and answers with this node's. */
    public Hello onHello(Hello theirs) throws RefusedException {
        return onHello(theirs, "");
    }

    /**
     * Takes another node's hello and answers with this node's; the address the hello gives is called back at once,
     * on the relays' executor, to be believed if the caller answers there (P7).
     *
     * @param observedHost the host the hello came from, as the connection shows it (P8)
     */
    public Hello onHello(Hello theirs, String observedHost) throws RefusedException {
        Hello ours = handshake.onHello(theirs, observedHost);
        peers.connected(theirs.nodeId()).filter(Peer::firstCallBack).ifPresent(peer -> keeper.callBackSoon(peer, relays));
        return ours;
    }

    /**
     * The connected peer that signed a request for this node (docs/p2p-spec.md §3, P10), counted against its
     * request rate.
     */
    public Peer authenticate(SignedRequest request, String method, String pathAndQuery, byte[] body) throws RefusedException {
        return handshake.authenticate(request, method, pathAndQuery, body);
    }

    /** P6: refuses a request naming a sender that is no connected peer, before its body is read. */
    public void checkSender(String nodeId) throws RefusedException {
        handshake.connectedSender(nodeId, clock.getAsLong());
    }

    /** A request from the peer could not be read: it costs the peer reputation. */
    public void onMalformed(Peer from, String problem) {
        peers.penalise(from, Offence.MALFORMED_MESSAGE, problem, clock.getAsLong());
    }

    public GossipOutcome onGossip(Peer from, Gossip gossip) {
        return relay.onGossip(from, gossip);
    }

    /** Has the listener told of every valid alert that peers bring (not of this node's own). */
    public void listenForAlerts(Consumer<TransactionAlert> listener) {
        alerts.listen(listener);
    }

    /**
     * This node's main-chain blocks after the first locator hash on its main chain, oldest first:
     * at most {@code max} (capped at {@value #MAX_BLOCKS_PER_ANSWER}) and a few megabytes.
     * Empty if no locator hash is on the main chain.
     */
    public SyncBatch blocksAfter(String chainId, List<Hash> locator, int max) {
        return synchronizer.blocksAfter(chainId, locator, max);
    }

    /** The addresses of this node's connected peers, for the peers of peers. */
    public List<String> peerAddresses() {
        return keeper.peerAddresses();
    }

    // What this node starts.

    /**
     * Sends a block this node mined, or a transaction it took, to every peer; nothing if the message
     * came from a peer or sync, which pass it on themselves.
     */
    public void publish(Gossip gossip) {
        relay.publish(gossip);
    }

    /** Sends an alert this node raised to every peer that runs its chain. */
    public void publishAlert(TransactionAlert alert) {
        publish(new Gossip(GossipKind.ALERT, alert.chainId(), alert.encode()));
    }

    /** Sends this node's votes due now (FN4) and the slashing transactions for the double votes it saw, on every chain. */
    public void vote() {
        votes.run();
    }

    /**
     * Pings the connected peers (refreshing their heads and latency), dials addresses due while there is
     * room for peers, and every few rounds asks the peers for theirs.
     */
    public void maintain() {
        keeper.maintain();
    }

    /** Catches up on each chain from the highest connected peer ahead of this node. */
    public void syncOnce() {
        synchronizer.syncOnce();
    }

    // What operators see.

    /** @return whether the peer was banned; it is not any more (an operator's call) */
    public boolean liftBan(String nodeId) {
        return peers.liftBan(nodeId, clock.getAsLong());
    }

    public List<PeerView> peerViews() {
        return peers.views(clock.getAsLong());
    }

    /** How many times a peer was banned since the node started. */
    public long bans() {
        return peers.bans();
    }

    public int connectedPeerCount() {
        return peers.connectedCount();
    }

    /** The average latency to the connected peers measured so far; empty if none is measured. */
    public OptionalDouble averageLatencyMs() {
        return peers.connectedPeers().stream().map(Peer::latencyMs).flatMap(Optional::stream).mapToLong(Long::longValue)
                .average();
    }

    public List<SyncStatus> syncStatus() {
        return synchronizer.status();
    }

    /**
     * S6: why this node should not mine the chain now: it is more than a few blocks behind what its peers have shown
     * (S3), and a branch mined meanwhile would be refused by them (chain-spec F6); empty if it may mine.
     */
    public Optional<String> miningHoldBack(String chainId) {
        return synchronizer.miningHoldBack(chainId);
    }

    /** Whether an orphan block arrived since the last sync round, so a round should run soon. */
    public boolean syncWanted() {
        return synchronizer.wanted();
    }
}
