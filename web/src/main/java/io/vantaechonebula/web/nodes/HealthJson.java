package io.vantaechonebula.web.nodes;

import io.vantaechonebula.pool.agents.HealthScore;
import io.vantaechonebula.pool.agents.NodeHealth;
import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.findings.Finding;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;

/** A node's health report as the API shows it. */
final class HealthJson {

    private static final JsonProvider JSON = JsonProvider.provider();

    private HealthJson() {
    }

    static JsonObject of(NodeHealth.Report report) {
        HealthScore.Health health = report.health();
        JsonArrayBuilder metrics = JSON.createArrayBuilder();
        for (HealthScore.MetricStatus metric : health.metrics()) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("metric", metric.metric())
                    .add("value", metric.value())
                    .add("threshold", metric.threshold())
                    .add("thresholdLearnt", metric.thresholdLearnt())
                    .add("status", metric.above() ? "above" : "ok");
            if (metric.baseline().count() > 0) {
                item.add("usual", JSON.createObjectBuilder().add("mean", metric.baseline().mean())
                        .add("spread", metric.baseline().stddev()).add("learntFrom", metric.baseline().count()));
            }
            metrics.add(item);
        }
        JsonArrayBuilder alerts = JSON.createArrayBuilder();
        JsonArrayBuilder insights = JSON.createArrayBuilder();
        for (Finding finding : report.findings()) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("id", finding.id())
                    .add("agent", finding.agent())
                    .add("kind", finding.kind())
                    .add("severity", finding.severity().id())
                    .add("summary", finding.summary())
                    .add("lastSeen", Instant.ofEpochMilli(finding.lastSeenMs()).toString())
                    .add("acknowledged", finding.acknowledgedBy().isPresent());
            (finding.type() == FindingType.ALERT ? alerts : insights).add(item);
        }
        JsonArrayBuilder recommendations = JSON.createArrayBuilder();
        health.recommendations().forEach(recommendations::add);
        return JSON.createObjectBuilder()
                .add("nodeId", report.nodeId())
                .add("score", health.score())
                .add("status", health.status())
                .add("latestSample", Instant.ofEpochMilli(report.latest().timestampMillis()).toString())
                .add("metrics", metrics)
                .add("alerts", alerts)
                .add("insights", insights)
                .add("recommendations", recommendations)
                .build();
    }
}
