package io.vantaechonebula.pool.api;

/** One metric of a node and chain over one bucket, as callers see it. */
public record AggregateView(String chainId, long bucketStartMs, String metric, long count, double mean, double min,
                            double max, double last) {
}
