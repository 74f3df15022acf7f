package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.analysis.stats.ValueSummary;
import io.vantaechonebula.pool.api.AggregateView;
import io.vantaechonebula.pool.api.Resolution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One metric of one node and chain over one minute or hour: the stored state of its {@link ValueSummary}. */
@Entity
@Table(name = "telemetry_aggregate")
@IdClass(AggregateKey.class)
@NamedQuery(name = MetricAggregate.OF_NODE, query = "SELECT a FROM MetricAggregate a WHERE a.nodeId = :nodeId"
        + " AND a.resolution = :resolution AND a.bucketStartMs >= :from AND a.bucketStartMs < :to"
        + " ORDER BY a.bucketStartMs, a.chainId, a.metric")
public class MetricAggregate {

    public static final String OF_NODE = "MetricAggregate.ofNode";

    @Id
    @Column(name = "node_id", length = 128)
    private String nodeId;

    @Id
    @Column(name = "chain_id", length = 64)
    private String chainId;

    @Id
    @Column(length = 8)
    private String resolution;

    @Id
    @Column(name = "bucket_start_ms")
    private long bucketStartMs;

    @Id
    @Column(length = 64)
    private String metric;

    private long count;
    @Column(name = "sum_value")
    private double sum;
    @Column(name = "min_value")
    private double min;
    @Column(name = "max_value")
    private double max;
    @Column(name = "last_value")
    private double last;
    @Column(name = "last_at_ms")
    private long lastAtMs;

    protected MetricAggregate() {
    }

    public MetricAggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric) {
        this.nodeId = nodeId;
        this.chainId = chainId;
        this.resolution = resolution.id();
        this.bucketStartMs = bucketStartMs;
        this.metric = metric;
    }

    public ValueSummary.State state() {
        return new ValueSummary.State(count, sum, min, max, last, lastAtMs);
    }

    public void store(ValueSummary.State state) {
        count = state.count();
        sum = state.sum();
        min = state.min();
        max = state.max();
        last = state.last();
        lastAtMs = state.lastAtMs();
    }

    /** The bucket as callers see it. */
    public AggregateView view() {
        return new AggregateView(chainId, bucketStartMs, metric, count, count == 0 ? 0 : sum / count, min, max, last);
    }
}
