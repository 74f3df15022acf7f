package io.vantaechonebula.p2p;

import static org.assertj.core.api.Assertions.assertThat;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.crypto.Address;
import io.vantaechonebula.chain.crypto.Hash;
import io.vantaechonebula.chain.fork.TestChains;
import io.vantaechonebula.chain.store.FinalBlock;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.tx.TransactionType;
import io.vantaechonebula.chain.vote.Decision;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Validators finalising blocks on a simulated network (docs/chain-spec.md §8.2): with all honest, with
 * a byzantine validator below a third of the stake, across a partition, and the slashing of a
 * validator that votes twice.
 */
class FinalityNetworkTest {

    private static final long STAKE = 20_000;
    private final SimulatedNetwork net = new SimulatedNetwork();

    /** Nodes in a line, each seeded with the one before; every one funded and staked equally, its stake voting on the next block. */
    private List<SimNode> validators(String... names) {
        List<SimNode> nodes = new ArrayList<>();
        for (String name : names) {
            nodes.add(net.node(name, nodes.isEmpty() ? List.of() : List.of("http://" + nodes.get(nodes.size() - 1).name + ".sim:7000")));
        }
        net.rounds(2);
        SimNode first = nodes.get(0);
        for (int i = 0; i < nodes.size(); i++) {
            first.submit(Transaction.transfer(TestChains.ALICE, first.chainId(), address(nodes.get(i)), 100_000, 10, i));
        }
        net.runRelays();
        first.mine();
        net.runRelays();
        for (SimNode node : nodes) {
            node.submit(Transaction.sign(node.key, node.chainId(), TransactionType.VALIDATOR_REGISTER, address(node), STAKE, 10,
                    0, new byte[0]));
        }
        net.runRelays();
        first.mine();
        net.runRelays();
        for (SimNode node : nodes) {
            assertThat(node.chain.account(address(node)).stake()).as(node + " staked").isEqualTo(STAKE);
        }
        // A stake votes from validator-delay-blocks after its block (docs/chain-spec.md FN1).
        for (long i = 0; i < TestChains.STAKING.validatorDelayBlocks(); i++) {
            first.mine();
            net.runRelays();
        }
        return nodes;
    }

    private static Address address(SimNode node) {
        return node.key.publicKey().address();
    }

    private static long finalHeight(SimNode node) {
        return node.finality.finalBlock().map(FinalBlock::height).orElse(-1L);
    }

    /** One block mined by the given node, then a few rounds for the votes. */
    private void mineAndVote(SimNode miner) {
        miner.mine();
        net.runRelays();
        net.rounds(2);
    }

    @Test
    void threeHonestValidatorsFinaliseTheBlocksTheyMineOnEveryNode() {
        List<SimNode> nodes = validators("a", "b", "c");

        for (int i = 0; i < 6; i++) {
            mineAndVote(nodes.get(i % 3));
        }

        long head = nodes.get(0).height();
        for (SimNode node : nodes) {
            assertThat(node.headHash()).isEqualTo(nodes.get(0).headHash());
            assertThat(finalHeight(node)).as(node + " final height").isEqualTo(head);
            assertThat(node.chain.certificate(node.finality.finalBlock().orElseThrow().hash())).isPresent();
        }
    }

    @Test
    void aByzantineValidatorBelowAThirdOfTheStakeCannotStopOrSplitFinality() {
        List<SimNode> nodes = validators("a", "b", "c", "d");
        SimNode byzantine = nodes.get(3);

        for (int i = 0; i < 5; i++) {
            mineAndVote(nodes.get(i % 3));
            // It approves a block that does not exist, in every round: its quarter of the stake is not enough to matter.
            Vote lie = Vote.sign(byzantine.key, byzantine.chainId(), byzantine.height(), 0, Hash.sha256(new byte[] {(byte) i}),
                    Decision.APPROVE);
            byzantine.network.publish(new Gossip(GossipKind.VOTE, byzantine.chainId(), lie.encode()));
            net.runRelays();
        }

        Optional<FinalBlock> finalOfA = nodes.get(0).finality.finalBlock();
        assertThat(finalOfA).isPresent();
        assertThat(finalOfA.get().height()).isGreaterThanOrEqualTo(nodes.get(0).height() - 1);
        for (SimNode node : nodes) {
            FinalBlock mine = node.finality.finalBlock().orElseThrow();
            assertThat(node.chain.blockAt(mine.height()).orElseThrow().hash()).as(node + ": its final block is on its chain")
                    .isEqualTo(mine.hash());
            assertThat(nodes.get(0).chain.blockAt(mine.height()).orElseThrow().hash()).as("one chain for all")
                    .isEqualTo(mine.hash());
        }
    }

