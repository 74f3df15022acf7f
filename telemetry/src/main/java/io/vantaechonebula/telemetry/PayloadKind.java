package io.vantaechonebula.telemetry;

/** The two payload shapes node software sends to the pool. */
public enum PayloadKind {
    /** {@code {"node_id", "data_batch": [...], "batch_size", "submission_time"}} */
    BATCH,
    /** {@code {"timestamp", "node_data": {...}, "data_type": "node_contribution"}} */
    CONTRIBUTION
}
