package io.vantaechonebula.pool.agent.resonant;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.statistics.StoredStatistics;

/** A learnt series as the baseline a resource rule refines its threshold with. */
public final class Baselines {

    private Baselines() {
    }

    public static Baseline of(SeriesStatistic series) {
        return series.count() == 0 ? Baseline.NONE : new Baseline(series.count(), series.mean(), series.stddev());
    }

    /** A node's baseline of a rule's metric as its agent has stored it (none before its first value). */
    public static Baseline stored(StoredStatistics statistics, ResourceRule rule, String nodeId) {
        return statistics.series(rule.agent(), Subjects.node(nodeId), rule.metric()).map(Baselines::of).orElse(Baseline.NONE);
    }
}
