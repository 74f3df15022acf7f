package io.vantaechonebula.pool.stage;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.findings.Finding;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** A watch's world in memory: nodes, series and findings the test sets. */
public final class MemoryWatchContext implements WatchContext {

    public final List<NodeView> nodes = new ArrayList<>();
    public final Map<String, SeriesStatistic> series = new HashMap<>();
    public final List<Finding> withoutRecommendation = new ArrayList<>();
    public final List<FindingReport> reports = new ArrayList<>();
    public final List<String> resolved = new ArrayList<>();
    public final List<Finding> activeAlerts = new ArrayList<>();
    public final List<Finding> activeInsights = new ArrayList<>();
    public long nowMs;
    /** The findings behind the views handed out, to recommend. */
    private final Map<FindingView, Finding> viewed = new IdentityHashMap<>();

    public MemoryWatchContext(long nowMs) {
        this.nowMs = nowMs;
    }

    public void node(String id, long lastReceivedMs) {
        nodes.add(new NodeView(id, "full", "testnet", 0, lastReceivedMs, lastReceivedMs, 10, null, false));
    }

    public SeriesStatistic series(Agent agent, String subject, String name, double... values) {
        SeriesStatistic statistic = new SeriesStatistic();
        for (double value : values) {
            statistic.add(value, 0);
        }
        series.put(agent.id() + "|" + subject + "|" + name, statistic);
        return statistic;
    }

    @Override
    public long nowMs() {
        return nowMs;
    }

    @Override
    public long nodesHeardSince(long sinceMs) {
        return nodes.stream().filter(node -> node.lastReceivedMs() >= sinceMs).count();
    }

    @Override
    public List<NodeView> nodesHeardSince(long sinceMs, int limit) {
        return nodes.stream().filter(node -> node.lastReceivedMs() >= sinceMs)
                .sorted(Comparator.comparingLong(NodeView::lastReceivedMs).reversed().thenComparing(NodeView::nodeId))
                .limit(limit).toList();
    }

    @Override
    public List<NodeView> nodesQuiet(long heardSinceMs, long quietSinceMs, String afterNodeId, int limit) {
        return nodes.stream().filter(node -> node.lastReceivedMs() >= heardSinceMs && node.lastReceivedMs() < quietSinceMs)
                .filter(node -> node.nodeId().compareTo(afterNodeId) > 0)
                .sorted(Comparator.comparing(NodeView::nodeId)).limit(limit).toList();
    }

    @Override
    public List<String> nodesHeardSinceAlert(String kind, int limit) {
        return active(activeAlerts).filter(alert -> alert.kind().equals(kind))
                .flatMap(alert -> alert.nodeId().stream())
                .filter(id -> nodes.stream().anyMatch(node -> node.nodeId().equals(id) && node.lastReceivedMs() > lastSeen(id, kind)))
                .limit(limit).toList();
    }

    private long lastSeen(String nodeId, String kind) {
        return active(activeAlerts).filter(alert -> alert.kind().equals(kind) && alert.nodeId().equals(Optional.of(nodeId)))
                .mapToLong(Finding::lastSeenMs).max().orElse(Long.MAX_VALUE);
    }

    @Override
    public Optional<SeriesStatistic> series(Agent agent, String subject, String name) {
        return Optional.ofNullable(series.get(agent.id() + "|" + subject + "|" + name));
    }

    @Override
    public List<FindingView> withoutRecommendation() {
        List<FindingView> views = new ArrayList<>();
        for (Finding finding : withoutRecommendation) {
            if (finding.recommendation().isEmpty()) {
                FindingView view = finding.view(nowMs);
                viewed.put(view, finding);
                views.add(view);
            }
        }
        return views;
    }

    @Override
    public void recommend(FindingView finding, String recommendation) {
        viewed.get(finding).recommend(recommendation);
    }

    @Override
    public void report(FindingReport report) {
        reports.add(report);
    }

    @Override
    public void resolveAlert(String kind, String nodeId) {
        resolved.add(kind + ":" + nodeId);
    }

    @Override
    public void resolveInsight(String kind, String nodeId, String chainId) {
        resolved.add("insight " + kind + ":" + nodeId + (chainId == null ? "" : "@" + chainId));
    }

    @Override
    public List<FindingView> activeAlerts(Set<String> kinds, int limit) {
        return active(activeAlerts).filter(alert -> kinds.contains(alert.kind()))
                .sorted(Comparator.comparingLong(Finding::lastSeenMs).reversed())
                .limit(limit).map(finding -> finding.view(nowMs)).toList();
    }

    @Override
    public long nodesAlerted(String kind) {
        return active(activeAlerts).filter(alert -> alert.kind().equals(kind)).flatMap(alert -> alert.nodeId().stream())
                .distinct().count();
    }

    @Override
    public Map<String, Set<String>> nodesWithAlertKinds(int minKinds, int limit) {
        Map<String, Set<String>> kinds = new TreeMap<>();
        active(activeAlerts).forEach(alert -> alert.nodeId()
                .ifPresent(node -> kinds.computeIfAbsent(node, n -> new TreeSet<>()).add(alert.kind())));
        kinds.values().removeIf(set -> set.size() < minKinds);
        return kinds.entrySet().stream().limit(limit)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a, TreeMap::new));
    }

    @Override
    public List<FindingView> activeInsights(String kind, int limit) {
        return active(activeInsights).filter(insight -> insight.kind().equals(kind)).limit(limit)
                .map(finding -> finding.view(nowMs)).toList();
    }

    private Stream<Finding> active(List<Finding> findings) {
        return findings.stream().filter(finding -> finding.activeAt(nowMs));
    }
}
