package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.tx.InvalidTransactionException;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.function.LongSupplier;

/** G2: a transaction is offered to the mempool; one no honest node would send costs the sender. */
final class TransactionGossip implements GossipHandler {

    private final LocalChains chains;
    private final PeerTable peers;
    private final LongSupplier clock;

    TransactionGossip(LocalChains chains, PeerTable peers, LongSupplier clock) {
        this.chains = chains;
        this.peers = peers;
        this.clock = clock;
    }

    @Override
    public GossipOutcome handle(Peer from, Gossip gossip) {
        Transaction transaction;
        try {
            transaction = Transaction.decode(gossip.payload());
        } catch (InvalidTransactionException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "a transaction that does not decode: " + e.getMessage(),
                    clock.getAsLong());
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the transaction does not decode: " + e.getMessage());
        }
        LocalChains.TransactionOffer offer = chains.offerTransaction(gossip.chainId(), transaction);
        return switch (offer.verdict()) {
            case NEW -> {
                peers.reward(from);
                yield GossipOutcome.of(GossipOutcome.Result.ACCEPTED, "transaction " + transaction.id());
            }
            case KNOWN -> GossipOutcome.of(GossipOutcome.Result.KNOWN, "transaction " + transaction.id() + " is known");
            case NOT_NOW -> GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "transaction " + transaction.id() + ": "
                    + offer.reason());
            case INVALID -> {
                peers.penalise(from, Offence.INVALID_TRANSACTION, "transaction " + transaction.id() + ": " + offer.reason(),
                        clock.getAsLong());
                yield GossipOutcome.of(GossipOutcome.Result.REJECTED, "transaction " + transaction.id() + " is invalid: "
                        + offer.reason());
            }
        };
    }
}
