package io.vantaechonebula.pool.stage;

import io.vantaechonebula.analysis.stats.SeriesPair;
import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.analysis.stats.ValueSummary;
import io.vantaechonebula.pool.api.Resolution;
import java.util.Optional;

/**
 * An agent's statistics, models and findings for one run, each statistic created on first use. What a
 * run changes is kept only if the whole run succeeds.
 */
public interface Statistics {

    SeriesStatistic series(String subject, String name);

    SeriesPair pair(String subject, String name);

    /** The stored state of a subject's model, if there is one of this model and version. */
    Optional<byte[]> model(String subject, String name, String model, int version);

    void storeModel(String subject, String name, ModelState state);

    /** One metric of a node and chain over one minute or hour (the Memory Consolidator's). */
    ValueSummary aggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric);

    /** An alert or insight, kept with the run (docs/agents.md): a recent one with the same key is extended. */
    void report(FindingReport report);
}
