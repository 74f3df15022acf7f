package io.vantaechonebula.pool.store;

import io.vantaechonebula.telemetry.TelemetrySample;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One telemetry sample as stored: at most one row per node and de-duplication key. */
@Entity
@Table(name = "telemetry_sample", indexes = {
        @Index(name = "ix_sample_node_time", columnList = "node_id, sample_time_ms"),
        @Index(name = "ix_sample_batch", columnList = "batch_id")})
@IdClass(StoredSampleId.class)
@NamedQuery(name = StoredSample.NEWEST_OF_NODE,
        query = "SELECT s FROM StoredSample s WHERE s.nodeId = :nodeId ORDER BY s.sampleTimeMs DESC, s.receivedAtMs DESC")
@NamedQuery(name = StoredSample.OF_NODE_BETWEEN, query = "SELECT s FROM StoredSample s WHERE s.nodeId = :nodeId"
        + " AND s.sampleTimeMs >= :from AND s.sampleTimeMs < :to ORDER BY s.sampleTimeMs, s.chainId")
@NamedQuery(name = StoredSample.STORED_KEYS,
        query = "SELECT s.dedupKey FROM StoredSample s WHERE s.nodeId = :nodeId AND s.dedupKey IN :keys")
@NamedQuery(name = StoredSample.OF_BATCHES,
        query = "SELECT s FROM StoredSample s WHERE s.batchId IN :batchIds ORDER BY s.batchId, s.sampleTimeMs")
public class StoredSample {

    static final String NEWEST_OF_NODE = "StoredSample.newestOfNode";
    public static final String OF_BATCHES = "StoredSample.ofBatches";
    static final String OF_NODE_BETWEEN = "StoredSample.ofNodeBetween";
    static final String STORED_KEYS = "StoredSample.storedKeys";

    @Id
    @Column(name = "node_id", length = 128)
    private String nodeId;

    @Id
    @Column(name = "dedup_key", length = 80)
    private String dedupKey;

    @Column(name = "node_type", length = 16, nullable = false)
    private String nodeType;

    @Column(name = "chain_id", length = 64, nullable = false)
    private String chainId;

    /** The timestamp exactly as the node sent it, in epoch seconds. */
    @Column(name = "sample_time", length = 40, nullable = false)
    private String sampleTime;

    @Column(name = "sample_time_ms", nullable = false)
    private long sampleTimeMs;

    @Column(name = "received_at_ms", nullable = false)
    private long receivedAtMs;

    /** The stored batch it came in; null for samples stored before the pipeline existed. */
    @Column(name = "batch_id")
    private Long batchId;

    private Long seq;
    private Long currentHeight;
    private Long blocksProcessed;
    private Long transactionCount;
    private Double miningHashRate;
    private Long peerCount;
    private Double averageLatencyMs;
    private Double bandwidthUsage;
    private Double connectionQuality;
    private Double cpuUsage;
    private Double memoryUsage;
    private Double uptimeSeconds;

    @Lob
    private String extensionsJson;

    protected StoredSample() {
    }

    StoredSample(TelemetrySample sample, long receivedAtMs, long batchId) {
        this.batchId = batchId;
        this.nodeId = sample.nodeId();
        this.dedupKey = sample.dedupKey();
        this.nodeType = sample.nodeType();
        this.chainId = sample.chainId();
        this.sampleTime = sample.timestamp().toPlainString();
        this.sampleTimeMs = sample.timestampMillis();
        this.receivedAtMs = receivedAtMs;
        this.seq = sample.seq();
        this.currentHeight = sample.currentHeight();
        this.blocksProcessed = sample.blocksProcessed();
        this.transactionCount = sample.transactionCount();
        this.miningHashRate = sample.miningHashRate();
        this.peerCount = sample.peerCount();
        this.averageLatencyMs = sample.averageLatencyMs();
        this.bandwidthUsage = sample.bandwidthUsage();
        this.connectionQuality = sample.connectionQuality();
        this.cpuUsage = sample.cpuUsage();
        this.memoryUsage = sample.memoryUsage();
        this.uptimeSeconds = sample.uptimeSeconds();
        this.extensionsJson = sample.extensionsJson();
    }

    public Long batchId() {
        return batchId;
    }

    public SampleView toView() {
        return new SampleView(nodeId, nodeType, chainId, new java.math.BigDecimal(sampleTime), seq, receivedAtMs,
                currentHeight, blocksProcessed, transactionCount, miningHashRate,
                peerCount, averageLatencyMs, bandwidthUsage, connectionQuality,
                cpuUsage, memoryUsage, uptimeSeconds, extensionsJson);
    }
}
