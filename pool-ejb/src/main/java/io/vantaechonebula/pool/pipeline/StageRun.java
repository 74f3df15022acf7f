package io.vantaechonebula.pool.pipeline;

/**
 * What one processor did in one transaction.
 *
 * @param oldestReceivedAtMs when the oldest batch of the run arrived; 0 when there was none
 */
public record StageRun(int batches, int samples, long oldestReceivedAtMs) {

    public static final StageRun NOTHING = new StageRun(0, 0, 0);
}
