package io.vantaechonebula.pool.processing;

import io.vantaechonebula.pool.agents.ResourceRule.Baseline;

/** A learnt series as the baseline a resource rule refines its threshold with. */
public final class Baselines {

    private Baselines() {
    }

    public static Baseline of(RollingStatistic series) {
        return series.count() == 0 ? Baseline.NONE : new Baseline(series.count(), series.mean(), series.stddev());
    }
}
