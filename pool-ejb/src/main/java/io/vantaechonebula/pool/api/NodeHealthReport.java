package io.vantaechonebula.pool.api;

import java.util.List;

/**
 * A node's health (docs/agents.md): a score and status from its latest sample against what is usual for it, and
 * its active alerts and insights with their recommendations.
 */
public record NodeHealthReport(String nodeId, long latestSampleMs, int score, String status, List<MetricHealth> metrics,
                               List<FindingView> findings, List<String> recommendations) {

    public NodeHealthReport {
        metrics = List.copyOf(metrics);
        findings = List.copyOf(findings);
        recommendations = List.copyOf(recommendations);
    }
}
