package io.vantaechonebula.p2p.peer;

import io.vantaechonebula.chain.encoding.LogText;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.Refusal;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Every node this one has exchanged hellos with, by node id: admits peers within the limit, refuses
 * banned ones (by node id and by address, so a new key at the same address stays out), and keeps
 * their reputation and request rate (docs/p2p-spec.md §5).
 */
public final class PeerTable {

    private static final Logger LOG = Logger.getLogger(PeerTable.class.getName());

    private final PeerLimits limits;
    private final Map<String, Peer> peers = new ConcurrentHashMap<>();
    private final Map<String, Long> bannedAddresses = new ConcurrentHashMap<>();
    private final AtomicLong bans = new AtomicLong();

    public PeerTable(PeerLimits limits) {
        this.limits = limits;
    }

    public PeerLimits limits() {
        return limits;
    }

    /**
     * Takes an authentic, compatible hello: a new peer if there is room, or news of a known one.
     *
     * @param dialledAddress where this node reached the peer, or empty if the peer called
     * @param observedHost   the host the hello came from (the connection's, or the one dialled), never the one it claims
     */
    public synchronized Optional<Refusal> admit(Hello hello, String dialledAddress, String observedHost, long nowMs) {
        Peer known = peers.get(hello.nodeId());
        Optional<Refusal> banned = banOf(known, observedHost, nowMs);
        if (banned.isPresent()) {
            return banned;
        }
        boolean inbound = dialledAddress.isEmpty();
        boolean newlyConnected = known == null || known.state() != PeerState.CONNECTED;
        if (newlyConnected && inbound && !roomForAnotherCallerFrom(observedHost, hello.nodeId())) {
            return Optional.of(new Refusal(Refusal.Reason.PEER_LIMIT, "P7: " + INBOUND_PER_HOST + " nodes at host "
                    + observedHost + " are peers of this node already; try another node"));
        }
        if (newlyConnected && !roomFor(inbound, hello.nodeId(), nowMs)) {
            return Optional.of(new Refusal(Refusal.Reason.PEER_LIMIT, "this node has its " + limits.maxPeers()
                    + " peers (max_peers), " + (inbound ? "of which at most " + inboundLimit() + " called it" : "all busy")
                    + "; try another node or later"));
        }
        if (known == null) {
            forgetTheOldestIfFull(nowMs);
            peers.put(hello.nodeId(), new Peer(hello, dialledAddress, observedHost,
                    new RequestRate(limits.requestsPerSecond(), limits.requestBurst(), nowMs), nowMs));
            LOG.info(() -> "Peer " + hello.nodeId() + " at " + address(hello) + " connected (" + LogText.of(hello.mode()) + ", "
                    + LogText.of(hello.software()) + ")");
        } else {
            known.greeted(hello, dialledAddress, observedHost, nowMs);
        }
        return Optional.empty();
    }

    /**
     * P7: the slots a newcomer may take. Calls take at most {@link #inboundLimit()}, so that the slots this
     * node dials stay free for it whatever strangers say hello; when the slots are full, the oldest useless
     * caller (no address to call back, nothing brought) gives way.
     */
    private boolean roomFor(boolean inbound, String newcomer, long nowMs) {
        List<Peer> connected = connectedPeers();
        long callers = connected.stream().filter(peer -> !peer.dialled()).count();
        boolean full = connected.size() >= limits.maxPeers() || inbound && callers >= inboundLimit();
        if (!full) {
            return true;
        }
        Optional<Peer> leaving = connected.stream().filter(Peer::useless).filter(peer -> !peer.nodeId().equals(newcomer))
                .min(Comparator.comparingLong(Peer::lastSeenMs));
        leaving.ifPresent(peer -> {
            peers.remove(peer.nodeId());
            LOG.info(() -> "Peer " + peer.nodeId() + " (no address, brought nothing) makes room for " + newcomer);
        });
        return leaving.isPresent();
    }

    /** P7: the most peers that may call this node from one host (other than this machine's loopback). */
    public static final int INBOUND_PER_HOST = 2;

