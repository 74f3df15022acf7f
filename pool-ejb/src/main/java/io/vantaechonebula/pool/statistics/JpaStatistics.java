package io.vantaechonebula.pool.statistics;

import io.vantaechonebula.analysis.stats.SeriesPair;
import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.analysis.stats.ValueSummary;
import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.findings.FindingRecorder;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.ModelState;
import io.vantaechonebula.pool.stage.Statistics;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An agent's statistics in the database for one run, inside the run's transaction: each is read once,
 * worked on as analysis's plain class, and its state written back to its entity by {@link #flush()}.
 */
public final class JpaStatistics implements Statistics {

    private final EntityManager em;
    private final String agent;
    /** Taken in this run already, by key: a batch touches the same few statistics thousands of times. */
    private final Map<Object, Object> taken = new HashMap<>();
    private final List<Runnable> writeBacks = new ArrayList<>();
    private FindingRecorder findings;

    /** @param agent whose statistics they are: the stage's or the learner's name */
    public JpaStatistics(EntityManager em, String agent) {
        this.em = em;
        this.agent = agent;
    }

    @Override
    public SeriesStatistic series(String subject, String name) {
        return take(RollingStatistic.class, new StatisticKey(agent, subject, name),
                () -> new RollingStatistic(agent, subject, name),
                stored -> new SeriesStatistic(stored.state()),
                (stored, statistic) -> stored.store(statistic.state()));
    }

    @Override
    public SeriesPair pair(String subject, String name) {
        return take(PairStatistic.class, new StatisticKey(agent, subject, name),
                () -> new PairStatistic(agent, subject, name),
                stored -> new SeriesPair(stored.state()),
                (stored, pair) -> stored.store(pair.state()));
    }

    @Override
    public ValueSummary aggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric) {
        return take(MetricAggregate.class, new AggregateKey(nodeId, chainId, resolution, bucketStartMs, metric),
                () -> new MetricAggregate(nodeId, chainId, resolution, bucketStartMs, metric),
                stored -> new ValueSummary(stored.state()),
                (stored, summary) -> stored.store(summary.state()));
    }

    @Override
    public Optional<byte[]> model(String subject, String name, String model, int version) {
        ModelRecord record = em.find(ModelRecord.class, new StatisticKey(agent, subject, name));
        return record == null ? Optional.empty() : record.state(model, version);
    }

    @Override
    public void storeModel(String subject, String name, ModelState state) {
        StatisticKey key = new StatisticKey(agent, subject, name);
        ModelRecord record = em.find(ModelRecord.class, key);
        if (record == null) {
            record = new ModelRecord(agent, subject, name);
            em.persist(record);
        }
        record.store(state.model(), state.version(), state.trained(), state.state(), System.currentTimeMillis());
    }

    @Override
    public void report(FindingReport report) {
        if (findings == null) {
            findings = new FindingRecorder(em);
        }
        findings.record(report);
    }

    /** Writes every statistic the run took back to its entity; call once the run's work is done, before it commits. */
    public void flush() {
        writeBacks.forEach(Runnable::run);
        writeBacks.clear();
        taken.clear();
    }

    private <E, S> S take(Class<E> type, Object key, Supplier<E> create, Function<E, S> open, WriteBack<E, S> writeBack) {
        List<Object> typedKey = List.of(type, key);
        Object statistic = taken.get(typedKey);
        if (statistic == null) {
            E stored = em.find(type, key);
            if (stored == null) {
                stored = create.get();
                em.persist(stored);
            }
            S opened = open.apply(stored);
            E entity = stored;
            writeBacks.add(() -> writeBack.write(entity, opened));
            taken.put(typedKey, opened);
            return opened;
        }
        @SuppressWarnings("unchecked")
        S known = (S) statistic;
        return known;
    }

    @FunctionalInterface
    private interface WriteBack<E, S> {
        void write(E entity, S statistic);
    }
}
