package io.vantaechonebula.node.running;

import java.util.Comparator;
import java.util.List;
import java.util.logging.Logger;

/**
 * A node's storage limit ({@code STORAGE_LIMIT}, {@code vanta.storage.limit}), the same on the server and
 * a light node: while the chains' stored blocks take more than the limit, the transactions of the oldest
 * blocks of the largest chain go, keeping their headers, state and undo records. Only blocks at least
 * {@value #KEPT_RECENT} below the head lose them, and, once a block is final, only final ones, so that no
 * reorganisation ever needs them again.
 */
public final class StorageLimit {

    /** Blocks below the head whose transactions are always kept. */
    public static final long KEPT_RECENT = 1_000;
    static final int PRUNE_BATCH = 500;
    private static final Logger LOG = Logger.getLogger(StorageLimit.class.getName());

    private final long limitBytes;
    private boolean overLimitReported;

    public StorageLimit(long limitBytes) {
        if (limitBytes < 1) {
            throw new IllegalArgumentException("the storage limit must be positive, not " + limitBytes);
        }
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }

    /**
     * Prunes until the chains fit or nothing more may go; says so once when they stay over the limit.
     *
     * @return how many blocks lost their transactions
     */
    public synchronized int enforce(List<RunningChain> chains) {
        long total = chains.stream().mapToLong(RunningChain::storedBytes).sum();
        int prunedInAll = 0;
        while (total > limitBytes) {
            RunningChain largest = chains.stream().max(Comparator.comparingLong(RunningChain::storedBytes)).orElseThrow();
            long before = largest.storedBytes();
            int pruned = largest.pruneBodies(prunableBelow(largest), PRUNE_BATCH);
            if (pruned == 0) {
                if (!overLimitReported) {
                    overLimitReported = true;
                    long shown = total;
                    LOG.warning(() -> "The blocks take " + shown + " bytes, over the storage limit of " + limitBytes
                            + ", and nothing more can be pruned: only final blocks at least " + KEPT_RECENT
                            + " below the head lose their transactions");
                }
                return prunedInAll;
            }
            prunedInAll += pruned;
            total -= before - largest.storedBytes();
            LOG.info(() -> "Storage limit: dropped the transactions of " + pruned + " old " + largest.params().name()
                    + " blocks, keeping their headers");
        }
        overLimitReported = false;
        return prunedInAll;
    }

    /** The height below which the chain's blocks may lose their transactions. */
    static long prunableBelow(RunningChain chain) {
        long recent = chain.head().height() - KEPT_RECENT;
        return chain.finalBlock().map(block -> Math.min(block.height() + 1, recent)).orElse(recent);
    }
}
