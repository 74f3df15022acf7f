package io.vantaechonebula.pool.service;

import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import io.vantaechonebula.pool.agent.patterns.PatternProcessor;
import io.vantaechonebula.pool.agent.resonant.Baselines;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.agent.resonant.ResourceRule;
import io.vantaechonebula.pool.api.Agent;
import io.vantaechonebula.pool.api.AssessmentOperations;
import io.vantaechonebula.pool.api.MetricAssessment;
import io.vantaechonebula.pool.api.RuleAssessment;
import io.vantaechonebula.pool.api.SampleAssessment;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.stage.SampleMetric;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.statistics.StoredStatistics;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Scores samples the way the pool's agents would, without learning from them: each metric against
 * the node's Pattern Recognizer model as stored (a copy, fed the samples in order and then dropped),
 * and memory, latency and storage against the node's thresholds. For {@code POST /api/v1/ai/process};
 * what should be learnt goes through ingest.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SampleAssessor implements AssessmentOperations {

    @EJB
    private StoredStatistics statistics;

    @Override
    public List<SampleAssessment> assess(String nodeId, List<SampleView> samples) {
        Map<String, PatternRecognizer> streams = new HashMap<>();
        List<SampleAssessment> assessments = new ArrayList<>();
        for (SampleView sample : samples) {
            List<MetricAssessment> metrics = new ArrayList<>();
            for (SampleMetric metric : SampleMetric.values()) {
                OptionalDouble value = metric.of(sample);
                if (value.isEmpty()) {
                    continue;
                }
                String subject = Subjects.nodeOnChain(sample);
                PatternRecognizer recognizer = streams.computeIfAbsent(subject + " " + metric.id(),
                        any -> storedModel(subject, metric.id()));
                PatternRecognizer.Expectation expected = recognizer.expectation();
                long learntFrom = recognizer.state().seen();
                double score = recognizer.next(sample.timestampMillis(), value.getAsDouble());
                metrics.add(metricAssessment(metric.id(), value.getAsDouble(), score, expected, learntFrom));
            }
            List<RuleAssessment> rules = new ArrayList<>();
            for (ResourceRule rule : ResourceRule.values()) {
                Double value = rule.valueOf(sample);
                if (value != null) {
                    Baseline baseline = Baselines.stored(statistics, rule, sample.nodeId());
                    rules.add(ruleAssessment(nodeId, rule, value, baseline));
                }
            }
            assessments.add(new SampleAssessment(sample, metrics, rules));
        }
        return assessments;
    }

    private static MetricAssessment metricAssessment(String metric, double value, double score,
                                                     PatternRecognizer.Expectation expected, long learntFrom) {
        boolean anomalous = score >= PatternProcessor.ANOMALY_SCORE;
        String explanation = learntFrom == 0
                ? metric + ": the pool has no model of this stream yet, so nothing can stand out"
                : String.format(Locale.ROOT, "%s %s where it has lately been %s ± %s%s: score %.4f, %s the anomaly threshold"
                        + " %.4f (model learnt from %d values)", metric, PatternProcessor.figure(value),
                PatternProcessor.figure(expected.level()), PatternProcessor.figure(expected.spread()),
                PatternProcessor.outsideRange(value, expected), score, anomalous ? "at or above" : "under",
                PatternProcessor.ANOMALY_SCORE, learntFrom);
        return new MetricAssessment(metric, value, score, anomalous, expected.level(), expected.spread(),
                learntFrom > 0 ? OptionalDouble.of(expected.lowest()) : OptionalDouble.empty(),
                learntFrom > 0 ? OptionalDouble.of(expected.highest()) : OptionalDouble.empty(), learntFrom, explanation);
    }

    private static RuleAssessment ruleAssessment(String nodeId, ResourceRule rule, double value, Baseline baseline) {
        ResourceRule.Threshold threshold = rule.thresholdFor(baseline);
        boolean broken = rule.broken(value, baseline);
        String explanation = broken
                ? rule.alert(rule.agent().id(), nodeId, value, baseline, 0).summary() + ": " + rule.action()
                : rule.metric() + " " + rule.format(value) + " is within "
                        + (threshold.learnt() ? "its learnt threshold " : "the threshold ") + rule.format(threshold.value());
        return new RuleAssessment(rule.metric(), value, threshold.value(), threshold.learnt(), broken,
                broken ? Optional.of(rule.alertKind()) : Optional.empty(), broken ? Optional.of(rule.action()) : Optional.empty(),
                explanation);
    }

    private PatternRecognizer storedModel(String subject, String metric) {
        return PatternProcessor.takeUp(statistics.model(Agent.PATTERN_RECOGNIZER, subject, metric, PatternProcessor.MODEL,
                PatternRecognizer.MODEL_VERSION), subject + " " + metric);
    }
}
