package io.vantaechonebula.pool.api;

import java.util.List;

/** What the agents make of one sample, learning nothing from it. */
public record SampleAssessment(SampleView sample, List<MetricAssessment> metrics, List<RuleAssessment> rules) {

    public SampleAssessment {
        metrics = List.copyOf(metrics);
        rules = List.copyOf(rules);
    }

    /** How many of its metrics stand out and how many rules it breaks. */
    public long anomalies() {
        return metrics.stream().filter(MetricAssessment::anomalous).count() + rules.stream().filter(RuleAssessment::above).count();
    }
}
