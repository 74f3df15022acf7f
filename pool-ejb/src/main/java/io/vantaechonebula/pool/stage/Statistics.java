package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.statistics.ModelRecord;
import io.vantaechonebula.pool.statistics.PairStatistic;
import io.vantaechonebula.pool.statistics.RollingStatistic;
import io.vantaechonebula.pool.statistics.MetricAggregate;
import io.vantaechonebula.pool.api.Resolution;

/**
 * A processor's statistics (and the consolidator's aggregates), created on first use. Changes made during one batch are kept only if
 * the whole batch succeeds.
 */
public interface Statistics {

    RollingStatistic series(String subject, String name);

    PairStatistic pair(String subject, String name);

    /** The stored model of a subject's stream (empty at first). */
    ModelRecord model(String subject, String name);

    /** One metric of a node and chain over one minute or hour. */
    MetricAggregate aggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric);

    /** An alert or insight, kept with the batch (docs/agents.md): a recent one with the same key is extended. */
    void report(FindingReport report);
}
