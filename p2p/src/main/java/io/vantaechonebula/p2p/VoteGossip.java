package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.finality.ChainFinality;
import io.vantaechonebula.chain.vote.Vote;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.SeenMessages;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.function.LongSupplier;

/** G3: a validator's vote, signed by its key, is counted; a conflicting one is passed on as evidence too. */
final class VoteGossip implements GossipHandler {

    private final LocalChains chains;
    private final PeerTable peers;
    private final SeenMessages seen;
    private final LongSupplier clock;

    VoteGossip(LocalChains chains, PeerTable peers, SeenMessages seen, LongSupplier clock) {
        this.chains = chains;
        this.peers = peers;
        this.seen = seen;
        this.clock = clock;
    }

    @Override
    public GossipOutcome handle(Peer from, Gossip gossip) {
        Vote vote;
        try {
            vote = Vote.decode(gossip.payload());
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "a vote that does not decode: " + e.getMessage(),
                    clock.getAsLong());
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the vote does not decode: " + e.getMessage());
        }
        if (!vote.chainId().equals(gossip.chainId()) || !vote.hasValidSignature()) {
            peers.penalise(from, Offence.INVALID_VOTE, vote + " is not signed by its key or not for its chain",
                    clock.getAsLong());
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the vote is not signed by the key it names");
        }
        ChainFinality.Offer offer = chains.offerVote(gossip.chainId(), vote);
        return switch (offer.verdict()) {
            case NEW, FINAL, CONFLICT -> GossipOutcome.of(GossipOutcome.Result.ACCEPTED, vote
                    + (offer.verdict() == ChainFinality.Verdict.NEW ? "" : ": " + offer.verdict().name().toLowerCase()));
            case KNOWN -> GossipOutcome.of(GossipOutcome.Result.KNOWN, offer.detail());
            case NOT_NOW -> {
                // Remembered as seen, yet it may count later (once its block arrives): let it come again.
                seen.forget(gossip.id());
                yield GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, offer.detail());
            }
            case INVALID -> {
                // A peer passes on only votes that counted for it; this one counts nowhere (FN1, FN6).
                peers.penalise(from, Offence.INVALID_VOTE, vote + ": " + offer.detail(), clock.getAsLong());
                yield GossipOutcome.of(GossipOutcome.Result.REJECTED, offer.detail());
            }
        };
    }
}
