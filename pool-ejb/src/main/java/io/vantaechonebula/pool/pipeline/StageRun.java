package io.vantaechonebula.pool.pipeline;

/**
 * What one processor did in one transaction.
 *
 * @param sentAtMs when the nodes sent each batch of the run, by their clocks
 */
public record StageRun(int batches, int samples, long[] sentAtMs) {

    public static final StageRun NOTHING = new StageRun(0, 0, new long[0]);
}
