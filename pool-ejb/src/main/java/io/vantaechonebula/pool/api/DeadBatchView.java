package io.vantaechonebula.pool.api;

/** A batch one stage set aside after failing on it again and again, and the error it failed with. */
public record DeadBatchView(String stage, long batchId, String nodeId, int samples, long receivedAtMs,
                            long deadAtMs, int attempts, String error) {
}
