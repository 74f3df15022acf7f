package io.vantaechonebula.chain.pow;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.block.BlockTemplate;
import java.util.Optional;

/** The chain a {@link MiningLoop} mines on, whatever runs it: the server's or a light node's. */
public interface MiningTarget {

    /** Changes whenever the head changes; a template built before is stale. */
    long headVersion();

    /** Changes whenever the mempool changes; a template that is not full may then take more. */
    long mempoolChanges();

    BlockTemplate template();

    int maxTransactionsPerBlock();

    /** A block whose nonce satisfies its target: import it, tell the peers. */
    void found(Block block);

    /** Counts hashes tried, for the hash rate. */
    void hashed(long hashes);

    /** Why the miner should wait rather than mine now (its node is syncing far behind its peers, say); empty: mine. */
    default Optional<String> holdBack() {
        return Optional.empty();
    }
}
