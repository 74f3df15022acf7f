package io.vantaechonebula.node.running;

import io.vantaechonebula.chain.tx.RejectionReason;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/** What one running chain counts since the node started, for its metrics: re-organisations and the mempool's answers. */
public final class ChainCounters {

    private final AtomicLong reorganisations = new AtomicLong();
    private final AtomicLong reorganisedBlocks = new AtomicLong();
    private final AtomicLong lastReorganisationDepth = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLongArray refused = new AtomicLongArray(RejectionReason.values().length);

    void reorganised(long depth) {
        reorganisations.incrementAndGet();
        reorganisedBlocks.addAndGet(depth);
        lastReorganisationDepth.set(depth);
    }

    void accepted() {
        accepted.incrementAndGet();
    }

    void refused(RejectionReason reason) {
        refused.incrementAndGet(reason.ordinal());
    }

    public Counts read() {
        Map<RejectionReason, Long> refusedByReason = new EnumMap<>(RejectionReason.class);
        for (RejectionReason reason : RejectionReason.values()) {
            refusedByReason.put(reason, refused.get(reason.ordinal()));
        }
        return new Counts(reorganisations.get(), reorganisedBlocks.get(), lastReorganisationDepth.get(), accepted.get(),
                refusedByReason);
    }

    /**
     * @param reorganisedBlocks       blocks that left the main chain in those re-organisations
     * @param lastReorganisationDepth how many blocks the latest one took off; 0 before the first
     * @param mempoolAccepted         transactions the mempool took, new or replacing one of the same nonce
     * @param mempoolRefused          transactions it refused, every reason present
     */
    public record Counts(long reorganisations, long reorganisedBlocks, long lastReorganisationDepth, long mempoolAccepted,
                         Map<RejectionReason, Long> mempoolRefused) {
        public Counts {
            mempoolRefused = Map.copyOf(mempoolRefused);
        }
    }
}
