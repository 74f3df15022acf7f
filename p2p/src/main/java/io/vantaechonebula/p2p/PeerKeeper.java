package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.PeerAddress;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.peer.AddressBook;
import io.vantaechonebula.p2p.peer.NetworkOptimizer;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps this node's peers (docs/p2p-spec.md §5–6): pings the connected ones, dials addresses due while
 * there is room (seeds, local endpoints, the peers of peers), asks peers for theirs every few rounds,
 * lets a weak peer go for a new one when the optimizer runs, and marks a peer that fails a call unreachable.
 */
final class PeerKeeper {

    static final int PEER_EXCHANGE_EVERY_ROUNDS = 6;
    /** P10: the most addresses dialled in one round, call-backs to verify a caller's address (P7) included. */
    static final int DIALS_PER_ROUND = 8;
    /** P7: how many times a caller's address is dialled back without the caller answering before it is given up. */
    static final int VERIFICATIONS_BEFORE_GIVING_UP = 3;
    /**
     * P7: one call-back at a time is made at once as a hello arrives, so that callers giving addresses that never
     * answer hold no more than one of the relays' threads; the others wait for the rounds. The slot is taken for
     * at most this long: a task the executor lost (it happens under an application server) frees it anyway.
     */
    static final long CALL_BACK_SLOT_MS = 15_000;
    private static final Logger LOG = Logger.getLogger(PeerKeeper.class.getName());

    private final NetworkSettings settings;
    private final PeerClient client;
    private final LongSupplier clock;
    private final PeerTable peers;
    private final AddressBook book;
    private final Handshake handshake;
    private int round;
    private int dialsLeft;
    /** Until when the one immediate call-back's slot is taken; 0 when free. */
    private final AtomicLong callBackSlotTakenUntil = new AtomicLong();

    PeerKeeper(NetworkSettings settings, PeerClient client, LongSupplier clock, PeerTable peers, AddressBook book,
               Handshake handshake) {
        this.settings = settings;
        this.client = client;
        this.clock = clock;
        this.peers = peers;
        this.book = book;
        this.handshake = handshake;
    }