    @Test
    void g5_aVoteThatCountsNowhereCostsThePeerThatSentIt() {
        List<SimNode> nodes = validators("a", "b", "c");
        SimNode stranger = net.node("x", List.of("http://a.sim:7000"));
        net.rounds(2);
        mineAndVote(nodes.get(0));
        SimNode a = nodes.get(0);
        Block head = a.chain.head().block();
        int before = reputationAt(a, stranger);

        // Signed by a key with no stake: a well-formed vote that no node counts.
        Vote forged = Vote.sign(stranger.key, stranger.chainId(), head.height(), 0, head.hash(), Decision.APPROVE);
        stranger.network.publish(new Gossip(GossipKind.VOTE, stranger.chainId(), forged.encode()));
        net.runRelays();

        assertThat(reputationAt(a, stranger)).as("the sender pays for it").isLessThan(before);
        assertThat(a.finality.votesAt(head.height())).doesNotContain(forged);
    }

    private static int reputationAt(SimNode node, SimNode peer) {
        return node.network.peerViews().stream().filter(view -> view.nodeId().equals(peer.network.nodeId()))
                .findFirst().orElseThrow().reputation();
    }

    @Test
    void aValidatorThatVotesTwiceIsSlashedByEvidenceEveryNodeChecks() {
        List<SimNode> nodes = validators("a", "b", "c", "d");
        SimNode cheat = nodes.get(3);
        mineAndVote(nodes.get(0));
        Block head = nodes.get(0).chain.head().block();

        // Two approvals at one height and round: the block every node has, and one only it knows of.
        for (Hash block : List.of(head.hash(), Hash.sha256(new byte[] {42}))) {
            Vote vote = Vote.sign(cheat.key, cheat.chainId(), head.height(), 7, block, Decision.APPROVE);
            cheat.network.publish(new Gossip(GossipKind.VOTE, cheat.chainId(), vote.encode()));
            net.runRelays();
        }
        net.rounds(1);
        mineAndVote(nodes.get(1));
        for (SimNode node : nodes) {
            assertThat(node.chain.account(address(cheat)).stake()).as(node + " sees the stake slashed").isZero();
        }
        long reward = STAKE * TestChains.STAKING.slashRewardPercent() / 100;
        long rewarded = nodes.stream().filter(node -> node != cheat)
                .filter(node -> nodes.get(0).chain.account(address(node)).balance() >= 100_000 - STAKE - 20 + reward)
                .count();
        assertThat(rewarded).as("a reporter got its share").isPositive();
    }

    @Test
    void aPartitionedMinorityFinalisesNothingAndTakesTheMajoritysFinalChainWhenItHeals() {
        List<SimNode> nodes = validators("a", "b", "c", "d");
        List<SimNode> majority = nodes.subList(0, 3);
        SimNode minority = nodes.get(3);
        mineAndVote(nodes.get(0));
        long finalBefore = finalHeight(minority);

        net.partition(majority, List.of(minority));
        for (int i = 0; i < 4; i++) {
            mineAndVote(majority.get(i % 3));
        }
        minority.mine();
        net.runRelays();
        net.rounds(3);

        assertThat(finalHeight(minority)).as("a quarter of the stake finalises nothing").isEqualTo(finalBefore);
        long majorityFinal = finalHeight(majority.get(0));
        assertThat(majorityFinal).isGreaterThan(finalBefore);

        net.heal();
        // Each side has been dialling the other in vain, waiting longer each time, up to a minute.
        net.rounds(70);

        assertThat(minority.headHash()).isEqualTo(majority.get(0).headHash());
        assertThat(finalHeight(minority)).as("the certificates came with the blocks").isGreaterThanOrEqualTo(majorityFinal);
    }
}
