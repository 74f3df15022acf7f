package io.vantaechonebula.p2p;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.encoding.MalformedEncodingException;
import io.vantaechonebula.chain.fork.ImportResult;
import io.vantaechonebula.p2p.gossip.Gossip;
import io.vantaechonebula.p2p.gossip.SeenMessages;
import io.vantaechonebula.p2p.peer.Offence;
import io.vantaechonebula.p2p.peer.Peer;
import io.vantaechonebula.p2p.peer.PeerTable;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;

/** G1: a block is imported; one whose parent is missing asks for a sync, an invalid one costs the sender. */
final class BlockGossip implements GossipHandler {

    /** A transaction takes more than this many bytes in a block, so a block's bytes bound its transaction count. */
    private static final int MIN_TRANSACTION_BYTES = 100;

    private final LocalChains chains;
    private final PeerTable peers;
    private final SeenMessages seen;
    private final BiConsumer<String, Peer> syncWanted;
    private final LongSupplier clock;

    /** @param syncWanted told the chain of a block whose parent this node lacks, and the peer that has it */
    BlockGossip(LocalChains chains, PeerTable peers, SeenMessages seen, BiConsumer<String, Peer> syncWanted,
                LongSupplier clock) {
        this.chains = chains;
        this.peers = peers;
        this.seen = seen;
        this.syncWanted = syncWanted;
        this.clock = clock;
    }

    @Override
    public GossipOutcome handle(Peer from, Gossip gossip) {
        Block block;
        try {
            block = decode(gossip.payload());
        } catch (MalformedEncodingException e) {
            peers.penalise(from, Offence.MALFORMED_MESSAGE, "a block that does not decode: " + e.getMessage(),
                    clock.getAsLong());
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "the block does not decode: " + e.getMessage());
        }
        ImportResult result = chains.importBlock(gossip.chainId(), block);
        if (result instanceof ImportResult.AlreadyKnown) {
            return GossipOutcome.of(GossipOutcome.Result.KNOWN, "block " + block.hash() + " is known");
        }
        if (result instanceof ImportResult.Orphan) {
            // Handled again when it comes back after sync has fetched its ancestors.
            seen.forget(gossip.id());
            from.reached(gossip.chainId(), block.height(), block.hash());
            syncWanted.accept(gossip.chainId(), from);
            return GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "block " + block.hash() + " at height "
                    + block.height() + " has a parent this node does not have yet; syncing");
        }
        if (result instanceof ImportResult.Refused refused) {
            return GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "block " + block.hash() + ": " + refused.reason());
        }
        if (result instanceof ImportResult.SideChain) {
            // F7: stored aside, for a re-organisation, but not passed on: a side branch spreads by sync when it wins.
            peers.reward(from);
            return GossipOutcome.of(GossipOutcome.Result.NOT_TAKEN, "block " + block.hash() + " at height " + block.height()
                    + " is stored on a side chain; not passed on");
        }
        if (result instanceof ImportResult.Invalid invalid) {
            peers.penalise(from, Offence.INVALID_BLOCK, "block " + block.hash() + ": " + invalid.reason(), clock.getAsLong());
            return GossipOutcome.of(GossipOutcome.Result.REJECTED, "block " + block.hash() + " is invalid: "
                    + invalid.reason());
        }
        peers.reward(from);
        from.reached(gossip.chainId(), block.height(), block.hash());
        return GossipOutcome.of(GossipOutcome.Result.ACCEPTED, "block " + block.hash() + " at height " + block.height());
    }

    static Block decode(byte[] payload) throws MalformedEncodingException {
        return Block.decode(payload, payload.length / MIN_TRANSACTION_BYTES + 1);
    }
}
