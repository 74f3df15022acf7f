package io.vantaechonebula.node.chain.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A stored block of one chain, main or side: its canonical encoding and what the chain derived from it. */
@Entity
@Table(name = "chain_block")
@IdClass(ChainKey.class)
public class BlockRecord {

    @Id
    @Column(length = 16)
    String chain;

    /** The block hash, hex. */
    @Id
    @Column(length = 64)
    String id;

    @Column(nullable = false)
    long height;

    @Column(nullable = false, length = 16)
    String status;

    /** Cumulative work as a decimal string; only Java compares it. */
    @Column(name = "cumulative_work", nullable = false, length = 100)
    String cumulativeWork;

    @Column(name = "effective_time_ms", nullable = false)
    long effectiveTimeMs;

    @Lob
    @Column(nullable = false)
    byte[] encoded;

    /** The accounts the block touched as they were before it; set once the block is connected. */
    @Lob
    byte[] undo;

    /** The finality certificate of a block made final by one (FN3), encoded. */
    @Lob
    byte[] certificate;

    /** Whether the block's transactions were dropped for the storage limit, leaving its header in {@link #encoded}. */
    Boolean pruned;

    protected BlockRecord() {
    }

    BlockRecord(String chain, String hash, long height, String status, String cumulativeWork, long effectiveTimeMs,
                byte[] encoded) {
        this.chain = chain;
        this.id = hash;
        this.height = height;
        this.status = status;
        this.cumulativeWork = cumulativeWork;
        this.effectiveTimeMs = effectiveTimeMs;
        this.encoded = encoded;
    }

    // Changes go through methods of the entity itself: EclipseLink's woven change tracking does not
    // see fields written from other classes.
    void changeStatus(String newStatus) {
        this.status = newStatus;
    }

    void keepUndo(byte[] undoRecord) {
        this.undo = undoRecord;
    }

    void keepCertificate(byte[] encoded) {
        this.certificate = encoded;
    }

    void pruneTo(byte[] headerOnly) {
        this.encoded = headerOnly;
        this.pruned = Boolean.TRUE;
    }

    boolean isPruned() {
        return Boolean.TRUE.equals(pruned);
    }
}