    /**
     * P7: whether one more node at the host may call this node: one host takes at most {@value #INBOUND_PER_HOST}
     * of the slots callers have, where a useless caller of that host gives way. Loopback is exempt: it is this
     * machine's, where an operator runs several nodes.
     */
    private boolean roomForAnotherCallerFrom(String observedHost, String newcomer) {
        if (!isAnotherMachine(observedHost)) {
            return true;
        }
        List<Peer> fromThatHost = connectedPeers().stream()
                .filter(peer -> !peer.dialled() && peer.observedHost().equals(observedHost)).toList();
        if (fromThatHost.size() < INBOUND_PER_HOST) {
            return true;
        }
        Optional<Peer> leaving = fromThatHost.stream().filter(Peer::useless).filter(peer -> !peer.nodeId().equals(newcomer))
                .min(Comparator.comparingLong(Peer::lastSeenMs));
        leaving.ifPresent(peer -> {
            peers.remove(peer.nodeId());
            LOG.info(() -> "Peer " + peer.nodeId() + " (no address, brought nothing) makes room for " + newcomer
                    + " from the same host " + observedHost);
        });
        return leaving.isPresent();
    }

    /** P11: the most peers the table remembers, connected or not; beyond it the longest unseen one not banned is forgotten. */
    public static final int MAX_KNOWN = 1_000;

    private void forgetTheOldestIfFull(long nowMs) {
        if (peers.size() < MAX_KNOWN) {
            return;
        }
        peers.values().stream().filter(peer -> peer.state() != PeerState.CONNECTED && !peer.isBanned(nowMs))
                .min(Comparator.comparingLong(Peer::lastSeenMs))
                .ifPresent(peer -> peers.remove(peer.nodeId()));
    }

    /** P7: how many of the peers may have called this node: all but a third of max_peers, kept for those it dials. */
    public int inboundLimit() {
        return limits.maxPeers() - limits.maxPeers() / 3;
    }

    /** How many connected peers this node dialled. */
    public long dialledCount() {
        return connectedPeers().stream().filter(Peer::dialled).count();
    }

    /** P7, P8: whether a host is another machine, not this one's loopback, which its nodes share (and which is never banned). */
    private static boolean isAnotherMachine(String host) {
        return !host.isEmpty() && !host.equals("localhost") && !host.startsWith("127.") && !host.equals("::1")
                && !host.equals("0:0:0:0:0:0:0:1") && !host.equals("[::1]");
    }

    /** The host of an address ({@code http://host:port}), or the address itself when it is a bare host. */
    public static String hostOf(String address) {
        try {
            String host = URI.create(address).getHost();
            return host != null ? host : address;
        } catch (IllegalArgumentException e) {
            return address;
        }
    }

    private Optional<Refusal> banOf(Peer known, String observedHost, long nowMs) {
        if (known != null && known.isBanned(nowMs)) {
            return Optional.of(new Refusal(Refusal.Reason.BANNED, "node " + known.nodeId() + " is banned until "
                    + java.time.Instant.ofEpochMilli(known.view(nowMs).bannedUntilMs().orElse(nowMs)) + " for what it sent"));
        }
        Long until = observedHost.isEmpty() ? null : bannedAddresses.get(observedHost);
        if (until != null) {
            if (nowMs < until) {
                return Optional.of(new Refusal(Refusal.Reason.BANNED, "host " + observedHost + " is banned until "
                        + java.time.Instant.ofEpochMilli(until) + " for what a node there sent"));
            }
            bannedAddresses.remove(observedHost);
        }
        return Optional.empty();
    }

    /** The peer with this id if it is connected now. */
    public Optional<Peer> connected(String nodeId) {
        Peer peer = peers.get(nodeId);
        return peer != null && peer.state() == PeerState.CONNECTED ? Optional.of(peer) : Optional.empty();
    }

    public Optional<Peer> known(String nodeId) {
        return Optional.ofNullable(peers.get(nodeId));
    }

    public List<Peer> connectedPeers() {
        return peers.values().stream().filter(peer -> peer.state() == PeerState.CONNECTED).toList();
    }

    public int connectedCount() {
        return (int) peers.values().stream().filter(peer -> peer.state() == PeerState.CONNECTED).count();
    }

    /** Whether the peer may make one more request now; counts it if so. */
    public boolean takeRequest(Peer peer, long nowMs) {
        return peer.takeRequest(nowMs);
    }