    void maintain() {
        round++;
        dialsLeft = DIALS_PER_ROUND;
        verifyClaimedAddresses();
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

    /** P7: calls the peer back at the address its hello gave, on the executor, unless enough call-backs are under way. */
    void callBackSoon(Peer peer, Executor executor) {
        long now = clock.getAsLong();
        long takenUntil = callBackSlotTakenUntil.get();
        if (takenUntil > now || !callBackSlotTakenUntil.compareAndSet(takenUntil, now + CALL_BACK_SLOT_MS)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    verifyClaimedAddress(peer);
                } finally {
                    callBackSlotTakenUntil.set(0);
                }
            });
        } catch (RejectedExecutionException e) {
            callBackSlotTakenUntil.set(0); // shutting down: the rounds would have tried it
        }
    }

    /** P7: the addresses callers gave that a first call-back did not verify, tried again within the round's dials. */
    private void verifyClaimedAddresses() {
        for (Peer peer : peers.connectedPeers()) {
            if (peer.addressToVerify().isPresent() && dialsLeft > 0) {
                dialsLeft--;
                verifyClaimedAddress(peer);
            }
        }
    }

    /**
     * P7: a node that called gives an address to call it back at; this node believes it only once the node answers
     * there, so that nobody makes it call, gossip to or hand out an address that is not the caller's. Tried at once
     * after the hello, then in the rounds, {@value #VERIFICATIONS_BEFORE_GIVING_UP} times in all.
     */
    void verifyClaimedAddress(Peer peer) {
        Optional<String> claimed = peer.addressToVerify();
        if (claimed.isEmpty()) {
            return;
        }
        String address = claimed.get();
        if (!settings.dialPrivate() && PeerAddress.isPrivate(address)) {
            peer.addressNotVerified(1, clock.getAsLong());
            LOG.fine(() -> "Peer " + peer.nodeId() + " gives the private address " + address + "; not dialled (P10)");
            return;
        }
        Optional<String> problem = answersAs(peer, address);
        if (problem.isEmpty()) {
            peer.addressVerified(address);
            book.add(address, AddressBook.Source.INBOUND);
            book.succeeded(address, peer.nodeId());
            LOG.fine(() -> "Peer " + peer.nodeId() + " answered at " + address + ", the address it gave");
        } else {
            peer.addressNotVerified(VERIFICATIONS_BEFORE_GIVING_UP, clock.getAsLong());
            LOG.info(() -> "Peer " + peer.nodeId() + " gives the address " + address + ", where it did not answer: "
                    + problem.get());
        }
    }

    /** Why the node at the address is not the peer, if it is not: a hello there must come back signed by the peer. */
    private Optional<String> answersAs(Peer peer, String address) {
        Hello ours = handshake.hello();
        Hello theirs;
        try {
            theirs = client.hello(address, ours);
        } catch (PeerCallException e) {
            return Optional.of(e.getMessage());
        }
        if (!theirs.nodeId().equals(peer.nodeId()) || !theirs.isAuthentic()) {
            return Optional.of("node " + theirs.nodeId() + " answers there");
        }
        return Optional.empty();
    }

    /** The addresses of this node's connected peers, for the peers of peers. */
    List<String> peerAddresses() {
        return peers.connectedPeers().stream().map(Peer::address).filter(address -> !address.isEmpty()).toList();
    }

    /** The peer answered a call of this node's. */
    void answered(Peer peer) {
        peer.answered(clock.getAsLong());
    }

    /**
     * P12: a call to the peer failed. A refusal is an answer: {@code unknown-peer} means the peer forgot this
     * node (it found it slow, say), so this node greets it again at once; {@code rate-limited} changes
     * nothing; any other refusal ends the connection. No answer is a miss: the peer is let go only after
     * several in a row over the grace period ({@link PeerTable#missed}), so a slow peer is not a dead one.
     *
     * @param call what the call was, for the log
     * @return whether the peer took this node's hello again, so that the call may be made once more
     */
    boolean failed(Peer peer, String call, PeerCallException e) {
        Optional<Refusal> refusal = e.refusal();
        if (refusal.isEmpty()) {
            String problem = call + " failed: " + e.getMessage();
            if (peers.missed(peer, problem, clock.getAsLong())) {
                lost(peer, problem + " (no answer for " + PeerTable.UNREACHABLE_GRACE_MS / 1000 + " s, "
                        + PeerTable.MISSES_BEFORE_UNREACHABLE + " calls or more in a row)");
            }
            return false;
        }
        answered(peer);
        return switch (refusal.get().reason()) {
            case UNKNOWN_PEER -> greetAgain(peer, call);
            case RATE_LIMITED -> false;
            default -> {
                lost(peer, call + " refused: " + refusal.get());
                yield false;
            }
        };
    }

    /** P12: the peer refused a call as from a node it does not know: this node says hello again, now. */
    private boolean greetAgain(Peer peer, String call) {
        Hello theirs;
        try {
            theirs = client.hello(peer.address(), handshake.hello());
        } catch (PeerCallException e) {
            lost(peer, call + " was refused as from an unknown peer, and a hello again failed: " + e.getMessage());
            return false;
        }
        Optional<String> problem = problemWith(peer, theirs);
        problem.ifPresentOrElse(p -> lost(peer, p),
                () -> LOG.info(() -> "Peer " + peer.nodeId() + " had let this node go; greeted it again (" + call + ")"));
        return problem.isEmpty();
    }

    /** Why the hello the peer answered ends the connection, if it does: another node there, or a refusal of the hello. */
    private Optional<String> problemWith(Peer peer, Hello theirs) {
        if (!theirs.nodeId().equals(peer.nodeId())) {
            return Optional.of("node " + theirs.nodeId() + " answers at its address now");
        }
        return handshake.refusal(handshake.hello(), theirs, peer.address()).map(Refusal::toString);
    }

    /** A call to the peer failed for good: it is unreachable until it connects again. */
    void lost(Peer peer, String problem) {
        boolean wasConnected = peer.state() == PeerState.CONNECTED;
        peers.unreachable(peer, problem);
        // Calls already under way fail too; the address waits longer only for the first of them.
        if (wasConnected && !peer.address().isEmpty()) {
            book.add(peer.address(), AddressBook.Source.INBOUND);
            book.failed(peer.address(), clock.getAsLong());
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
        Hello theirs;
        try {
            theirs = client.hello(peer.address(), handshake.hello());
        } catch (PeerCallException e) {
            failed(peer, "ping", e);
            return;
        }
        long roundTripMs = (System.nanoTime() - started) / 1_000_000;
        problemWith(peer, theirs).ifPresentOrElse(problem -> lost(peer, problem), () -> peer.measuredLatency(roundTripMs));
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
            if (peers.connectedCount() >= settings.limits().maxPeers() || dialsLeft <= 0) {
                return;
            }
            if (connectedAddresses.contains(address) || book.nodeIdAt(address).filter(connectedIds::contains).isPresent()
                    || peers.isAddressBanned(address, now)) {
                continue;
            }
            dialsLeft--;
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
        Hello ours = handshake.hello();
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
        if (theirs.nodeId().equals(ours.nodeId())) {
            book.own(address);
            return Optional.empty();
        }
        Optional<Refusal> refusal = handshake.refusal(ours, theirs, address);
        if (refusal.isPresent()) {
            book.failed(address, clock.getAsLong());
            LOG.info(() -> "Not peering with " + theirs.nodeId() + " at " + address + ": " + LogText.of(refusal.get()));
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
                List<String> addresses = client.peerAddresses(peer);
                answered(peer);
                long added = addresses.stream().map(address -> book.learnt(address, peer.nodeId()))
                        .filter(AddressBook.Learnt.ADDED::equals).count();
                if (added > 0) {
                    LOG.fine(() -> "Learnt " + added + " of the " + addresses.size() + " addresses peer " + peer.nodeId()
                            + " gave");
                }
            } catch (PeerCallException e) {
                failed(peer, "asking for its peers", e);
            }
        }
    }
}
