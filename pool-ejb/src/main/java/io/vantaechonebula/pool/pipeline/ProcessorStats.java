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

    synchronized ProcessorSnapshot snapshot(String name, long pendingBatches, long lagMillis, long nowMs) {
        return new ProcessorSnapshot(name, batches, samples, samplesRate.perSecond(nowMs), failures, failuresInARow,
                runs == 0 ? 0 : (double) totalMillis / runs, lastMillis, maxMillis, pendingBatches, lagMillis,
                lastError, lastFailureAtMs, lastSuccessAtMs,
                sentToProcessed.percentile(50, nowMs), sentToProcessed.percentile(99, nowMs));
    }
}
