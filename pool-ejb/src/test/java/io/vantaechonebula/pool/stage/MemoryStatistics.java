package io.vantaechonebula.pool.stage;

import io.vantaechonebula.analysis.stats.SeriesPair;
import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.analysis.stats.ValueSummary;
import io.vantaechonebula.pool.api.Resolution;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Statistics in maps, kept from run to run as the database keeps them, for stages and learners under test. */
public final class MemoryStatistics implements Statistics {

    private final Map<String, SeriesStatistic> series = new HashMap<>();
    private final Map<String, SeriesPair> pairs = new HashMap<>();
    private final Map<String, ValueSummary> aggregates = new HashMap<>();
    private final Map<String, ModelState> models = new HashMap<>();
    private final List<FindingReport> reports = new ArrayList<>();

    @Override
    public SeriesStatistic series(String subject, String name) {
        return series.computeIfAbsent(subject + "|" + name, key -> new SeriesStatistic());
    }

    @Override
    public ValueSummary aggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric) {
        return aggregates.computeIfAbsent(String.join("|", nodeId, chainId, resolution.id(), Long.toString(bucketStartMs), metric),
                key -> new ValueSummary());
    }

    @Override
    public Optional<byte[]> model(String subject, String name, String model, int version) {
        return storedModel(subject, name).filter(state -> state.model().equals(model) && state.version() == version)
                .map(state -> state.state().clone());
    }

    @Override
    public void storeModel(String subject, String name, ModelState state) {
        models.put(subject + "|" + name, new ModelState(state.model(), state.version(), state.trained(), state.state().clone()));
    }

    /** A model as last stored, whatever its kind and version. */
    public Optional<ModelState> storedModel(String subject, String name) {
        return Optional.ofNullable(models.get(subject + "|" + name));
    }

    @Override
    public SeriesPair pair(String subject, String name) {
        return pairs.computeIfAbsent(subject + "|" + name, key -> new SeriesPair());
    }

    @Override
    public void report(FindingReport report) {
        reports.add(report);
    }

    /** Every report so far, in order. */
    public List<FindingReport> reports() {
        return List.copyOf(reports);
    }

    public List<FindingReport> reports(String kind) {
        return reports.stream().filter(report -> report.kind().equals(kind)).toList();
    }
}
