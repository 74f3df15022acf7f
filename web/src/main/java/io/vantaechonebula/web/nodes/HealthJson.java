package io.vantaechonebula.web.nodes;

import io.vantaechonebula.pool.api.FindingType;
import io.vantaechonebula.pool.api.FindingView;
import io.vantaechonebula.pool.api.MetricHealth;
import io.vantaechonebula.pool.api.NodeHealthReport;
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

    static JsonObject of(NodeHealthReport report) {
        JsonArrayBuilder metrics = JSON.createArrayBuilder();
        for (MetricHealth metric : report.metrics()) {
            JsonObjectBuilder item = JSON.createObjectBuilder()
                    .add("metric", metric.metric())
                    .add("value", metric.value())
                    .add("threshold", metric.threshold())
                    .add("thresholdLearnt", metric.thresholdLearnt())
                    .add("status", metric.above() ? "above" : "ok");
            if (metric.usualCount() > 0) {
                item.add("usual", JSON.createObjectBuilder().add("mean", metric.usualMean())
                        .add("spread", metric.usualSpread()).add("learntFrom", metric.usualCount()));
            }
            metrics.add(item);
        }
        JsonArrayBuilder alerts = JSON.createArrayBuilder();
        JsonArrayBuilder insights = JSON.createArrayBuilder();
        for (FindingView finding : report.findings()) {
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
        report.recommendations().forEach(recommendations::add);
        return JSON.createObjectBuilder()
                .add("nodeId", report.nodeId())
                .add("score", report.score())
                .add("status", report.status())
                .add("latestSample", Instant.ofEpochMilli(report.latestSampleMs()).toString())
                .add("metrics", metrics)
                .add("alerts", alerts)
                .add("insights", insights)
                .add("recommendations", recommendations)
                .build();
    }
}
