package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerLimits;
import io.vantaechonebula.p2p.peer.PeerTable;
import io.vantaechonebula.p2p.sync.SyncBatch;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Nodes running the real protocol code in one JVM, joined by calls that go through the same
 * authentication as HTTP would; links can be cut to make partitions. Relays queue up and run when
 * the test says, so every run is the same.
 */
final class SimulatedNetwork {

    static final String SOFTWARE = "vanta-test";

    final AtomicLong clock = new AtomicLong(TestChains.GENESIS_TIME + TestChains.BLOCK_TIME);
    final Map<String, SimNode> nodes = new LinkedHashMap<>();
    private final Map<String, NetworkSettings> settingsOf = new LinkedHashMap<>();
    private final Deque<Runnable> relays = new ArrayDeque<>();
    private final Set<Set<String>> cut = new HashSet<>();
    /** Addresses whose hellos take {@link #SLOW_MS}: a far-away node, as latency measures it. */
    final Set<String> slow = new HashSet<>();
    static final long SLOW_MS = 80;
    int gossipDeliveries;
    /** The most blocks a sync answer of a node made from now on holds. */
    int syncBatchBlocks = 100;

    SimNode node(String name, List<String> seeds) {
        return node(name, seeds, TestChains.params(), PeerLimits.DEFAULTS);
    }

    SimNode node(String name, List<String> seeds, ChainParams params, PeerLimits limits) {
        return node(name, seeds, params, limits, false);
    }

    /** A simple node: its network optimizer chooses its peers. */
    SimNode simpleNode(String name, List<String> seeds, PeerLimits limits) {
        return node(name, seeds, TestChains.params(), limits, true);
    }

    private SimNode node(String name, List<String> seeds, ChainParams params, PeerLimits limits, boolean simple) {
        String address = "http://" + name + ".sim:7000";
        NetworkSettings basic = new NetworkSettings(address, simple ? "simple" : "basic", SOFTWARE, seeds, List.of(), limits,
                NetworkSettings.DEFAULT_MAX_CLOCK_SKEW_MS, syncBatchBlocks);
        NetworkSettings settings = simple ? basic.withOptimisedPeers() : basic;
        Ed25519PrivateKey key = Ed25519PrivateKey.generate(new SecureRandom());
        SimNode node = new SimNode(name, address, key, params, clock);
        settingsOf.put(address, settings);
        nodes.put(address, node);
        start(node);
        return node;
    }

    /** Starts the node's network afresh, its chain kept: a restart, after which it knows no peer. */
    void start(SimNode node) {
        node.network = new Network(settingsOf.get(node.address), node.key, node, new Client(node), relays::add, Runnable::run,
                clock::get);
    }

    /** Cuts every link between the two groups. */
    void partition(Collection<SimNode> one, Collection<SimNode> other) {
        for (SimNode a : one) {
            for (SimNode b : other) {
                cut.add(Set.of(a.address, b.address));
            }
        }
    }

    void heal() {
        cut.clear();
    }

    /** Runs queued relays, and the relays they cause, until none is left. */
    void runRelays() {
        int run = 0;
        while (!relays.isEmpty()) {
            relays.poll().run();
            if (++run > 1_000_000) {
                throw new AssertionError("relays do not stop: a message is passed on more than once");
            }
        }
    }

    /**
     * Advances the clock, then has every node maintain its peers, sync, cast the votes it owes as a
     * validator and report the conflicts it saw, {@code count} times.
     */
    void rounds(int count) {
        for (int i = 0; i < count; i++) {
            clock.addAndGet(1_000);
            for (SimNode node : nodes.values()) {
                node.network.maintain();
                runRelays();
            }
            for (SimNode node : nodes.values()) {
                node.network.syncOnce();
                runRelays();
            }
            for (SimNode node : nodes.values()) {
                node.network.vote();
                runRelays();
            }
        }
    }

    private SimNode reach(SimNode from, String address) throws PeerCallException {
        SimNode target = nodes.get(address);
        if (target == null) {
            throw new PeerCallException("connection refused: nothing listens at " + address);
        }
        if (cut.contains(Set.of(from.address, address))) {
            throw new PeerCallException("no route to " + address);
        }
        return target;
    }

    /** One node's calls to the others, each signed with its key as over HTTP. */
    private final class Client implements PeerClient {

        private final SimNode from;

        Client(SimNode from) {
            this.from = from;
        }

        @Override
        public boolean isVantaNode(String address) {
            return nodes.containsKey(address);
        }

        @Override
        public Hello hello(String address, Hello ours) throws PeerCallException {
            try {
                SimNode target = reach(from, address);
                if (slow.contains(address)) {
                    Thread.sleep(SLOW_MS);
                }
                return target.network.onHello(ours, PeerTable.hostOf(from.address));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new PeerCallException("interrupted");
            } catch (RefusedException e) {
                throw new PeerCallException(e.refusal());
            }
        }

        @Override
        public void gossip(Peer to, Gossip gossip) throws PeerCallException {
            SimNode target = reach(from, to.address());
            Peer sender = authenticated(target, "/api/v1/p2p/gossip", gossip.payload());
            gossipDeliveries++;
            target.network.onGossip(sender, gossip);
        }

        @Override
        public SyncBatch blocksAfter(Peer peer, String chainId, List<Hash> locator, int max) throws PeerCallException {
            SimNode target = reach(from, peer.address());
            authenticated(target, "/api/v1/p2p/blocks", chainId.getBytes(StandardCharsets.UTF_8));
            target.syncRequestsServed++;
            target.beforeAnsweringSync.run();
            return target.answersEverySync != null ? target.answersEverySync : target.network.blocksAfter(chainId, locator, max);
        }

        @Override
        public List<String> peerAddresses(Peer of) throws PeerCallException {
            SimNode target = reach(from, of.address());
            authenticated(target, "/api/v1/p2p/peers", new byte[0]);
            return target.network.peerAddresses();
        }

        private Peer authenticated(SimNode target, String path, byte[] body) throws PeerCallException {
            SignedRequest request = SignedRequest.sign(from.key, target.network.nodeId(), "POST", path, clock.get(), body);
            try {
                return target.network.authenticate(request, "POST", path, body);
            } catch (RefusedException e) {
                throw new PeerCallException(e.refusal());
            }
        }
    }
}
