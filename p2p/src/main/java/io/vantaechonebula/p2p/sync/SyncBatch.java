package io.vantaechonebula.p2p.sync;

import io.vantaechonebula.chain.block.Block;
import io.vantaechonebula.chain.finality.FinalityCertificate;
import java.util.List;

/** A peer's answer to a sync request: main-chain blocks, oldest first, and the certificates of those made final by one. */
public record SyncBatch(List<Block> blocks, List<FinalityCertificate> certificates) {

    public static final SyncBatch EMPTY = new SyncBatch(List.of(), List.of());

    public SyncBatch {
        blocks = List.copyOf(blocks);
        certificates = List.copyOf(certificates);
    }
}