    /**
     * Takes the offence's cost from the peer's reputation.
     *
     * @return whether the peer is now banned
     */
    public boolean penalise(Peer peer, Offence offence, String problem, long nowMs) {
        boolean banned = peer.penalise(offence, problem, nowMs, limits.banMs());
        if (banned) {
            bans.incrementAndGet();
            if (isAnotherMachine(peer.observedHost())) {
                if (bannedAddresses.size() >= MAX_KNOWN) {
                    // P11: bounded; the bans that ended go first, then the one ending soonest.
                    bannedAddresses.values().removeIf(until -> until <= nowMs);
                    bannedAddresses.entrySet().stream().min(Map.Entry.comparingByValue())
                            .filter(any -> bannedAddresses.size() >= MAX_KNOWN)
                            .ifPresent(soonest -> bannedAddresses.remove(soonest.getKey()));
                }
                bannedAddresses.put(peer.observedHost(), nowMs + limits.banMs());
            }
            LOG.warning(() -> "Peer " + peer.nodeId() + " at " + peer.address() + " banned for " + limits.banMs() / 1000
                    + " s: its reputation ran out; last offence " + offence + ": " + problem);
        } else {
            LOG.info(() -> "Peer " + peer.nodeId() + " loses " + offence.cost() + " reputation (now " + peer.reputation()
                    + ") for " + offence + ": " + problem);
        }
        return banned;
    }

    /** How many times a peer was banned since the node started. */
    public long bans() {
        return bans.get();
    }

    public void reward(Peer peer) {
        peer.reward();
    }

    /** P12: a call to the peer failed without an answer; a peer that misses this many calls in a row over this long is gone. */
    public static final int MISSES_BEFORE_UNREACHABLE = 3;
    public static final long UNREACHABLE_GRACE_MS = 30_000;

    /**
     * P12: a call to the peer got no answer. A slow peer is not a dead one: it stays connected until it has
     * missed {@value #MISSES_BEFORE_UNREACHABLE} calls in a row and not answered for {@value #UNREACHABLE_GRACE_MS} ms.
     *
     * @return whether to take it for unreachable now
     */
    public boolean missed(Peer peer, String problem, long nowMs) {
        boolean gone = peer.missed(nowMs, MISSES_BEFORE_UNREACHABLE, UNREACHABLE_GRACE_MS, problem);
        if (!gone) {
            LOG.fine(() -> "Peer " + peer.nodeId() + " missed a call, still within its grace: " + problem);
        }
        return gone;
    }

    public void unreachable(Peer peer, String problem) {
        if (peer.state() == PeerState.CONNECTED) {
            LOG.info(() -> "Peer " + peer.nodeId() + " at " + peer.address() + " is unreachable: " + problem);
        }
        peer.unreachable(problem);
    }

    /**
     * An operator lifts a peer's ban, and the ban on the host it called from.
     *
     * @return whether the peer was known and banned
     */
    public boolean liftBan(String nodeId, long nowMs) {
        Peer peer = peers.get(nodeId);
        if (peer == null) {
            return false;
        }
        boolean lifted = peer.liftBan(nowMs);
        if (peer.observedHost() != null) {
            lifted |= bannedAddresses.remove(peer.observedHost()) != null;
        }
        if (lifted) {
            LOG.info(() -> "Peer " + nodeId + " at " + peer.address() + ": ban lifted by an operator");
        }
        return lifted;
    }

    public boolean isBanned(String nodeId, long nowMs) {
        Peer peer = peers.get(nodeId);
        return peer != null && peer.isBanned(nowMs);
    }

    /** Whether the host of an address (to dial, say) is banned. */
    public boolean isAddressBanned(String address, long nowMs) {
        Long until = bannedAddresses.get(hostOf(address));
        return until != null && nowMs < until;
    }

    /** Every peer known, connected first, then by node id. */
    public List<PeerView> views(long nowMs) {
        return peers.values().stream().map(peer -> peer.view(nowMs))
                .sorted(Comparator.comparing((PeerView view) -> view.state().ordinal()).thenComparing(PeerView::nodeId))
                .toList();
    }

    private static String address(Hello hello) {
        return hello.address().isEmpty() ? "(no address: it does not listen)" : hello.address();
    }
}
