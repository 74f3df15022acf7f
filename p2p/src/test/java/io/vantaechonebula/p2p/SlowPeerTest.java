package io.vantaechonebula.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.p2p.peer.PeerState;
import io.vantaechonebula.p2p.peer.PeerTable;
import io.vantaechonebula.p2p.peer.PeerView;
import java.util.List;
import org.junit.jupiter.api.Test;

/** P12 of docs/p2p-spec.md: a slow peer is not a dead one, and a peer that forgot this node is greeted again at once. */
class SlowPeerTest {

    private final SimulatedNetwork net = new SimulatedNetwork();

    @Test
    void p12_aPeerThatMissesCallsWithinTheGraceStaysConnectedAndIsLetGoAfterIt() {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        net.rounds(1);
        assertThat(stateOf(b, a)).isEqualTo(PeerState.CONNECTED);

        net.partition(List.of(a), List.of(b));
        a.mine();
        net.runRelays();
        net.rounds(5);
        assertThat(stateOf(a, b)).as("a gossip and five pings missed in five seconds").isEqualTo(PeerState.CONNECTED);
        assertThat(stateOf(b, a)).isEqualTo(PeerState.CONNECTED);

        net.heal();
        a.mine();
        net.runRelays();
        net.rounds(1);
        assertThat(b.headHash()).as("gossip and sync flow again, no hello needed").isEqualTo(a.headHash());

        net.partition(List.of(a), List.of(b));
        net.rounds((int) (PeerTable.UNREACHABLE_GRACE_MS / 1_000) + 1);
        assertThat(stateOf(a, b)).as("no answer for longer than the grace").isEqualTo(PeerState.UNREACHABLE);
        assertThat(lastProblem(a, b)).contains("no answer for 30 s");
    }

    @Test
    void p12_aPeerThatForgotThisNodeIsGreetedAgainAtOnceAndTakesTheMessage() {
        SimNode a = net.node("a", List.of());
        SimNode b = net.node("b", List.of("http://a.sim:7000"));
        net.rounds(1);

        net.start(a);
        b.mine();
        net.runRelays();

        assertThat(a.headHash()).as("refused as unknown, b said hello again and sent its block once more")
                .isEqualTo(b.headHash());
        assertThat(stateOf(b, a)).isEqualTo(PeerState.CONNECTED);
        assertThat(stateOf(a, b)).isEqualTo(PeerState.CONNECTED);
    }

    private static PeerState stateOf(SimNode at, SimNode peer) {
        return view(at, peer).state();
    }

    private static String lastProblem(SimNode at, SimNode peer) {
        return view(at, peer).lastProblem().orElse("");
    }

    private static PeerView view(SimNode at, SimNode peer) {
        return at.network.peerViews().stream().filter(v -> v.nodeId().equals(peer.network.nodeId())).findFirst()
                .orElseThrow(() -> new AssertionError(at + " does not know " + peer));
    }
}
