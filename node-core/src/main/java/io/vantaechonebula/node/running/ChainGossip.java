package io.vantaechonebula.node.running;

import io.vantaechonebula.analysis.tx.TransactionWatch;
import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.params.ChainParams;
import io.vantaechonebula.chain.tx.Transaction;
import io.vantaechonebula.p2p.Network;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.GossipKind;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What a node, the server or a light one, does with its chains' events: its Transaction Analyzer (where it runs
 * one) scores what is offered and what blocks bring, and its peers hear of the blocks and transactions it took.
 * What already came from a peer is not sent again: the network passes each message on once.
 */
public final class ChainGossip implements ChainEvents {

    private static final Logger LOG = Logger.getLogger(ChainGossip.class.getName());

    private final Network network;
    private final Optional<TransactionWatch> watch;

    private ChainGossip(Network network, Optional<TransactionWatch> watch) {
        this.network = network;
        this.watch = watch;
    }

    /**
     * Joins the chains to the network: their events go to the peers and the analyzer, peers' alerts to the analyzer,
     * and their miners wait while the node is far behind its peers (docs/p2p-spec.md S6).
     */
    public static void join(Network network, Optional<TransactionWatch> watch, Iterable<RunningChain> chains) {
        network.listenForAlerts(alert -> {
            LOG.warning(() -> "Peer alert: " + alert);
            watch.ifPresent(analyzer -> analyzer.heardFromPeer(alert));
        });
        ChainGossip events = new ChainGossip(network, watch);
        chains.forEach(chain -> {
            chain.listen(events);
            chain.holdMiningWhile(() -> network.miningHoldBack(chain.params().chainId()));
        });
    }

    @Override
    public void transactionOffered(ChainParams chain, Transaction transaction) {
        // Scored before the mempool decides: a double spend's second transaction is refused there.
        watch.ifPresent(analyzer -> analyzer.seen(transaction));
    }

    @Override
    public void blockTaken(ChainParams chain, Block block) {
        network.publish(new Gossip(GossipKind.BLOCK, chain.chainId(), block.encode()));
        watch.ifPresent(analyzer -> analyzer.inBlock(block));
    }

    @Override
    public void transactionTaken(ChainParams chain, Transaction transaction) {
        network.publish(new Gossip(GossipKind.TRANSACTION, chain.chainId(), transaction.encode()));
    }
}
