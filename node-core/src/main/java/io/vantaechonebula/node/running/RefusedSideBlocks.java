package io.vantaechonebula.node.running;

import java.util.Optional;

/**
 * F6: the side blocks a chain refused since its last reading, because their fork is deeper than the node
 * re-organises or their branch too far behind in work. One now and then is a stale block of a slow peer;
 * a stream of them is a long partition, a peer on another branch, or an attack, which the operator hears of.
 */
public final class RefusedSideBlocks {

    /** How often a chain warns of refused side blocks in its log, at most. */
    static final long WARNING_EVERY_MS = 60_000;

    /** What was refused since the last reading. */
    public record Summary(long blocks, long lastHeight, String lastReason) {
    }

    private long blocks;
    private long lastHeight;
    private String lastReason;
    private long lastWarningMs = Long.MIN_VALUE;

    /** @return whether to warn of it now: the first since {@value #WARNING_EVERY_MS} ms */
    synchronized boolean refused(long height, String reason, long nowMs) {
        blocks++;
        lastHeight = height;
        lastReason = reason;
        if (lastWarningMs != Long.MIN_VALUE && nowMs - lastWarningMs < WARNING_EVERY_MS) {
            return false;
        }
        lastWarningMs = nowMs;
        return true;
    }

    /** What was refused since the previous call; empty if nothing was. */
    public synchronized Optional<Summary> takeSinceLastReading() {
        if (blocks == 0) {
            return Optional.empty();
        }
        Summary summary = new Summary(blocks, lastHeight, lastReason);
        blocks = 0;
        return Optional.of(summary);
    }
}
