package io.vantaechonebula.pool.api;

/**
 * One processor's figures, as {@code GET /api/v1/pool/stats} shows them. A run is one transaction
 * of up to 100 batches; latencies are per run.
 *
 * @param lagMillis how long its oldest waiting batch has waited; 0 when none waits
 * @param lastError why its last failed run failed; null if none failed
 * @param sentToProcessedP50Millis median time from a node's send to this processor's commit, over
 *                                 the last minute; -1 when it processed nothing in it
 */
public record ProcessorSnapshot(String name, long batchesProcessed, long samplesProcessed, double samplesPerSecond,
                                long failures, int failuresInARow, double meanRunMillis, long lastRunMillis,
                                long maxRunMillis, long pendingBatches, long deadBatches, long lagMillis, String lastError,
                                long lastFailureAtMs, long lastSuccessAtMs, long sentToProcessedP50Millis,
                                long sentToProcessedP99Millis) {
}
