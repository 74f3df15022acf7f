package io.vantaechonebula.pool.pipeline;

import io.vantaechonebula.pool.api.ProcessorSnapshot;
/** What one processor has done since the server started. */
final class ProcessorStats {

    private final RateMeter samplesRate = new RateMeter();
    private final LatencyWindow sentToProcessed = new LatencyWindow();
    private long batches;
    private long samples;
    private long runs;
    private long failures;
    private int failuresInARow;
    private int oldestFailedAlone;
    private long totalMillis;
    private long maxMillis;
    private long lastMillis;
    private String lastError;
    private long lastFailureAtMs;
    private long lastSuccessAtMs;

    /** @return the failures in a row that this success ends */
    synchronized int succeeded(StageRun run, long millis, long nowMs) {
        int ended = failuresInARow;
        runs++;
        batches += run.batches();
        samples += run.samples();
        samplesRate.record(run.samples(), nowMs);
        for (long sentAt : run.sentAtMs()) {
            sentToProcessed.record(nowMs - sentAt, nowMs);
        }
        totalMillis += millis;
        lastMillis = millis;
        maxMillis = Math.max(maxMillis, millis);
        failuresInARow = 0;
        oldestFailedAlone = 0;
        lastSuccessAtMs = nowMs;
        return ended;
    }

    /** @return failures in a row, this one included */
    synchronized int failed(String error, long nowMs) {
        failures++;
        failuresInARow++;
        lastError = error;
        lastFailureAtMs = nowMs;
        return failuresInARow;
    }

    /** Whether the last run failed: then the next runs take the oldest batch alone, to find a batch the stage cannot take. */
    synchronized boolean failing() {
        return failuresInARow > 0;
    }

    /** @return how often the oldest batch failed alone, this time included */
    synchronized int oldestFailedAlone() {
        return ++oldestFailedAlone;
    }

    synchronized void setAside() {
        oldestFailedAlone = 0;
    }

    synchronized String lastError() {
        return lastError;
    }

    synchronized ProcessorSnapshot snapshot(String name, long pendingBatches, long deadBatches, long lagMillis, long nowMs) {
        return new ProcessorSnapshot(name, batches, samples, samplesRate.perSecond(nowMs), failures, failuresInARow,
                runs == 0 ? 0 : (double) totalMillis / runs, lastMillis, maxMillis, pendingBatches, deadBatches, lagMillis,
                lastError, lastFailureAtMs, lastSuccessAtMs,
                sentToProcessed.percentile(50, nowMs), sentToProcessed.percentile(99, nowMs));
    }
}
