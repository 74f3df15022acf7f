package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.p2p.alert.TransactionAlert;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/** G4: an alert signed by the node it names is passed on and told to the listeners; it changes nothing else. */
final class AlertGossip implements GossipHandler {

    private static final Logger LOG = Logger.getLogger(AlertGossip.class.getName());

    private final String ownNodeId;
    private final PeerTable peers;
    private final LongSupplier clock;
    private final List<Consumer<TransactionAlert>> listeners = new CopyOnWriteArrayList<>();

    AlertGossip(String ownNodeId, PeerTable peers, LongSupplier clock) {
        this.ownNodeId = ownNodeId;
        this.peers = peers;
        this.clock = clock;
    }

    void listen(Consumer<TransactionAlert> listener) {
        listeners.add(listener);
    }

    @Override
    public GossipOutcome handle(Peer from, Gossip gossip) {
        TransactionAlert alert;
        try {
            alert = TransactionAlert.decode(gossip.payload());
        } catch (MalformedEncodingException | IllegalArgumentException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "an alert that does not decode: " + e.getMessage(),
                    clock.getAsLong());
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the alert does not decode: " + e.getMessage());
        }
        if (!alert.chainId().equals(gossip.chainId()) || !alert.hasValidSignature()) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "an alert not signed by the node it names or not for its chain",
                    clock.getAsLong());
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the alert is not signed by the node it names");
        }
        if (alert.reporterNodeId().equals(ownNodeId)) {
            return GossipOutcome.of(GossipOutcome.Result.KNOWN, "this node raised the alert");
        }
        for (Consumer<TransactionAlert> listener : listeners) {
            try {
                listener.accept(alert);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An alert listener failed on " + alert, e);
            }
        }
        return GossipOutcome.of(GossipOutcome.Result.ACCEPTED, "alert on transaction " + alert.transactionId());
    }
}
