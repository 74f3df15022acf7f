package io.vantaechonebula.pool.agent.patterns;

import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.SampleMetric;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.statistics.ModelRecord;
import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.logging.Logger;

/**
 * The Pattern Recognizer on every metric stream of every node and chain (docs/analysis.md): the same
 * {@link PatternRecognizer} that {@code ./vanta nab} measures, one per stream, its model taken up from
 * the database at the start of a batch and stored with it at the end. A value scoring
 * {@value #ANOMALY_SCORE} or more (the benchmark's standard-profile threshold) is an anomaly.
 */
public final class PatternProcessor implements SampleProcessor {

    public static final String NAME = "pattern-recognizer";
    /** The threshold that scored best on the Numenta Anomaly Benchmark's standard profile (docs/benchmarks.md). */
    public static final double ANOMALY_SCORE = 0.02306;
    static final String MODEL = "pattern-recognizer";
    private static final Logger LOG = Logger.getLogger(PatternProcessor.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonObject process(List<SampleView> samples, Statistics statistics) {
        Map<ModelRecord, PatternRecognizer> streams = new HashMap<>();
        JsonArrayBuilder anomalies = Json.PROVIDER.createArrayBuilder();
        int found = 0;
        for (SampleView sample : samples) {
            long at = sample.timestamp().movePointRight(3).longValue();
            for (SampleMetric metric : SampleMetric.values()) {
                OptionalDouble value = metric.of(sample);
                if (value.isEmpty()) {
                    continue;
                }
                ModelRecord record = statistics.model(Subjects.nodeOnChain(sample), metric.id());
                PatternRecognizer recognizer = streams.computeIfAbsent(record, PatternProcessor::takeUp);
                PatternRecognizer.Expectation expected = recognizer.expectation();
                double score = recognizer.next(at, value.getAsDouble());
                if (score >= ANOMALY_SCORE) {
                    found++;
                    statistics.report(unusual(sample, metric, value.getAsDouble(), score, expected, recognizer.state().seen()));
                    statistics.series(Subjects.node(sample.nodeId()), "anomalies").add(1, at);
                    anomalies.add(Json.PROVIDER.createObjectBuilder()
                            .add("node_id", sample.nodeId())
                            .add("chain_id", sample.chainId())
                            .add("timestamp", sample.timestamp())
                            .add("metric", metric.id())
                            .add("value", value.getAsDouble())
                            .add("score", score));
                }
            }
        }
        long now = System.currentTimeMillis();
        streams.forEach((record, recognizer) -> {
            PatternRecognizer.State state = recognizer.state();
            record.store(MODEL, state.version(), state.seen(), state.encode(), now);
        });
        return Json.PROVIDER.createObjectBuilder()
                .add("samples", samples.size())
                .add("streams", streams.size())
                .add("anomaly_count", found)
                .add("anomalies", anomalies)
                .build();
    }

    private static FindingReport unusual(SampleView sample, SampleMetric metric, double value, double score,
                                         PatternRecognizer.Expectation expected, long learntFrom) {
        String summary = String.format(Locale.ROOT, "%s of node %s on %s was %s where it has lately been %s ± %s",
                metric.id(), sample.nodeId(), sample.chainId(), figure(value), figure(expected.level()),
                figure(expected.spread())) + outsideRange(value, expected);
        return FindingReport.alert(NAME, "unusual_" + metric.id(), Severity.WARNING, sample.nodeId(), sample.chainId(),
                summary, Json.object("metric", metric.id(), "value", value, "score", score,
                        "threshold", ANOMALY_SCORE, "recent_level", expected.level(), "recent_spread", expected.spread(),
                        "lowest_before", expected.lowest(), "highest_before", expected.highest(),
                        "model", MODEL, "model_version", PatternRecognizer.MODEL_VERSION, "learnt_from", learntFrom),
                sample.timestampMillis()).about(sample);
    }

    /** ", outside anything it had before (lowest to highest)" when the value was, else nothing. */
    public static String outsideRange(double value, PatternRecognizer.Expectation expected) {
        return expected.outsideRange(value) ? String.format(Locale.ROOT, ", outside anything it had before (%s to %s)",
                figure(expected.lowest()), figure(expected.highest())) : "";
    }

    /** A metric's value as a person reads it: whole where it is, else three significant digits. */
    public static String figure(double value) {
        return Math.abs(value) >= 100 || value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.3g", value);
    }

    /** The stream's model as stored, or a new one if none of this version is. */
    public static PatternRecognizer takeUp(ModelRecord record) {
        return record.state(MODEL, PatternRecognizer.MODEL_VERSION).map(bytes -> {
            try {
                return new PatternRecognizer(PatternRecognizer.State.decode(bytes));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "The stored Pattern Recognizer of " + record.subject() + " " + record.name()
                        + " cannot be taken up (" + e.getMessage() + "); it learns afresh");
                return new PatternRecognizer();
            }
        }).orElseGet(PatternRecognizer::new);
    }
}
