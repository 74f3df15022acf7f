package io.vantaechonebula.node.api;

import io.vantaechonebula.chain.mempool.Mempool;
import java.util.Optional;

/** What waits in a chain's mempool, as a count, the room left and the fees paid. */
public record MempoolSummary(int size, int capacity, Optional<Mempool.FeeRange> fees) {
}
