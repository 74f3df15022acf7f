package io.vantaechonebula.pool.agents;

import io.vantaechonebula.pool.agents.ResourceRule.Baseline;
import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.FindingQueries;
import io.vantaechonebula.pool.processing.Baselines;
import io.vantaechonebula.pool.processing.RollingStatistic;
import io.vantaechonebula.pool.processing.StatisticKey;
import io.vantaechonebula.pool.processing.Subjects;
import io.vantaechonebula.pool.store.SampleView;
import io.vantaechonebula.pool.store.TelemetryQueries;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Resonant's health report of one node: its latest sample against its baselines, and what the agents found. */
@Stateless
public class NodeHealth {

    /** A node's health with what it was computed from. */
    public record Report(String nodeId, SampleView latest, HealthScore.Health health, List<Finding> findings) {
    }

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

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
        String subject = Subjects.node(nodeId);
        List<HealthScore.Reading> readings = new ArrayList<>();
        if (latest.memoryUsage() != null) {
            readings.add(new HealthScore.Reading(ResourceRule.MEMORY, latest.memoryUsage(),
                    baseline(Agent.RESONANT, subject, ResourceRule.MEMORY.metric())));
        }
        if (latest.averageLatencyMs() != null) {
            readings.add(new HealthScore.Reading(ResourceRule.LATENCY, latest.averageLatencyMs(),
                    baseline(Agent.NETWORK_MONITOR, subject, ResourceRule.LATENCY.metric())));
        }
        if (latest.storageUsage() != null) {
            readings.add(new HealthScore.Reading(ResourceRule.STORAGE, latest.storageUsage(),
                    baseline(Agent.RESONANT, subject, ResourceRule.STORAGE.metric())));
        }
        List<Finding> active = findings.activeOfNode(nodeId, nowMs);
        List<HealthScore.Concern> concerns = active.stream()
                .map(f -> new HealthScore.Concern(f.kind(), f.severity(), f.recommendation().orElse(null)))
                .toList();
        return Optional.of(new Report(nodeId, latest, HealthScore.of(readings, concerns), active));
    }

    private Baseline baseline(Agent agent, String subject, String series) {
        RollingStatistic statistic = em.find(RollingStatistic.class, new StatisticKey(agent.id(), subject, series));
        return statistic == null ? Baseline.NONE : Baselines.of(statistic);
    }
}
