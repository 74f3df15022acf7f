package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.findings.FindingRecorder;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Statistics;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/** A processor's statistics (and the consolidator's aggregates) in the database, read and written inside the batch's transaction. */
public final class JpaStatistics implements Statistics {

    private final EntityManager em;
    private final String processor;
    /** Found in this run already: a batch touches the same few statistics thousands of times. */
    private final Map<Object, Object> found = new HashMap<>();
    private FindingRecorder findings;

    public JpaStatistics(EntityManager em, String processor) {
        this.em = em;
        this.processor = processor;
    }

    @Override
    public RollingStatistic series(String subject, String name) {
        return findOrCreate(RollingStatistic.class, new StatisticKey(processor, subject, name),
                () -> new RollingStatistic(processor, subject, name));
    }

    @Override
    public MetricAggregate aggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric) {
        return findOrCreate(MetricAggregate.class, new AggregateKey(nodeId, chainId, resolution, bucketStartMs, metric),
                () -> new MetricAggregate(nodeId, chainId, resolution, bucketStartMs, metric));
    }

    @Override
    public PairStatistic pair(String subject, String name) {
        return findOrCreate(PairStatistic.class, new StatisticKey(processor, subject, name),
                () -> new PairStatistic(processor, subject, name));
    }

    @Override
    public ModelRecord model(String subject, String name) {
        return findOrCreate(ModelRecord.class, new StatisticKey(processor, subject, name),
                () -> new ModelRecord(processor, subject, name));
    }

    @Override
    public void report(FindingReport report) {
        if (findings == null) {
            findings = new FindingRecorder(em);
        }
        findings.record(report);
    }

    private <T> T findOrCreate(Class<T> type, Object key, Supplier<T> create) {
        return type.cast(found.computeIfAbsent(key, k -> {
            T existing = em.find(type, k);
            if (existing != null) {
                return existing;
            }
            T created = create.get();
            em.persist(created);
            return created;
        }));
    }
}
