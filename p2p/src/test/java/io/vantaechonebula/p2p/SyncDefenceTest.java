package io.vantaechonebula.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.p2p.peer.PeerView;
import io.vantaechonebula.p2p.sync.SyncBatch;
import io.vantaechonebula.p2p.sync.SyncStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** docs/p2p-spec.md §4 S1–S3: sync moves on or stops, and a peer's claim counts once backed by proof of work. */
class SyncDefenceTest {

    private final SimulatedNetwork net = new SimulatedNetwork();

    private static int reputationAt(SimNode node, SimNode peer) {
        return node.network.peerViews().stream().filter(view -> view.nodeId().equals(peer.network.nodeId()))
                .mapToInt(PeerView::reputation).findFirst().orElseThrow();
    }

    @Test
    void s3_aClaimedHeightCountsForReadinessOnlyOnceBackedByProofOfWork() {
        SimNode honest = net.node("a", List.of());
        for (int i = 0; i < 3; i++) {
            honest.mineQuietly();
        }
        SimNode liar = net.node("x", List.of("http://a.sim:7000"));
        liar.claimsHeight = 1L << 62;
        net.rounds(3);

        SyncStatus status = honest.network.syncStatus().get(0);
        assertThat(status.bestPeerHeight()).as("2^62 claimed, nothing shown").isEqualTo(honest.height());
        assertThat(status.behind()).isZero();
    }

    @Test
    void s3_aPeerAheadCountsOnceItsBlocksArrive() {
        SimNode ahead = net.node("a", List.of());
        for (int i = 0; i < 4; i++) {
            ahead.mineQuietly();
        }
        SimNode behind = net.node("b", List.of("http://a.sim:7000"));
        net.rounds(3);

        assertThat(behind.height()).as("synced").isEqualTo(ahead.height());
        assertThat(behind.network.syncStatus().get(0).bestPeerHeight()).isEqualTo(ahead.height());
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void s1_aPeerThatAnswersWithBlocksTheNodeHasIsChargedAndTheRoundEnds() {
        SimNode honest = net.node("a", List.of());
        List<Block> mined = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            mined.add(honest.mineQuietly());
        }
        SimNode liar = net.node("x", List.of("http://a.sim:7000"));
        net.rounds(2);
        assertThat(liar.height()).isEqualTo(honest.height());
        int before = reputationAt(honest, liar);

        liar.claimsHeight = honest.height() + 100;
        liar.claimsWork = honest.work().shiftLeft(4);
        liar.answersEverySync = new SyncBatch(mined.subList(0, 3), List.of());
        net.rounds(1);
        honest.network.syncOnce();

        assertThat(reputationAt(honest, liar)).as("a batch that moves nothing costs the peer").isLessThan(before);
        assertThat(honest.height()).isEqualTo(mined.get(4).height());
    }

    /**
     * A server (seeded by {@code light}) with {@code blocks} mined on time that claims more work than the light node
     * has, after a round: the light node, which serves no blocks itself, has fetched the server's branch.
     */
    private SimNode serverClaimingMoreWorkThan(SimNode light, int blocks) {
        SimNode server = net.node("a", List.of());
        for (int i = 0; i < blocks; i++) {
            server.mineQuietly();
        }
        server.claimsWork = light.work().shiftLeft(4);
        light.answersEverySync = new SyncBatch(List.of(), List.of());
        net.rounds(1);
        return server;
    }

    @Test
    void s5_aRoundGoesOnFromTheLastBlockThePeersAnswersBroughtNotFromTheFork() {
        net.syncBatchBlocks = 10;
        SimNode light = net.node("b", List.of("http://a.sim:7000"));
        for (int i = 0; i < 40; i++) {
            light.mineQuietly();
        }
        // Mined later from the same genesis, the server's branch has less work: the light node keeps its own and
        // holds the server's on the side, as one that mined before it could sync does.
        SimNode server = serverClaimingMoreWorkThan(light, 30);
        assertThat(light.block(light.chainId(), server.headHash())).as("the server's branch, held on the side").isPresent();
        assertThat(light.height()).isEqualTo(40);
        int before = reputationAt(light, server);

        net.rounds(3);

        // From the fork, the server would send the first 10 (one answer's worth) of what the node holds.
        assertThat(reputationAt(light, server)).as("the server answered what it was asked").isEqualTo(before);
    }

    @Test
    void s6_aNodeFarBelowWhatAPeerWithMoreWorkShowedWaitsBeforeMining() {
        SimNode light = net.node("b", List.of("http://a.sim:7000"));
        for (int i = 0; i < 20; i++) {
            light.mineQuickly();
        }
        // Mined on time: taller than the light node's chain of blocks ahead of the schedule, with less work.
        SimNode server = serverClaimingMoreWorkThan(light, 30);
        assertThat(light.network.syncStatus().get(0).behind()).as("30 blocks shown, 20 held").isEqualTo(10);

        assertThat(light.network.miningHoldBack(light.chainId())).get().asString()
                .contains("10 blocks behind its peers (at height 20 of 30)");

        server.claimsWork = null;
        net.rounds(2);
        assertThat(light.network.miningHoldBack(light.chainId())).as("a taller, lighter branch is the server's to leave")
                .isEmpty();
    }

    @Test
    void s6_aClaimWithNothingBehindItHoldsNoMinerBack() {
        SimNode honest = net.node("a", List.of());
        honest.mineQuietly();
        SimNode liar = net.node("x", List.of("http://a.sim:7000"));
        liar.claimsHeight = 1L << 62;
        liar.claimsWork = honest.work().shiftLeft(40);
        net.rounds(3);

        assertThat(honest.network.miningHoldBack(honest.chainId())).isEmpty();
    }

    @Test
    void s6_sixBlocksBelowWhatItsPeersShowedANodeMinesOn() {
        SimNode light = net.node("b", List.of("http://a.sim:7000"));
        for (int i = 0; i < 20; i++) {
            light.mineQuickly();
        }
        serverClaimingMoreWorkThan(light, 26);
        assertThat(light.network.syncStatus().get(0).behind()).isEqualTo(6);

        assertThat(light.network.miningHoldBack(light.chainId())).isEmpty();
    }

    @Test
    void s1_blocksThatGossipBroughtWhileTheAnswerWasOnItsWayCostThePeerNothing() {
        SimNode server = net.node("a", List.of());
        SimNode light = net.node("b", List.of("http://a.sim:7000"));
        net.rounds(1);
        List<Block> mined = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            mined.add(server.mineQuietly());
        }
        // More than one batch (100 blocks): gossip brings them all while the first answer is on its way.
        server.beforeAnsweringSync = () -> mined.forEach(block -> light.importBlock(light.chainId(), block));
        int before = reputationAt(light, server);

        net.rounds(1);

        assertThat(light.height()).isEqualTo(mined.get(149).height());
        assertThat(reputationAt(light, server)).as("the answer raced gossip; the server is honest").isEqualTo(before);
    }
}
