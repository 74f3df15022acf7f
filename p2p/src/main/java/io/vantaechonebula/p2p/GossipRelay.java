package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.gossip.SeenMessages;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * Gossip (docs/p2p-spec.md §4): each message is handled once, by the handler of its kind, and what a
 * handler accepts is relayed to every other peer that runs its chain, through the peer's outbox on the relay
 * executor (P12).
 */
final class GossipRelay {

    private static final Logger LOG = Logger.getLogger(GossipRelay.class.getName());
    static final int SEEN_CAPACITY = 200_000;

    private final LocalChains chains;
    private final PeerTable peers;
    private final PeerClient client;
    private final Executor relays;
    private final PeerKeeper keeper;
    private final SeenMessages seen;
    private final LongSupplier clock;
    private final Map<GossipKind, GossipHandler> handlers = new EnumMap<>(GossipKind.class);
    private final Map<String, PeerOutbox> outboxes = new ConcurrentHashMap<>();

    GossipRelay(LocalChains chains, PeerTable peers, PeerClient client, Executor relays, PeerKeeper keeper,
                SeenMessages seen, LongSupplier clock) {
        this.chains = chains;
        this.peers = peers;
        this.client = client;
        this.relays = relays;
        this.keeper = keeper;
        this.seen = seen;
        this.clock = clock;
    }

    GossipRelay handle(GossipKind kind, GossipHandler handler) {
        handlers.put(kind, handler);
        return this;
    }

    GossipOutcome onGossip(Peer from, Gossip gossip) {
        if (chains.heads().stream().noneMatch(head -> head.chainId().equals(gossip.chainId()))) {
            return GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "this node does not run chain " + gossip.chainId());
        }
        if (!seen.firstSight(gossip.id())) {
            return GossipOutcome.of(GossipOutcome.Result.KNOWN, "seen before");
        }
        GossipOutcome outcome = handlers.get(gossip.kind()).handle(from, gossip);
        if (outcome.result() == GossipOutcome.Result.ACCEPTED) {
            relay(from, gossip);
        }
        return outcome;
    }

    /** Sends what this node made or took itself to every peer, unless it went out (or came in) already. */
    void publish(Gossip gossip) {
        if (seen.firstSight(gossip.id())) {
            relay(null, gossip);
        }
    }

    private void relay(Peer except, Gossip gossip) {
        List<Peer> connected = peers.connectedPeers();
        if (outboxes.size() > 2 * connected.size() + 10) {
            outboxes.entrySet().removeIf(entry -> peers.connected(entry.getKey()).isEmpty() && entry.getValue().isIdle());
        }
        for (Peer peer : connected) {
            if (peer == except || peer.address().isEmpty() || peer.chain(gossip.chainId()).isEmpty()) {
                continue;
            }
            PeerOutbox outbox = outboxes.computeIfAbsent(peer.nodeId(), id -> new PeerOutbox());
            if (outbox.offer(gossip)) {
                relays.execute(() -> sendAll(peer, outbox));
            }
        }
    }

    /** P12: sends what waits for the peer, one message after another, while it stays connected. */
    private void sendAll(Peer peer, PeerOutbox outbox) {
        for (Optional<Gossip> next = outbox.next(); next.isPresent(); next = outbox.next()) {
            if (peer.state() != PeerState.CONNECTED) {
                outbox.clear();
                return;
            }
            send(peer, next.get());
            outbox.droppedToReport(clock.getAsLong()).ifPresent(dropped -> LOG.warning(() -> "Gossip to peer " + peer.nodeId()
                    + " at " + peer.address() + " falls behind: " + dropped + " messages dropped unsent (at most "
                    + PeerOutbox.MAX_MESSAGES + " or " + (PeerOutbox.MAX_BYTES >> 20) + " MiB wait for one peer); it answers"
                    + " slower than this node gossips, and catches up on blocks by sync"));
        }
    }

    private void send(Peer peer, Gossip gossip) {
        try {
            client.gossip(peer, gossip);
            keeper.answered(peer);
        } catch (PeerCallException e) {
            if (keeper.failed(peer, "gossip of " + gossip, e)) {
                try {
                    client.gossip(peer, gossip);
                } catch (PeerCallException again) {
                    keeper.failed(peer, "gossip of " + gossip + " after a new hello", again);
                }
            }
        }
    }
}
