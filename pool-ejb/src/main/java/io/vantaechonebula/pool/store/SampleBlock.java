package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.api.SampleView;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.List;

/**
 * The new samples of one node in one stored batch, kept as one row ({@link SampleBlockCodec}).
 * A row per sample, with its index entries, was what the store spent its time on, inserting and
 * again pruning; the block's time and sequence ranges are what queries and de-duplication need.
 */
@Entity
@Table(name = "pool_sample_block", indexes = @Index(name = "ix_block_node_time", columnList = "node_id, max_time_ms"))
@IdClass(SampleBlockId.class)
@NamedQuery(name = SampleBlock.OF_BATCHES, query = "SELECT b FROM SampleBlock b WHERE b.batchId IN :batchIds")
@NamedQuery(name = SampleBlock.OF_NODE_OLDEST_FIRST, query = "SELECT b FROM SampleBlock b WHERE b.nodeId = :nodeId"
        + " AND b.maxTimeMs >= :from AND b.minTimeMs < :to ORDER BY b.minTimeMs, b.batchId")
@NamedQuery(name = SampleBlock.OF_NODE_NEWEST_FIRST,
        query = "SELECT b FROM SampleBlock b WHERE b.nodeId = :nodeId ORDER BY b.maxTimeMs DESC, b.batchId DESC")
@NamedQuery(name = SampleBlock.MAY_HOLD, query = "SELECT b FROM SampleBlock b WHERE b.nodeId = :nodeId"
        + " AND ((b.minSeq <= :maxSeq AND b.maxSeq >= :minSeq) OR (b.minTimeMs <= :maxTime AND b.maxTimeMs >= :minTime))")
public class SampleBlock {

    public static final String OF_BATCHES = "SampleBlock.ofBatches";
    static final String OF_NODE_OLDEST_FIRST = "SampleBlock.ofNodeOldestFirst";
    static final String OF_NODE_NEWEST_FIRST = "SampleBlock.ofNodeNewestFirst";
    /** Blocks of a node that may hold samples with given sequence numbers or timestamps. */
    static final String MAY_HOLD = "SampleBlock.mayHold";

    @Id
    @Column(name = "batch_id")
    private long batchId;

    @Id
    @Column(name = "node_id", length = 128)
    private String nodeId;

    @Column(name = "sample_count", nullable = false)
    private int sampleCount;

    @Column(name = "min_time_ms", nullable = false)
    private long minTimeMs;

    @Column(name = "max_time_ms", nullable = false)
    private long maxTimeMs;

    /** The lowest and highest sequence numbers among the samples that carry one; null when none does. */
    @Column(name = "min_seq")
    private Long minSeq;

    @Column(name = "max_seq")
    private Long maxSeq;

    @Column(name = "received_at_ms", nullable = false)
    private long receivedAtMs;

    @Lob
    @Basic(fetch = FetchType.EAGER)
    @Column(name = "samples", nullable = false)
    private byte[] samples;

    /** Whether the samples came signed by the node's registered key; null in blocks stored before keys were checked. */
    @Column(name = "verified")
    private Boolean verified;

    protected SampleBlock() {
    }

    SampleBlock(long batchId, String nodeId, long receivedAtMs, List<SampleView> views, boolean verified) {
        this.verified = verified;
        this.batchId = batchId;
        this.nodeId = nodeId;
        this.receivedAtMs = receivedAtMs;
        this.sampleCount = views.size();
        this.minTimeMs = views.stream().mapToLong(SampleView::timestampMillis).min().orElseThrow();
        this.maxTimeMs = views.stream().mapToLong(SampleView::timestampMillis).max().orElseThrow();
        this.minSeq = views.stream().filter(v -> v.seq() != null).map(SampleView::seq).min(Long::compare).orElse(null);
        this.maxSeq = views.stream().filter(v -> v.seq() != null).map(SampleView::seq).max(Long::compare).orElse(null);
        this.samples = SampleBlockCodec.encode(views);
    }

    /** The bytes its samples take, encoded. */
    int storedBytes() {
        return samples.length;
    }

    boolean verified() {
        return Boolean.TRUE.equals(verified);
    }

    public long batchId() {
        return batchId;
    }

    long minTimeMs() {
        return minTimeMs;
    }

    long maxTimeMs() {
        return maxTimeMs;
    }

    /** The samples in the order they were stored. */
    public List<SampleView> samples() {
        return SampleBlockCodec.decode(samples, nodeId, receivedAtMs, verified());
    }
}
