package io.vantaechonebula.p2p;

import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.gossip.SeenMessages;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Gossip (docs/p2p-spec.md §4): each message is handled once, by the handler of its kind, and what a
 * handler accepts is relayed to every other peer that runs its chain, on the relay executor.
 */
final class GossipRelay {

    static final int SEEN_CAPACITY = 200_000;

    private final LocalChains chains;
    private final PeerTable peers;
    private final PeerClient client;
    private final Executor relays;
    private final PeerKeeper keeper;
    private final SeenMessages seen;
    private final Map<GossipKind, GossipHandler> handlers = new EnumMap<>(GossipKind.class);

    GossipRelay(LocalChains chains, PeerTable peers, PeerClient client, Executor relays, PeerKeeper keeper,
                SeenMessages seen) {
        this.chains = chains;
        this.peers = peers;
        this.client = client;
        this.relays = relays;
        this.keeper = keeper;
        this.seen = seen;
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
        for (Peer peer : peers.connectedPeers()) {
            if (peer == except || peer.address().isEmpty() || peer.chain(gossip.chainId()).isEmpty()) {
                continue;
            }
            relays.execute(() -> {
                try {
                    client.gossip(peer, gossip);
                } catch (PeerCallException e) {
                    keeper.lost(peer, "gossip of " + gossip + " failed: " + e.getMessage());
                }
            });
        }
    }
}
