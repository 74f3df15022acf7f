package io.vantaechonebula.pool.store;

import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.telemetry.TelemetrySample;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A node the pool has stored samples from, with what it last said about itself. */
@Entity
@Table(name = "telemetry_node", indexes = {
        @Index(name = "telemetry_node_last_received", columnList = "last_received_ms"),
        @Index(name = "telemetry_node_dropped", columnList = "dropped_reported")})
@NamedQuery(name = ObservedNode.ALL, query = "SELECT n FROM ObservedNode n ORDER BY n.nodeId")
@NamedQuery(name = ObservedNode.COUNT, query = "SELECT COUNT(n) FROM ObservedNode n")
@NamedQuery(name = ObservedNode.DROPPING, query = "SELECT n FROM ObservedNode n WHERE n.droppedReported > 0"
        + " ORDER BY n.droppedReported DESC, n.nodeId")
@NamedQuery(name = ObservedNode.COUNT_HEARD_SINCE, query = "SELECT COUNT(n) FROM ObservedNode n WHERE n.lastReceivedMs >= :since")
@NamedQuery(name = ObservedNode.COUNT_VERIFIED_HEARD_SINCE,
        query = "SELECT COUNT(n) FROM ObservedNode n WHERE n.lastReceivedMs >= :since AND n.verified = TRUE")
@NamedQuery(name = ObservedNode.HEARD_SINCE, query = "SELECT n FROM ObservedNode n WHERE n.lastReceivedMs >= :since"
        + " ORDER BY n.lastReceivedMs DESC, n.nodeId")
@NamedQuery(name = ObservedNode.QUIET, query = "SELECT n FROM ObservedNode n WHERE n.lastReceivedMs >= :heardSince"
        + " AND n.lastReceivedMs < :quietSince AND n.nodeId > :after ORDER BY n.nodeId")
@NamedQuery(name = ObservedNode.SILENT_SINCE, query = "SELECT n.nodeId FROM ObservedNode n WHERE n.lastReceivedMs < :before"
        + " ORDER BY n.lastReceivedMs")
public class ObservedNode {

    static final String ALL = "ObservedNode.all";
    static final String COUNT = "ObservedNode.count";
    static final String DROPPING = "ObservedNode.dropping";
    static final String COUNT_HEARD_SINCE = "ObservedNode.countHeardSince";
    static final String COUNT_VERIFIED_HEARD_SINCE = "ObservedNode.countVerifiedHeardSince";
    static final String HEARD_SINCE = "ObservedNode.heardSince";
    static final String QUIET = "ObservedNode.quiet";
    public static final String SILENT_SINCE = "ObservedNode.silentSince";

    @Id
    @Column(name = "node_id", length = 128)
    private String nodeId;

    @Column(name = "node_type", length = 16, nullable = false)
    private String nodeType;

    @Column(name = "chain_id", length = 64, nullable = false)
    private String chainId;

    @Column(name = "first_seen_ms", nullable = false)
    private long firstSeenMs;

    /** Time of the newest sample stored, by the node's clock. */
    @Column(name = "last_sample_ms", nullable = false)
    private long lastSampleMs;

    /** When the pool last stored a sample of this node, by the pool's clock. */
    @Column(name = "last_received_ms", nullable = false)
    private long lastReceivedMs;

    @Column(name = "samples_stored", nullable = false)
    private long samplesStored;

    /** The highest sample sequence number stored of this node; null until one with a number is stored. */
    @Column(name = "max_seq")
    private Long maxSeq;

    /** What the node last said its buffer dropped since it started; null until it says. */
    @Column(name = "dropped_reported")
    private Long droppedReported;

    /** Whether its newest payload came signed by its registered key; null in rows from before keys were checked. */
    @Column(name = "verified")
    private Boolean verified;

    protected ObservedNode() {
    }

    ObservedNode(String nodeId, String nodeType, String chainId, long receivedAtMs) {
        this.nodeId = nodeId;
        this.nodeType = nodeType;
        this.chainId = chainId;
        this.firstSeenMs = receivedAtMs;
        this.lastReceivedMs = receivedAtMs;
    }

    String nodeId() {
        return nodeId;
    }

    /**
     * Whether a sample is certainly not stored yet, judged without a query: its number is above
     * every stored number, or, without a number, its time is after every stored sample's.
     */
    boolean certainlyNew(TelemetrySample sample) {
        if (samplesStored == 0) {
            return true;
        }
        if (sample.seq() != null) {
            // Without a recorded highest number (rows from before it was kept), only a query can tell.
            return maxSeq != null && sample.seq() > maxSeq;
        }
        return sample.timestampMillis() > lastSampleMs;
    }

    void record(TelemetrySample sample, long receivedAtMs, boolean signed) {
        if (sample.seq() != null && (maxSeq == null || sample.seq() > maxSeq)) {
            maxSeq = sample.seq();
        }
        verified = signed;
        record(sample.nodeType(), sample.chainId(), sample.timestampMillis(), receivedAtMs);
    }

    private void record(String type, String chain, long sampleMs, long receivedAtMs) {
        if (samplesStored == 0 || sampleMs >= lastSampleMs) {
            this.nodeType = type;
            this.chainId = chain;
            this.lastSampleMs = sampleMs;
        }
        this.lastReceivedMs = receivedAtMs;
        this.samplesStored++;
    }

    void reportedDropped(long dropped) {
        this.droppedReported = dropped;
    }

    NodeView toView() {
        return new NodeView(nodeId, nodeType, chainId, firstSeenMs, lastSampleMs, lastReceivedMs, samplesStored, droppedReported,
                Boolean.TRUE.equals(verified));
    }
}
