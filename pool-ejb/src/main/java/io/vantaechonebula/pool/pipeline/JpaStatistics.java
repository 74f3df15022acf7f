package io.vantaechonebula.pool.pipeline;

import io.vantaechonebula.pool.consolidation.AggregateKey;
import io.vantaechonebula.pool.consolidation.MetricAggregate;
import io.vantaechonebula.pool.consolidation.Resolution;
import io.vantaechonebula.pool.processing.PairStatistic;
import io.vantaechonebula.pool.processing.RollingStatistic;
import io.vantaechonebula.pool.processing.StatisticKey;
import io.vantaechonebula.pool.processing.Statistics;
import jakarta.persistence.EntityManager;

/** A processor's statistics (and the consolidator's aggregates) in the database, read and written inside the batch's transaction. */
final class JpaStatistics implements Statistics {

    private final EntityManager em;
    private final String processor;

    JpaStatistics(EntityManager em, String processor) {
        this.em = em;
        this.processor = processor;
    }

    @Override
    public RollingStatistic series(String subject, String name) {
        RollingStatistic found = em.find(RollingStatistic.class, new StatisticKey(processor, subject, name));
        if (found == null) {
            found = new RollingStatistic(processor, subject, name);
            em.persist(found);
        }
        return found;
    }

    @Override
    public MetricAggregate aggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric) {
        MetricAggregate found = em.find(MetricAggregate.class, new AggregateKey(nodeId, chainId, resolution, bucketStartMs, metric));
        if (found == null) {
            found = new MetricAggregate(nodeId, chainId, resolution, bucketStartMs, metric);
            em.persist(found);
        }
        return found;
    }

    @Override
    public PairStatistic pair(String subject, String name) {
        PairStatistic found = em.find(PairStatistic.class, new StatisticKey(processor, subject, name));
        if (found == null) {
            found = new PairStatistic(processor, subject, name);
            em.persist(found);
        }
        return found;
    }
}
