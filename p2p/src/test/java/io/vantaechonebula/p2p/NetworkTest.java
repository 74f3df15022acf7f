package io.vantaechonebula.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockHeader;
import io.vantaechonebula.chain.block.BlockTemplate;
import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.handshake.Hello;
import io.vantaechonebula.p2p.handshake.Refusal;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.peer.PeerLimits;
import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncStatus;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

class NetworkTest {

    private final SimulatedNetwork net = new SimulatedNetwork();

    @Test
    void nodesThatShareAChainConnectBothWaysAndSeeEachOthersHeads() {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        a.mineQuietly();

        net.rounds(1);

        assertThat(connectedIds(a)).containsExactly(b.network.nodeId());
        assertThat(connectedIds(b)).containsExactly(a.network.nodeId());
        PeerView seenByB = b.network.peerViews().get(0);
        assertThat(seenByB.address()).isEqualTo("http://a.sim:7000");
        assertThat(seenByB.software()).isEqualTo(SimulatedNetwork.SOFTWARE);
        assertThat(seenByB.chains().get(0).height()).isEqualTo(1);
        assertThat(seenByB.reputation()).isEqualTo(100);
        assertThat(seenByB.latencyMs()).isPresent();
    }

    @Test
    void aNodeOnAnotherGenesisIsRefusedWithTheReason() {
        ChainParams same = TestChains.params();
        ChainParams otherGenesis = new ChainParams(same.name(), same.chainId(), same.targetBlockTimeMs(), same.halfLifeMs(),
                same.maxSolveTimeMs(), same.maxFutureMs(), same.genesisTarget(), same.powLimit(),
                same.genesisTimestampMs() + 1, same.blockReward(), same.minFee(), same.maxTransactionsPerBlock(),
                same.maxNonceAhead(), same.allocations());
        SimNode a = net.node("a", List.of());
        SimNode stranger = net.node("stranger", List.of("http://a.sim:7000"), otherGenesis, PeerLimits.DEFAULTS);

        assertThatThrownBy(() -> a.network.onHello(stranger.network.hello()))
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.GENESIS);
                    assertThat(e.refusal().detail()).contains(same.chainId()).contains("different networks");
                });
        net.rounds(2);
        assertThat(connectedIds(a)).isEmpty();
        assertThat(connectedIds(stranger)).isEmpty();
    }

    @Test
    void aNodeKeepsNoMoreThanMaxPeers() {
        PeerLimits two = new PeerLimits(2, 60_000, 50, 200);
        SimNode hub = net.node("hub", List.of(), TestChains.params(), two);
        List<SimNode> spokes = List.of(net.node("s1", List.of("http://hub.sim:7000")), net.node("s2", List.of("http://hub.sim:7000")),
                net.node("s3", List.of("http://hub.sim:7000")));

        net.rounds(3);

        assertThat(hub.network.connectedPeerCount()).isEqualTo(2);
        SimNode left = spokes.stream().filter(s -> s.network.connectedPeerCount() == 0).findFirst().orElseThrow();
        assertThatThrownBy(() -> hub.network.onHello(left.network.hello()))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.PEER_LIMIT));
    }

    @Test
    void aNodeFindsThePeersOfItsPeers() {
        SimNode a = net.node("a", List.of("http://b.sim:7000"));
        SimNode b = net.node("b", List.of("http://c.sim:7000"));
        SimNode c = net.node("c", List.of());

        net.rounds(8);

        assertThat(connectedIds(a)).contains(c.network.nodeId());
        assertThat(connectedIds(c)).contains(a.network.nodeId(), b.network.nodeId());
    }

    @Test
    void aNodeDoesNotPeerWithItself() {
        SimNode a = net.node("a", List.of("http://a.sim:7000"));
        SimNode b = net.node("b", List.of("http://a.sim:7000"));

        net.rounds(3);

        assertThat(connectedIds(a)).containsExactly(b.network.nodeId());
    }

    @Test
    void aBlockIsRelayedOnceToEveryNodeOfATriangle() {
        SimNode a = net.node("a", List.of("http://b.sim:7000", "http://c.sim:7000"));
        SimNode b = net.node("b", List.of("http://c.sim:7000"));
        SimNode c = net.node("c", List.of());
        net.rounds(1);
        assertThat(a.network.connectedPeerCount()).isEqualTo(2);
        int before = net.gossipDeliveries;

        Block block = a.mine();
        net.runRelays();

        assertThat(List.of(b, c)).allSatisfy(node -> assertThat(node.headHash()).isEqualTo(block.hash()));
        // a sends to b and c; each of them passes it to the other, who knew it already. No more.
        assertThat(net.gossipDeliveries - before).isEqualTo(4);
    }

    @Test
    void aTransactionIsRelayedToEveryNodeAndMinedByAnother() {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        SimNode c = net.node("c", List.of("http://b.sim:7000"));
        net.rounds(1);
        Transaction transfer = TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(), 500, 20, 0);

        assertThat(a.offerTransaction(a.chainId(), transfer).verdict()).isEqualTo(LocalChains.TransactionOffer.Verdict.NEW);
        a.network.publish(new Gossip(GossipKind.TRANSACTION, a.chainId(), transfer.encode()));
        net.runRelays();
        assertThat(c.mempool.get(transfer.id())).isPresent();

        c.mine();
        net.runRelays();
        assertThat(a.chain.blockOfTransaction(transfer.id())).isPresent();
        assertThat(a.mempool.size()).isZero();
    }

    @Test
    void aFreshNodeSyncsInBatchesByHeightAndReportsProgress() {
        SimNode a = net.node("a", List.of());
        for (int i = 0; i < 250; i++) {
            a.mineQuietly();
        }
        SimNode fresh = net.node("fresh", List.of("http://a.sim:7000"));
        int gossipBefore = net.gossipDeliveries;

        net.rounds(1);

        assertThat(fresh.height()).isEqualTo(250);
        assertThat(fresh.headHash()).isEqualTo(a.headHash());
        SyncStatus status = fresh.network.syncStatus().get(0);
        assertThat(status.blocksImported()).isEqualTo(250);
        assertThat(status.behind()).isZero();
        assertThat(status.syncing()).isFalse();
        assertThat(net.gossipDeliveries).as("synced blocks are old news: not passed on").isEqualTo(gossipBefore);
    }

    @Test
    void aPeerThatPrunedTheBlocksGivesWayToOneThatHasThem() {
        SimNode full = net.node("full", List.of());
        for (int i = 0; i < 30; i++) {
            full.mineQuietly();
        }
        SimNode pruned = net.node("pruned", List.of("http://full.sim:7000"));
        net.rounds(1);
        assertThat(pruned.height()).isEqualTo(30);
        pruned.mineQuietly();
        pruned.servesFrom = 25;
        SimNode fresh = net.node("fresh", List.of("http://pruned.sim:7000", "http://full.sim:7000"));

        net.rounds(2);

        assertThat(fresh.height()).as("the highest peer could not serve from genesis; the other could").isGreaterThanOrEqualTo(30);
    }

    @Test
    void afterAPartitionHealsBothSidesFollowTheHeavierBranch() {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        for (int i = 0; i < 5; i++) {
            a.mine();
        }
        net.rounds(1);
        assertThat(b.height()).isEqualTo(5);

        net.partition(List.of(a), List.of(b));
        for (int i = 0; i < 3; i++) {
            a.mine();
        }
        for (int i = 0; i < 12; i++) {
            b.mine();
        }
        net.runRelays();
        assertThat(a.height()).isEqualTo(8);
        assertThat(b.height()).isEqualTo(17);

        net.heal();
        // Each side found the other unreachable and waits before dialling again.
        net.rounds(10);

        assertThat(a.headHash()).isEqualTo(b.headHash());
        assertThat(a.height()).isEqualTo(17);
    }

    @Test
    void s4_aShorterBranchWithMoreWorkWinsOnBothSidesAfterAPartitionHeals() {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        for (int i = 0; i < 5; i++) {
            a.mine();
        }
        net.rounds(1);
        net.partition(List.of(a), List.of(b));
        for (int i = 0; i < 10; i++) {
            a.mineQuickly();
        }
        for (int i = 0; i < 11; i++) {
            b.mine();
        }
        net.runRelays();
        assertThat(a.height()).as("the branch of fewer blocks").isLessThan(b.height());
        assertThat(a.work()).as("the branch of more work").isGreaterThan(b.work());

        net.heal();
        net.rounds(10);

        assertThat(b.headHash()).as("the taller node syncs from the heavier, shorter one").isEqualTo(a.headHash());
        assertThat(a.height()).isEqualTo(15);
    }

    @Test
    void anOrphanBlockMakesTheNodeSyncItsAncestors() {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        net.rounds(1);
        for (int i = 0; i < 4; i++) {
            a.mineQuietly();
        }

        Block next = a.mine();
        net.runRelays();
        assertThat(b.height()).as("the block arrived before its parents").isZero();
        assertThat(b.network.syncWanted()).isTrue();

        b.network.syncOnce();
        assertThat(b.headHash()).isEqualTo(next.hash());
    }

    @Test
    void invalidBlocksCostReputationUntilThePeerIsBannedAndRefused() {
        SimNode honest = net.node("honest", List.of());
        SimNode liar = net.node("liar", List.of("http://honest.sim:7000"));
        net.rounds(1);
        var liarAsSeen = honest.network.peerViews().get(0);
        assertThat(liarAsSeen.nodeId()).isEqualTo(liar.network.nodeId());

        for (int i = 0; i < 2; i++) {
            BlockHeader header = liar.chain.template(List.of(), liar.key.publicKey().address(), net.clock.get() + i).header();
            BlockHeader forged = new BlockHeader(header.version(), header.chainId(), header.height(), header.parentHash(),
                    header.timestampMs(), Hash.sha256(new byte[] {(byte) i}), header.stateRoot(), header.target(),
                    header.miner(), 0);
            Block bad = TestChains.mine(new BlockTemplate(forged, List.of(), java.util.Map.of()));
            liar.network.publish(new Gossip(GossipKind.BLOCK, liar.chainId(), bad.encode()));
            net.runRelays();
        }

        PeerView banned = honest.network.peerViews().get(0);
        assertThat(banned.state()).isEqualTo(PeerState.BANNED);
        assertThat(banned.reputation()).isLessThanOrEqualTo(0);
        assertThat(banned.lastProblem()).hasValueSatisfying(p -> assertThat(p).contains("INVALID_BLOCK"));
        assertThat(honest.height()).isZero();
        assertThatThrownBy(() -> honest.network.onHello(liar.network.hello()))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.BANNED));

        net.clock.addAndGet(PeerLimits.DEFAULTS.banMs());
        net.rounds(1);
        assertThat(honest.network.peerViews().get(0).state()).as("the ban is over").isEqualTo(PeerState.CONNECTED);
    }

    @Test
    void requestsAreTakenOnlyFromConnectedPeersWithTheirKeyWithinTheirRate() throws Exception {
        PeerLimits strict = new PeerLimits(10, 60_000, 1, 3);
        SimNode a = net.node("a", List.of(), TestChains.params(), strict);
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        SimNode stranger = net.node("stranger", List.of());
        long now = net.clock.get();
        byte[] body = new byte[] {1};
        String path = "/api/v1/p2p/peers";
        String to = a.network.nodeId();

        assertThatThrownBy(() -> a.network.authenticate(SignedRequest.sign(stranger.key, to, "POST", path, now, body), "POST",
                path, body))
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.UNKNOWN_PEER));
        net.rounds(1);
        SignedRequest byStranger = SignedRequest.sign(stranger.key, to, "POST", path, now, body);
        SignedRequest forged = new SignedRequest(b.network.nodeId(), to, now, byStranger.nonce(), byStranger.signature());
        assertThatThrownBy(() -> a.network.authenticate(forged, "POST", path, body))
                .as("signed with another key")
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.BAD_REQUEST_SIGNATURE));

        int taken = 0;
        try {
            for (int i = 0; i < 10; i++) {
                a.network.authenticate(SignedRequest.sign(b.key, to, "POST", path, now, body), "POST", path, body);
                taken++;
            }
        } catch (RefusedException e) {
            assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.RATE_LIMITED);
        }
        assertThat(taken).as("the burst, less the requests of the round").isLessThanOrEqualTo(3).isPositive();
        assertThat(a.network.peerViews().get(0).reputation()).isLessThan(100);
    }

    @Test
    void p10_aReplayedRequestOrOneSignedForAnotherNodeIsRefusedAndCostsItsSignerNothing() throws Exception {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        SimNode c = net.node("c", List.of("http://b.sim:7000"));
        net.rounds(1);
        String path = "/api/v1/p2p/peers";
        byte[] body = new byte[] {7};
        SignedRequest forA = SignedRequest.sign(b.key, a.network.nodeId(), "POST", path, net.clock.get(), body);
        assertThat(a.network.authenticate(forA, "POST", path, body).nodeId()).isEqualTo(b.network.nodeId());

        assertThatThrownBy(() -> a.network.authenticate(forA, "POST", path, body)).as("the same request again")
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.REPLAYED));
        assertThatThrownBy(() -> c.network.authenticate(forA, "POST", path, body)).as("a's request, taken to c")
                .isInstanceOfSatisfying(RefusedException.class, e -> {
                    assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.BAD_REQUEST_SIGNATURE);
                    assertThat(e.refusal().detail()).contains("signed for node " + a.network.nodeId());
                });

        assertThat(reputationOf(b, a)).as("b signed honestly; whoever replays is not b").isEqualTo(100);
        assertThat(reputationOf(b, c)).isEqualTo(100);
        assertThat(a.network.authenticate(SignedRequest.sign(b.key, a.network.nodeId(), "POST", path, net.clock.get(), body),
                "POST", path, body).nodeId()).as("b's next request, with its own nonce").isEqualTo(b.network.nodeId());
    }

    @Test
    void p7_anAddressACallerGivesIsBelievedAndHandedOnOnlyOnceTheCallerAnswersThere() throws Exception {
        SimNode a = net.node("a", List.of());
        SimNode victim = net.node("victim", List.of());
        SimNode honest = net.node("honest", List.of("http://a.sim:7000"));
        Ed25519PrivateKey liar = Ed25519PrivateKey.generate(new SecureRandom());
        String liarId = liar.publicKey().address().hex();
        a.network.onHello(Hello.signed(liar, Network.PROTOCOL_VERSION, victim.address, "basic", SimulatedNetwork.SOFTWARE,
                a.heads(), net.clock.get()), "10.6.6.6");
        assertThat(a.network.peerAddresses()).as("a caller's address before a called it back").isEmpty();

        net.rounds(PeerKeeper.VERIFICATIONS_BEFORE_GIVING_UP);
        assertThat(a.network.peerAddresses()).as("the honest caller answered at its address").contains(honest.address);
        assertThat(a.network.peerViews()).filteredOn(view -> view.nodeId().equals(liarId)).singleElement()
                .satisfies(view -> assertThat(view.address()).as("where a would call the liar, who did not answer there")
                        .isEmpty());
        assertThat(a.network.peerViews()).filteredOn(view -> view.address().equals(victim.address))
                .allSatisfy(view -> assertThat(view.nodeId()).as("a calls there the node that answers there")
                        .isEqualTo(victim.network.nodeId()));
        assertThatThrownBy(() -> a.network.onHello(Hello.signed(liar, Network.PROTOCOL_VERSION, "http://victim.sim", "basic",
                SimulatedNetwork.SOFTWARE, a.heads(), net.clock.get()), "10.6.6.6")).as("an address without a port")
                .isInstanceOfSatisfying(RefusedException.class,
                        e -> assertThat(e.refusal().reason()).isEqualTo(Refusal.Reason.BAD_ADDRESS));
    }

    @Test
    void p7_oneCallBackAtATimeAsHellosArriveTheOthersInTheNextRound() throws Exception {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of());
        SimNode c = net.node("c", List.of());
        a.network.onHello(b.network.hello(), "10.0.0.2");
        a.network.onHello(c.network.hello(), "10.0.0.3");
        net.runRelays();
        assertThat(a.network.peerAddresses()).as("the first caller, called back at once").containsExactly(b.address);

        net.rounds(1);
        assertThat(a.network.peerAddresses()).containsExactlyInAnyOrder(b.address, c.address);
    }

    @Test
    void p10_aNodeDialsABudgetOfAddressesEachRound() {
        List<String> seeds = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            seeds.add(net.node("n" + i, List.of()).address);
        }
        SimNode many = net.node("many", seeds, TestChains.params(), new PeerLimits(20, 60_000, 50, 200));
        net.rounds(1);
        assertThat(many.network.connectedPeerCount()).isEqualTo(PeerKeeper.DIALS_PER_ROUND);
        net.rounds(1);
        assertThat(many.network.connectedPeerCount()).isEqualTo(12);
    }

    private static int reputationOf(SimNode peer, SimNode at) {
        return at.network.peerViews().stream().filter(view -> view.nodeId().equals(peer.network.nodeId())).findFirst()
                .orElseThrow().reputation();
    }

    private static List<String> connectedIds(SimNode node) {
        return node.network.peerViews().stream().filter(view -> view.state() == PeerState.CONNECTED)
                .map(PeerView::nodeId).toList();
    }
}
