package io.vantaechonebula.pool.agent.resonant;

import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import java.util.Locale;
import java.util.function.Function;

/**
 * The seed rules for a node's resources, each a floor: above its seed threshold a node always gets
 * the alert. Once a node has a baseline of {@value #BASELINE_MIN_COUNT} values, its own threshold
 * comes down to four standard deviations above its usual level, but never below
 * {@value #LOWEST_SHARE} of the seed: a node that usually sits at 20% memory is unusual at 50%.
 * Storage keeps its seed: a disk fills slowly and steadily, so a node's own past says when it grew,
 * not when it is in trouble.
 */
public enum ResourceRule {
    MEMORY("memory_usage", SampleView::memoryUsage, Agent.RESONANT, 0.80, "high_memory",
            "Clear old blocks and keep the newest 1,000", true),
    LATENCY("average_latency", SampleView::averageLatencyMs, Agent.NETWORK_MONITOR, 100, "high_latency",
            "Pick peers under 50 ms", true),
    STORAGE("storage_usage", SampleView::storageUsage, Agent.RESONANT, 0.90, "high_storage",
            "Archive data older than 30 days", false);

    static final long BASELINE_MIN_COUNT = 30;
    static final double LOWEST_SHARE = 0.6;
    private static final double SPREADS = 4;

    private final String metric;
    private final Function<SampleView, Double> reader;
    private final Agent agent;
    private final double seed;
    private final String alertKind;
    private final String action;
    private final boolean learns;

    ResourceRule(String metric, Function<SampleView, Double> reader, Agent agent, double seed, String alertKind,
                 String action, boolean learns) {
        this.metric = metric;
        this.reader = reader;
        this.agent = agent;
        this.seed = seed;
        this.alertKind = alertKind;
        this.action = action;
        this.learns = learns;
    }

    /** A node's usual level of a metric, as far as it has been learnt. */
    public record Baseline(long count, double mean, double stddev) {
        public static final Baseline NONE = new Baseline(0, 0, 0);
    }

    /** The threshold for one node and where it came from. */
    public record Threshold(double value, boolean learnt) {
    }

    public Threshold thresholdFor(Baseline baseline) {
        if (!learns || baseline.count() < BASELINE_MIN_COUNT) {
            return new Threshold(seed, false);
        }
        double learnt = Math.max(seed * LOWEST_SHARE, baseline.mean() + SPREADS * baseline.stddev());
        return learnt < seed ? new Threshold(learnt, true) : new Threshold(seed, false);
    }

    /** Whether a value breaks this node's threshold. */
    public boolean broken(double value, Baseline baseline) {
        return value > thresholdFor(baseline).value();
    }

    public String metric() {
        return metric;
    }

    /** The sample's value of this rule's metric, or null where the sample does not carry it. */
    public Double valueOf(SampleView sample) {
        return reader.apply(sample);
    }

    /** The agent that watches this rule and keeps each node's baseline of its metric. */
    public Agent agent() {
        return agent;
    }

    public double seed() {
        return seed;
    }

    public String alertKind() {
        return alertKind;
    }

    /** The seed rule's action, the start of every recommendation this rule makes. */
    public String action() {
        return action;
    }

    /** How a value of this metric reads to a person: 83% or 140 ms. */
    public String format(double value) {
        return this == LATENCY ? String.format(Locale.ROOT, "%.0f ms", value)
                : String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    /**
     * The alert for a value that broke the node's threshold: a warning, critical once the value is
     * above the seed and halfway from it to the ceiling (100%, or twice the seed latency).
     */
    public FindingReport alert(String agent, String nodeId, double value, Baseline baseline, long atMs) {
        Threshold threshold = thresholdFor(baseline);
        double ceiling = this == LATENCY ? 2 * seed : 1;
        Severity severity = value >= (seed + ceiling) / 2 ? Severity.CRITICAL : Severity.WARNING;
        String usual = baseline.count() == 0 ? "" : " (its usual: " + format(baseline.mean()) + ")";
        String against = threshold.learnt() ? "its learnt threshold " + format(threshold.value())
                : "the threshold " + format(threshold.value());
        return FindingReport.alert(agent, alertKind, severity, nodeId, null,
                "Node " + nodeId + " has " + metric.replace('_', ' ') + " at " + format(value) + usual + ", above " + against,
                Json.object("metric", metric, "value", value, "threshold", threshold.value(),
                        "threshold_learnt", threshold.learnt(), "seed_threshold", seed,
                        "usual", baseline.count() == 0 ? null : baseline.mean(),
                        "usual_spread", baseline.count() < 2 ? null : baseline.stddev(),
                        "learnt_from", baseline.count()), atMs);
    }

    public static java.util.Optional<ResourceRule> ofAlertKind(String kind) {
        for (ResourceRule rule : values()) {
            if (rule.alertKind.equals(kind)) {
                return java.util.Optional.of(rule);
            }
        }
        return java.util.Optional.empty();
    }
}
