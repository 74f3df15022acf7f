package io.vantaechonebula.pool.stage;

import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.NodeView;
import io.vantaechonebula.pool.findings.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A watch's world in memory: nodes, series and findings the test sets. */
public final class MemoryWatchContext implements WatchContext {

    public final List<NodeView> nodes = new ArrayList<>();
    public final Map<String, SeriesStatistic> series = new HashMap<>();
    public final List<Finding> withoutRecommendation = new ArrayList<>();
    public final List<FindingReport> reports = new ArrayList<>();
    public final List<String> resolved = new ArrayList<>();
    public final List<Finding> activeAlerts = new ArrayList<>();
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
    public List<NodeView> nodes() {
        return nodes;
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
    public List<FindingView> activeAlerts() {
        return activeAlerts.stream().map(finding -> finding.view(nowMs)).toList();
    }
}
