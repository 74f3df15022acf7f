package io.vantaechonebula.web.network;

/**
 * The pool on the board: its queues (a depth is -1 while the broker has not created the queue),
 * samples stored per second over the last minute, how far the slowest stage is behind, and failures.
 */
public record PoolFigures(boolean runsHere, long nodeDataDepth, long nodeDataLimit, long trainingDepth,
                          long deadLetters, double samplesStoredPerSecond, long slowestStageLagMs, String slowestStage,
                          long stageFailures, long deadBatches, long sentToStoredP99Ms) {

    static final PoolFigures NOT_HERE = new PoolFigures(false, 0, 0, 0, 0, 0, 0, "", 0, 0, 0);
}
