package io.vantaechonebula.pool.agent.resonant;

import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Threshold;
import io.vantaechonebula.pool.api.Severity;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A node's health from 0 to 100: 100 less {@value #WARNING_PENALTY} for each warning and
 * {@value #CRITICAL_PENALTY} for each critical finding seen in the last ten minutes, less
 * {@value #METRIC_PENALTY} for each metric above its threshold that no finding covers yet; while the
 * node is silent, at most {@value #SILENT_CAP}, since nothing recent speaks for it.
 */
public final class HealthScore {

    static final int INFO_PENALTY = 5;
    static final int WARNING_PENALTY = 20;
    static final int CRITICAL_PENALTY = 50;
    static final int METRIC_PENALTY = 20;
    static final int SILENT_CAP = 40;

    /** A metric's latest value with what the node has learnt of it. */
    public record Reading(ResourceRule rule, double value, Baseline baseline) {
    }

    /** A finding about the node as far as its health is concerned. */
    public record Concern(String kind, Severity severity, String recommendation) {
    }

    public record MetricStatus(String metric, double value, double threshold, boolean thresholdLearnt, Baseline baseline,
                               boolean above) {
    }

    public record Health(int score, String status, List<MetricStatus> metrics, List<String> recommendations) {
    }

    private HealthScore() {
    }

    public static Health of(List<Reading> readings, List<Concern> concerns) {
        int score = 100;
        Set<String> recommendations = new LinkedHashSet<>();
        Set<String> kinds = new LinkedHashSet<>();
        for (Concern concern : concerns) {
            score -= switch (concern.severity()) {
                case INFO -> INFO_PENALTY;
                case WARNING -> WARNING_PENALTY;
                case CRITICAL -> CRITICAL_PENALTY;
            };
            kinds.add(concern.kind());
            if (concern.recommendation() != null) {
                recommendations.add(concern.recommendation());
            }
        }
        List<MetricStatus> metrics = new ArrayList<>();
        for (Reading reading : readings) {
            Threshold threshold = reading.rule().thresholdFor(reading.baseline());
            boolean above = reading.value() > threshold.value();
            metrics.add(new MetricStatus(reading.rule().metric(), reading.value(), threshold.value(), threshold.learnt(),
                    reading.baseline(), above));
            if (above && !kinds.contains(reading.rule().alertKind())) {
                score -= METRIC_PENALTY;
                recommendations.add(reading.rule().action());
            }
        }
        if (kinds.contains("node_silent")) {
            score = Math.min(score, SILENT_CAP);
        }
        score = Math.max(0, score);
        String status = score >= 80 ? "healthy" : score >= 50 ? "degraded" : "unhealthy";
        return new Health(score, status, metrics, List.copyOf(recommendations));
    }
}
