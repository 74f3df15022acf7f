package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.pool.api.Resolution;
import java.io.Serializable;
import java.util.Objects;

/** Primary key of an aggregate: node, chain, resolution, bucket start and metric. */
public class AggregateKey implements Serializable {

    private static final long serialVersionUID = 1L;

    private String nodeId;
    private String chainId;
    private String resolution;
    private long bucketStartMs;
    private String metric;

    public AggregateKey() {
    }

    public AggregateKey(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric) {
        this.nodeId = nodeId;
        this.chainId = chainId;
        this.resolution = resolution.id();
        this.bucketStartMs = bucketStartMs;
        this.metric = metric;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AggregateKey key && nodeId.equals(key.nodeId) && chainId.equals(key.chainId)
                && resolution.equals(key.resolution) && bucketStartMs == key.bucketStartMs && metric.equals(key.metric);
    }

    @Override
    public int hashCode() {
        return Objects.hash(nodeId, chainId, resolution, bucketStartMs, metric);
    }
}
