package io.vantaechonebula.pool.consolidation;

/** One metric of a node and chain over one bucket, as callers see it. */
public record AggregateView(String chainId, long bucketStartMs, String metric, long count, double mean, double min,
                            double max, double last) {

    public static AggregateView of(MetricAggregate aggregate) {
        return new AggregateView(aggregate.chainId(), aggregate.bucketStartMs(), aggregate.metric(), aggregate.count(),
                aggregate.mean(), aggregate.min(), aggregate.max(), aggregate.last());
    }
}
