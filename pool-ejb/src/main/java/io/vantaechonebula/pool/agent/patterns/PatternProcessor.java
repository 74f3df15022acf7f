package io.vantaechonebula.pool.agent.patterns;

import io.vantaechonebula.analysis.pattern.PatternRecognizer;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.api.Severity;
import io.vantaechonebula.pool.stage.FindingReport;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.ModelState;
import io.vantaechonebula.pool.stage.SampleMetric;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.StageResult;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.store.StoredSample;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.logging.Logger;

/**
 * The Pattern Recognizer on every metric stream of every node and chain (docs/analysis.md): the same
 * {@link PatternRecognizer} that {@code ./vanta nab} measures, one per stream, its model taken up from
 * the database at the start of a batch and stored with it at the end. A value scoring
 * {@value #ANOMALY_SCORE} or more (the benchmark's standard-profile threshold) is an anomaly.
 */
public final class PatternProcessor implements SampleProcessor<PatternProcessor.Result> {

    public static final String NAME = "pattern-recognizer";
    /** The threshold that scored best on the Numenta Anomaly Benchmark's standard profile (docs/benchmarks.md). */
    public static final double ANOMALY_SCORE = 0.02306;
    public static final String MODEL = "pattern-recognizer";
    /** A value that scored at or above the threshold; {@code timestamp} in epoch seconds as the node sent it. */
    public record Anomaly(String nodeId, String chainId, BigDecimal timestamp, String metric, double value, double score) {
    }

    /** What one run scored: how many samples and streams, and the anomalies. */
    public record Result(int samples, int streams, List<Anomaly> anomalies) implements StageResult {

        public Result {
            anomalies = List.copyOf(anomalies);
        }

        @Override
        public JsonObject json() {
            JsonArrayBuilder list = Json.PROVIDER.createArrayBuilder();
            anomalies.forEach(anomaly -> list.add(Json.PROVIDER.createObjectBuilder()
                    .add("node_id", anomaly.nodeId())
                    .add("chain_id", anomaly.chainId())
                    .add("timestamp", anomaly.timestamp())
                    .add("metric", anomaly.metric())
                    .add("value", anomaly.value())
                    .add("score", anomaly.score())));
            return Json.PROVIDER.createObjectBuilder()
                    .add("samples", samples)
                    .add("streams", streams)
                    .add("anomaly_count", anomalies.size())
                    .add("anomalies", list)
                    .build();
        }
    }

    /** One metric of one node on one chain. */
    private record Stream(String subject, String metric) {
    }

    private static final Logger LOG = Logger.getLogger(PatternProcessor.class.getName());

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result process(List<StoredSample> samples, Statistics statistics) {
        Map<Stream, PatternRecognizer> streams = new HashMap<>();
        List<Anomaly> anomalies = new ArrayList<>();
        for (StoredSample stored : samples) {
            SampleView sample = stored.sample();
            long at = sample.timestampMillis();
            for (SampleMetric metric : SampleMetric.values()) {
                OptionalDouble value = metric.of(sample);
                if (value.isEmpty()) {
                    continue;
                }
                Stream stream = new Stream(Subjects.nodeOnChain(sample), metric.id());
                PatternRecognizer recognizer = streams.computeIfAbsent(stream, any -> takeUp(statistics.model(stream.subject(),
                        stream.metric(), MODEL, PatternRecognizer.MODEL_VERSION), stream.subject() + " " + stream.metric()));
                PatternRecognizer.Expectation expected = recognizer.expectation();
                double score = recognizer.next(at, value.getAsDouble());
                if (score >= ANOMALY_SCORE) {
                    statistics.report(unusual(sample, metric, value.getAsDouble(), score, expected, recognizer.state().seen()));
                    statistics.series(Subjects.node(sample.nodeId()), "anomalies").add(1, at);
                    anomalies.add(new Anomaly(sample.nodeId(), sample.chainId(), sample.timestamp(), metric.id(),
                            value.getAsDouble(), score));
                }
            }
        }
        streams.forEach((stream, recognizer) -> {
            PatternRecognizer.State state = recognizer.state();
            statistics.storeModel(stream.subject(), stream.metric(),
                    new ModelState(MODEL, state.version(), state.seen(), state.encode()));
        });
        return new Result(samples.size(), streams.size(), anomalies);
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

    /** The stream's model as stored, or a new one if none of this version is (or the stored one cannot be read). */
    public static PatternRecognizer takeUp(Optional<byte[]> stored, String stream) {
        return stored.map(bytes -> {
            try {
                return new PatternRecognizer(PatternRecognizer.State.decode(bytes));
            } catch (IllegalArgumentException e) {
                LOG.warning(() -> "The stored Pattern Recognizer of " + stream + " cannot be taken up (" + e.getMessage()
                        + "); it learns afresh");
                return new PatternRecognizer();
            }
        }).orElseGet(PatternRecognizer::new);
    }
}
