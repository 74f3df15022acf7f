package io.vantaechonebula.pool.agent.resonant;

import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.statistics.RollingStatistic;
import io.vantaechonebula.pool.statistics.StatisticKey;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import jakarta.persistence.EntityManager;

/** A learnt series as the baseline a resource rule refines its threshold with. */
public final class Baselines {

    private Baselines() {
    }

    public static Baseline of(RollingStatistic series) {
        return series.count() == 0 ? Baseline.NONE : new Baseline(series.count(), series.mean(), series.stddev());
    }

    /** A node's baseline of a rule's metric as its agent has stored it (none before its first value). */
    public static Baseline stored(EntityManager em, ResourceRule rule, String nodeId) {
        RollingStatistic series = em.find(RollingStatistic.class,
                new StatisticKey(rule.agent().id(), Subjects.node(nodeId), rule.metric()));
        return series == null ? Baseline.NONE : of(series);
    }
}
