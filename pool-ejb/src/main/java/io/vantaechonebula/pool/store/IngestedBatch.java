package io.vantaechonebula.pool.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

/** One payload's new samples, as stored together: the unit the processors work through. */
@Entity
@Table(name = "pool_ingested_batch")
@NamedQuery(name = IngestedBatch.PRUNABLE, query = "SELECT b.id FROM IngestedBatch b WHERE b.receivedAtMs < :before"
        + " AND NOT EXISTS (SELECT p FROM PendingBatch p WHERE p.batchId = b.id) ORDER BY b.id")
public class IngestedBatch {

    /** Batches every stage has processed, received before a time, oldest first. */
    public static final String PRUNABLE = "IngestedBatch.prunable";

    @Id
    @SequenceGenerator(name = "pool_batch_id", sequenceName = "pool_batch_id", allocationSize = 100)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "pool_batch_id")
    private long id;

    @Column(name = "node_id", length = 128, nullable = false)
    private String nodeId;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    @Column(name = "received_at_ms", nullable = false)
    private long receivedAtMs;

    /** The bytes its samples take in their blocks; null in batches stored before they were counted. */
    @Column(name = "stored_bytes")
    private Long storedBytes;

    /** When the node sent the payload, by its clock. */
    @Column(name = "sent_at_ms")
    private long sentAtMs;

    protected IngestedBatch() {
    }

    public IngestedBatch(String nodeId, long sentAtMs, long receivedAtMs) {
        this.nodeId = nodeId;
        this.sentAtMs = sentAtMs;
        this.receivedAtMs = receivedAtMs;
    }

    public long sentAtMs() {
        return sentAtMs;
    }

    public void counted(int samples, long bytes) {
        sampleCount += samples;
        storedBytes = (storedBytes == null ? 0 : storedBytes) + bytes;
    }

    public long id() {
        return id;
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
}
