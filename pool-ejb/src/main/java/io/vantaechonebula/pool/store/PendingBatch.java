package io.vantaechonebula.pool.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/**
 * A stored batch that one processor has not yet processed. Written with the samples, in the same
 * transaction, and deleted by the processor in the transaction that keeps its results: so each
 * processor sees every batch once, whatever crashes in between.
 */
@Entity
@Table(name = "pool_pending_batch")
@IdClass(PendingBatchKey.class)
@NamedQuery(name = PendingBatch.OLDEST,
        query = "SELECT p FROM PendingBatch p WHERE p.processor = :processor ORDER BY p.batchId")
@NamedQuery(name = PendingBatch.DONE,
        query = "DELETE FROM PendingBatch p WHERE p.processor = :processor AND p.batchId IN :batchIds")
@NamedQuery(name = PendingBatch.OF_OTHER_STAGES,
        query = "DELETE FROM PendingBatch p WHERE p.processor NOT IN :stages")
@NamedQuery(name = PendingBatch.BACKLOG,
        query = "SELECT p.processor, COUNT(p), MIN(p.receivedAtMs) FROM PendingBatch p GROUP BY p.processor")
public class PendingBatch {

    public static final String OLDEST = "PendingBatch.oldest";
    public static final String DONE = "PendingBatch.done";
    public static final String OF_OTHER_STAGES = "PendingBatch.ofOtherStages";
    public static final String BACKLOG = "PendingBatch.backlog";

    @Id
    @Column(length = 32)
    private String processor;

    @Id
    @Column(name = "batch_id")
    private long batchId;

    @Column(name = "received_at_ms", nullable = false)
    private long receivedAtMs;

    /** When the node sent the batch, by its clock: for the latency from send to processed. */
    @Column(name = "sent_at_ms")
    private long sentAtMs;

    protected PendingBatch() {
    }

    public PendingBatch(String processor, IngestedBatch batch) {
        this.processor = processor;
        this.batchId = batch.id();
        this.receivedAtMs = batch.receivedAtMs();
        this.sentAtMs = batch.sentAtMs();
    }

    public long sentAtMs() {
        return sentAtMs;
    }

    public long batchId() {
        return batchId;
    }

    public long receivedAtMs() {
        return receivedAtMs;
    }
}
