package io.vantaechonebula.pool.stage;

import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.statistics.MetricAggregate;
import io.vantaechonebula.pool.statistics.ModelRecord;
import io.vantaechonebula.pool.statistics.PairStatistic;
import io.vantaechonebula.pool.statistics.RollingStatistic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Statistics in a map, as the database keeps them, for processors under test. */
public final class MemoryStatistics implements Statistics {

    private final String processor;
    private final Map<String, RollingStatistic> series = new HashMap<>();
    private final Map<String, PairStatistic> pairs = new HashMap<>();
    private final Map<String, MetricAggregate> aggregates = new HashMap<>();
    private final Map<String, ModelRecord> models = new HashMap<>();
    private final List<FindingReport> reports = new ArrayList<>();

    public MemoryStatistics(String processor) {
        this.processor = processor;
    }

    @Override
    public RollingStatistic series(String subject, String name) {
        return series.computeIfAbsent(subject + "|" + name, key -> new RollingStatistic(processor, subject, name));
    }

    @Override
    public MetricAggregate aggregate(String nodeId, String chainId, Resolution resolution, long bucketStartMs, String metric) {
        return aggregates.computeIfAbsent(String.join("|", nodeId, chainId, resolution.id(), Long.toString(bucketStartMs), metric),
                key -> new MetricAggregate(nodeId, chainId, resolution, bucketStartMs, metric));
    }

    @Override
    public ModelRecord model(String subject, String name) {
        return models.computeIfAbsent(subject + "|" + name, key -> new ModelRecord(processor, subject, name));
    }

    @Override
    public PairStatistic pair(String subject, String name) {
        return pairs.computeIfAbsent(subject + "|" + name, key -> new PairStatistic(processor, subject, name));
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
