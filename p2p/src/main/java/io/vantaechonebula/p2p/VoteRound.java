package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import io.vantaechonebula.p2p.handshake.ChainHead;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/** One round of this node's part in finality: its votes due now (FN4) and the slashing of double votes it saw. */
final class VoteRound {

    private static final Logger LOG = Logger.getLogger(VoteRound.class.getName());

    private final LocalChains chains;
    private final GossipRelay relay;
    private final LongSupplier clock;

    VoteRound(LocalChains chains, GossipRelay relay, LongSupplier clock) {
        this.chains = chains;
        this.relay = relay;
        this.clock = clock;
    }

    void run() {
        long now = clock.getAsLong();
        for (ChainHead chain : chains.heads()) {
            for (Vote vote : chains.votesDue(chain.chainId(), now)) {
                relay.publish(new Gossip(GossipKind.VOTE, chain.chainId(), vote.encode()));
            }
            for (Transaction slash : chains.reportConflicts(chain.chainId())) {
                LOG.warning(() -> "Reporting a double vote on " + chain.chainId() + ": transaction " + slash.id()
                        + " slashes " + slash.recipient());
                relay.publish(new Gossip(GossipKind.TRANSACTION, chain.chainId(), slash.encode()));
            }
        }
    }
}
