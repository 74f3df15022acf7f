package io.vantaechonebula.pool.service;

import io.vantaechonebula.pool.agent.networkmonitor.SilenceWatch;
import io.vantaechonebula.pool.agent.resonant.NodeHealth;
import io.vantaechonebula.pool.api.AggregateView;
import io.vantaechonebula.pool.api.MetricHealth;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.NodeHealthReport;
import io.vantaechonebula.pool.api.NodeQuery;
import io.vantaechonebula.pool.api.NodeRow;
import io.vantaechonebula.pool.api.NetworkCounts;
import io.vantaechonebula.pool.api.NodeStates;
import io.vantaechonebula.pool.api.NodeTelemetryOperations;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.api.Resolution;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.findings.Finding;
import io.vantaechonebula.pool.findings.FindingQueries;
import io.vantaechonebula.pool.statistics.AggregateQueries;
import io.vantaechonebula.pool.store.TelemetryQueries;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/** {@link NodeTelemetryOperations} over the stored samples and aggregates, and the Resonant's health score. */
@Stateless
public class NodeTelemetryOperationsBean implements NodeTelemetryOperations {

    @EJB
    private TelemetryQueries queries;

    @EJB
    private AggregateQueries aggregates;

    @EJB
    private NodeHealth health;

    @EJB
    private FindingQueries findings;

    @Override
    public List<NodeView> nodes(int offset, int limit) {
        return queries.nodes(offset, limit);
    }

    @Override
    public long nodeCount() {
        return queries.nodeCount();
    }

    @Override
    public List<NodeRow> nodeRows(NodeQuery query) {
        long now = System.currentTimeMillis();
        return queries.nodes(query).stream().map(node -> row(node, now)).toList();
    }

    private NodeRow row(NodeView node, long now) {
        Optional<NodeHealth.Report> report = health.of(node.nodeId(), now);
        List<Finding> active = report.map(NodeHealth.Report::findings).orElse(List.of());
        boolean silent = active.stream().anyMatch(finding -> finding.kind().equals(SilenceWatch.KIND));
        String status = now - node.lastReceivedMs() >= SilenceWatch.RETIRED_MS ? "down" : silent ? "silent" : "up";
        long openAlerts = active.stream()
                .filter(finding -> finding.type() == FindingType.ALERT && finding.acknowledgedBy().isEmpty()).count();
        return new NodeRow(node, status, openAlerts,
                report.map(found -> OptionalInt.of(found.health().score())).orElse(OptionalInt.empty()));
    }

    @Override
    public long count(NodeQuery query) {
        return queries.count(query);
    }

    @Override
    public NetworkCounts counts() {
        long now = System.currentTimeMillis();
        long heard = queries.nodesHeardSince(now - SilenceWatch.RETIRED_MS);
        long silent = 0;
        Map<FindingType, Map<Severity, Long>> open = new EnumMap<>(FindingType.class);
        List<NetworkCounts.OpenFindings> openByKind = new ArrayList<>();
        for (FindingType type : FindingType.values()) {
            Map<Severity, Long> bySeverity = new EnumMap<>(Severity.class);
            for (Severity severity : Severity.values()) {
                bySeverity.put(severity, 0L);
            }
            for (Object[] row : findings.activeCounts(type, now)) {
                long count = ((Number) row[3]).longValue();
                if (row[2] == null) {
                    bySeverity.merge((Severity) row[0], count, Long::sum);
                    openByKind.add(new NetworkCounts.OpenFindings(type, (String) row[1], (Severity) row[0], count));
                }
                if (type == FindingType.ALERT && SilenceWatch.KIND.equals(row[1])) {
                    silent += count;
                }
            }
            open.put(type, bySeverity);
        }
        silent = Math.min(heard, silent);
        long verified = queries.verifiedNodesHeardSince(now - SilenceWatch.RETIRED_MS);
        return new NetworkCounts(new NodeStates(heard - silent, silent, queries.nodeCount() - heard, verified), open, openByKind);
    }

    @Override
    public Optional<NodeView> node(String nodeId) {
        return queries.node(nodeId);
    }

    @Override
    public Optional<List<SampleView>> newestSamples(String nodeId, int limit) {
        return queries.newestSamples(nodeId, limit);
    }

    @Override
    public Optional<List<SampleView>> samplesBetween(String nodeId, long fromMs, long toMs, int limit) {
        return queries.samplesBetween(nodeId, fromMs, toMs, limit);
    }

    @Override
    public Optional<List<AggregateView>> aggregates(String nodeId, Resolution resolution, long fromMs, long toMs) {
        return aggregates.aggregates(nodeId, resolution, fromMs, toMs);
    }

    @Override
    public Optional<NodeHealthReport> health(String nodeId) {
        long now = System.currentTimeMillis();
        return health.of(nodeId, now).map(report -> new NodeHealthReport(report.nodeId(), report.latest().timestampMillis(),
                report.health().score(), report.health().status(), report.health().metrics().stream()
                        .map(metric -> new MetricHealth(metric.metric(), metric.value(), metric.threshold(),
                                metric.thresholdLearnt(), metric.above(), metric.baseline().count(), metric.baseline().mean(),
                                metric.baseline().stddev()))
                        .toList(),
                report.findings().stream().map(finding -> finding.view(now)).toList(), report.health().recommendations()));
    }
}
