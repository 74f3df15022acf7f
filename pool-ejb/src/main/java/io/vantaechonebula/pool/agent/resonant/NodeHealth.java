package io.vantaechonebula.pool.agent.resonant;

import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.FindingQueries;
import io.vantaechonebula.pool.statistics.StoredStatistics;
import io.vantaechonebula.pool.store.TelemetryQueries;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resonant's health report of one node: its latest sample against its baselines, and what the agents found. */
@Stateless
public class NodeHealth {

    /** A node's health with what it was computed from. */
    public record Report(String nodeId, SampleView latest, HealthScore.Health health, List<Finding> findings) {
    }

    @EJB
    private StoredStatistics statistics;

    @EJB
    private TelemetryQueries telemetry;

    @EJB
    private FindingQueries findings;

    /** Empty when the pool has no sample of the node. */
    public Optional<Report> of(String nodeId, long nowMs) {
        Optional<List<SampleView>> newest = telemetry.newestSamples(nodeId, 1);
        if (newest.isEmpty() || newest.get().isEmpty()) {
            return Optional.empty();
        }
        SampleView latest = newest.get().get(0);
        List<HealthScore.Reading> readings = new ArrayList<>();
        for (ResourceRule rule : ResourceRule.values()) {
            Double value = rule.valueOf(latest);
            if (value != null) {
                readings.add(new HealthScore.Reading(rule, value, Baselines.stored(statistics, rule, nodeId)));
            }
        }
        List<Finding> active = findings.activeOfNode(nodeId, nowMs);
        List<HealthScore.Concern> concerns = active.stream()
                .map(f -> new HealthScore.Concern(f.kind(), f.severity(), f.recommendation().orElse(null)))
                .toList();
        return Optional.of(new Report(nodeId, latest, HealthScore.of(readings, concerns), active));
    }
}
