package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.pool.agent.consolidator.BucketValues;
import io.vantaechonebula.pool.api.AggregateView;
import io.vantaechonebula.pool.api.Resolution;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** One metric of one node and chain over one minute or hour: count, sum, minimum, maximum and last value. */
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

    public void add(double value, long atMs) {
        if (count == 0) {
            min = value;
            max = value;
        } else {
            min = Math.min(min, value);
            max = Math.max(max, value);
        }
        count++;
        sum += value;
        if (atMs >= lastAtMs) {
            last = value;
            lastAtMs = atMs;
        }
    }

    /** Adds what a batch gathered for this bucket at once: the same as adding its values one by one. */
    public void merge(BucketValues values) {
        if (values.count() == 0) {
            return;
        }
        min = count == 0 ? values.min() : Math.min(min, values.min());
        max = count == 0 ? values.max() : Math.max(max, values.max());
        count += values.count();
        sum += values.sum();
        if (values.lastAtMs() >= lastAtMs) {
            last = values.last();
            lastAtMs = values.lastAtMs();
        }
    }

    public String chainId() {
        return chainId;
    }

    public long bucketStartMs() {
        return bucketStartMs;
    }

    public String metric() {
        return metric;
    }

    public long count() {
        return count;
    }

    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    /** The bucket as callers see it. */
    public AggregateView view() {
        return new AggregateView(chainId(), bucketStartMs(), metric(), count(), mean(), min(), max(), last());
    }

    public double last() {
        return last;
    }
}
