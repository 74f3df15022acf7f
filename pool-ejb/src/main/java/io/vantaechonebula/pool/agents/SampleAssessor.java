package io.vantaechonebula.pool.agents;

import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import io.vantaechonebula.pool.agents.ResourceRule.Baseline;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.processing.Baselines;
import io.vantaechonebula.pool.processing.ModelRecord;
import io.vantaechonebula.pool.processing.PatternProcessor;
import io.vantaechonebula.pool.processing.SampleMetric;
import io.vantaechonebula.pool.processing.StatisticKey;
import io.vantaechonebula.pool.processing.Subjects;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Scores samples the way the pool's agents would, without learning from them: each metric against
 * the node's Pattern Recognizer model as stored (a copy, fed the samples in order and then dropped),
 * and memory, latency and storage against the node's thresholds. For {@code POST /api/v1/ai/process};
 * what should be learnt goes through ingest.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class SampleAssessor {

    /** One metric of one sample as the Pattern Recognizer sees it; {@code learntFrom} 0 for a stream it never saw. */
    public record MetricScore(String metric, double value, double score, boolean anomalous,
                              PatternRecognizer.Expectation expected, long learntFrom) {
    }

    /** One sample against a seed rule, with the threshold that applies to its node. */
    public record RuleCheck(ResourceRule rule, double value, ResourceRule.Threshold threshold, Baseline baseline,
                            boolean broken) {
    }

    public record Assessment(SampleView sample, List<MetricScore> metrics, List<RuleCheck> rules) {

        public long anomalies() {
            return metrics.stream().filter(MetricScore::anomalous).count() + rules.stream().filter(RuleCheck::broken).count();
        }
    }

    @PersistenceContext(unitName = "pool")
    private EntityManager em;

    /** In the order given, which should be the order they were sampled in. */
    public List<Assessment> assess(List<SampleView> samples) {
        Map<String, PatternRecognizer> streams = new HashMap<>();
        List<Assessment> assessments = new ArrayList<>();
        for (SampleView sample : samples) {
            List<MetricScore> metrics = new ArrayList<>();
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
                metrics.add(new MetricScore(metric.id(), value.getAsDouble(), score, score >= PatternProcessor.ANOMALY_SCORE,
                        expected, learntFrom));
            }
            List<RuleCheck> rules = new ArrayList<>();
            for (ResourceRule rule : ResourceRule.values()) {
                Double value = rule.valueOf(sample);
                if (value != null) {
                    Baseline baseline = Baselines.stored(em, rule, sample.nodeId());
                    rules.add(new RuleCheck(rule, value, rule.thresholdFor(baseline), baseline, rule.broken(value, baseline)));
                }
            }
            assessments.add(new Assessment(sample, metrics, rules));
        }
        return assessments;
    }

    private PatternRecognizer storedModel(String subject, String metric) {
        ModelRecord record = em.find(ModelRecord.class, new StatisticKey(PatternProcessor.NAME, subject, metric));
        if (record == null) {
            return new PatternRecognizer();
        }
        return PatternProcessor.takeUp(record);
    }
}
