package io.vantaechonebula.pool.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A batch one stage failed on again and again, set aside so that the stage goes on with the
 * batches after it. Its samples stay stored (and are pruned with the raw retention like any
 * others); the other stages process it as usual.
 */
@Entity
@Table(name = "pool_dead_batch")
@IdClass(PendingBatchKey.class)
@NamedQuery(name = DeadBatch.NEWEST, query = "SELECT d FROM DeadBatch d ORDER BY d.deadAtMs DESC, d.batchId DESC")
@NamedQuery(name = DeadBatch.COUNT_BY_STAGE, query = "SELECT d.processor, COUNT(d) FROM DeadBatch d GROUP BY d.processor")
public class DeadBatch {

    public static final String NEWEST = "DeadBatch.newest";
    public static final String COUNT_BY_STAGE = "DeadBatch.countByStage";
    public static final int MAX_ERROR_LENGTH = 500;

    @Id
    @Column(length = 32)
    private String processor;

    @Id
    @Column(name = "batch_id")
    private long batchId;

    @Column(name = "node_id", length = 128, nullable = false)
    private String nodeId;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    @Column(name = "received_at_ms", nullable = false)
    private long receivedAtMs;

    @Column(name = "dead_at_ms", nullable = false)
    private long deadAtMs;

    @Column(nullable = false)
    private int attempts;

    @Column(length = MAX_ERROR_LENGTH, nullable = false)
    private String error;

    protected DeadBatch() {
    }

    public DeadBatch(String processor, IngestedBatch batch, int attempts, String error, long deadAtMs) {
        this.processor = processor;
        this.batchId = batch.id();
        this.nodeId = batch.nodeId();
        this.sampleCount = batch.sampleCount();
        this.receivedAtMs = batch.receivedAtMs();
        this.attempts = attempts;
        this.error = error.length() <= MAX_ERROR_LENGTH ? error : error.substring(0, MAX_ERROR_LENGTH - 1) + "…";
        this.deadAtMs = deadAtMs;
    }

    public String processor() {
        return processor;
    }

    public long batchId() {
        return batchId;
    }

    public String nodeId() {
        return nodeId;
    }

    public int sampleCount() {
        return sampleCount;
    }

    public long receivedAtMs() {
        return receivedAtMs;
    }

    public long deadAtMs() {
        return deadAtMs;
    }

    public int attempts() {
        return attempts;
    }

    public String error() {
        return error;
    }
}
