package io.vantaechonebula.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.crypto.Ed25519PrivateKey;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.alert.Reason;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.handshake.SignedRequest;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerLimits;
import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerView;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simple nodes' part of the protocol (docs/p2p-spec.md §6): transaction alerts and the network optimizer. */
class SimpleNodeNetworkTest {

    private final SimulatedNetwork net = new SimulatedNetwork();

    /** The alert a Transaction Analyzer raises on a second transfer that spends the same nonce. */
    private TransactionAlert doubleSpendAlert(Ed25519PrivateKey reporter) {
        Transaction first = TestChains.transfer(TestChains.ALICE, TestChains.BOB.publicKey().address(), 500, 20, 0);
        Transaction second = TestChains.transfer(TestChains.ALICE, TestChains.ALICE.publicKey().address(), 500, 20, 0);
        return TransactionAlert.signed(reporter, second.chainId(), second.id(), second.senderAddress(), 1.0,
                List.of(Reason.NONCE_CONFLICT), "nonce-conflict: nonce 0 of " + second.senderAddress()
                        + " was already spent by transaction " + first.id(), net.clock.get());
    }

    @Test
    void anAlertReachesEveryOtherNodeOnceAndChangesNothingElse() {
        SimNode a = net.simpleNode("a", List.of("http://b.sim:7000", "http://c.sim:7000"), PeerLimits.DEFAULTS);
        SimNode b = net.node("b", List.of("http://c.sim:7000"));
        SimNode c = net.node("c", List.of());
        net.rounds(1);
        List<TransactionAlert> heardByA = new ArrayList<>();
        List<TransactionAlert> heardByB = new ArrayList<>();
        List<TransactionAlert> heardByC = new ArrayList<>();
        a.network.listenForAlerts(heardByA::add);
        b.network.listenForAlerts(heardByB::add);
        c.network.listenForAlerts(heardByC::add);
        int before = net.gossipDeliveries;

        TransactionAlert alert = doubleSpendAlert(a.key);
        a.network.publishAlert(alert);
        net.runRelays();

        assertThat(heardByB).singleElement().satisfies(heard -> {
            assertThat(heard.reporterNodeId()).isEqualTo(a.network.nodeId());
            assertThat(heard.reasons()).containsExactly(Reason.NONCE_CONFLICT);
            assertThat(heard.explanation()).contains("already spent");
        });
        assertThat(heardByC).singleElement().isEqualTo(alert);
        assertThat(heardByA).as("a node is not told of its own alert").isEmpty();
        assertThat(net.gossipDeliveries - before).isEqualTo(4);
        assertThat(List.of(a, b, c)).allSatisfy(node -> assertThat(node.mempool.size()).isZero());
    }

    @Test
    void anAlertNotSignedByTheNodeItNamesIsRejectedAndCostsTheSender() throws RefusedException {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        net.rounds(1);
        List<TransactionAlert> heard = new ArrayList<>();
        a.network.listenForAlerts(heard::add);
        byte[] forged = doubleSpendAlert(b.key).encode();
        forged[forged.length - 65] ^= 1;

        GossipOutcome outcome = onGossipFromB(a, b, new Gossip(GossipKind.ALERT, a.chainId(), forged));

        assertThat(outcome.result()).isEqualTo(GossipOutcome.Result.REJECTED);
        assertThat(outcome.detail()).contains("not signed by the node it names");
        assertThat(heard).isEmpty();
        assertThat(viewOf(a, b).reputation()).isLessThan(100);
    }

    @Test
    void theOptimizerLetsASlowPeerGoForAFastOne() {
        PeerLimits two = new PeerLimits(2, 60_000, 50, 200);
        SimNode far = net.node("far", List.of());
        net.node("near1", List.of());
        net.node("near2", List.of());
        net.slow.add("http://far.sim:7000");
        SimNode simple = net.simpleNode("simple", List.of("http://far.sim:7000", "http://near1.sim:7000", "http://near2.sim:7000"), two);
        SimNode basic = net.node("basic", List.of("http://far.sim:7000", "http://near1.sim:7000", "http://near2.sim:7000"), TestChains.params(), two);

        net.rounds(1);
        assertThat(addresses(simple)).as("the first two seeds fill the slots").contains("http://far.sim:7000");
        net.rounds(2);

        assertThat(addresses(simple)).containsExactlyInAnyOrder("http://near1.sim:7000", "http://near2.sim:7000");
        assertThat(viewOf(simple, far).state()).isEqualTo(PeerState.UNREACHABLE);
        assertThat(viewOf(simple, far).lastProblem()).hasValueSatisfying(problem ->
                assertThat(problem).contains("let go by the network optimizer").contains("over 50 ms"));
        assertThat(addresses(basic)).as("a basic node keeps the peers it has").contains("http://far.sim:7000");
    }

    @Test
    void theOptimizerSyncsFromTheFastestOfThePeersAhead() {
        SimNode far = net.node("far", List.of());
        SimNode near = net.node("near", List.of("http://far.sim:7000"));
        net.slow.add("http://far.sim:7000");
        for (int i = 0; i < 5; i++) {
            far.mine();
            net.runRelays();
        }
        net.rounds(1);
        assertThat(near.height()).isEqualTo(5);
        int farServed = far.syncRequestsServed;
        int nearServed = near.syncRequestsServed;

        SimNode simple = net.simpleNode("simple", List.of("http://far.sim:7000", "http://near.sim:7000"), PeerLimits.DEFAULTS);
        net.rounds(2);

        assertThat(simple.height()).isEqualTo(5);
        assertThat(near.syncRequestsServed).isGreaterThan(nearServed);
        assertThat(far.syncRequestsServed).isEqualTo(farServed);
    }

    /** Hands a the gossip as b's signed request would. */
    private GossipOutcome onGossipFromB(SimNode a, SimNode b, Gossip gossip) throws RefusedException {
        long time = net.clock.get();
        String path = "/api/v1/p2p/gossip";
        Peer bAtA = a.network.authenticate(SignedRequest.sign(b.key, a.network.nodeId(), "POST", path, time, new byte[0]),
                "POST", path, new byte[0]);
        return a.network.onGossip(bAtA, gossip);
    }

    private static List<String> addresses(SimNode node) {
        return node.network.peerViews().stream().filter(view -> view.state() == PeerState.CONNECTED)
                .map(PeerView::address).toList();
    }

    private static PeerView viewOf(SimNode node, SimNode peer) {
        return node.network.peerViews().stream().filter(view -> view.nodeId().equals(peer.network.nodeId())).findFirst()
                .orElseThrow();
    }
}
