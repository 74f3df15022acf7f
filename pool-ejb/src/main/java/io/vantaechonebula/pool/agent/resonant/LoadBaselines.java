package io.vantaechonebula.pool.agent.resonant;

import io.vantaechonebula.analysis.stats.SeriesPair;
import io.vantaechonebula.analysis.stats.SeriesStatistic;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.api.SampleView;
import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.StageResult;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.store.StoredSample;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;

/**
 * Resonant's stage. Keeps each node's memory and storage baselines and alerts above their thresholds
 * ({@link ResourceRule#MEMORY}, {@link ResourceRule#STORAGE}). Learns, per node, a model of its load: CPU and memory use as straight lines of the transactions
 * it sees, refitted with every sample (online least squares). Each sample is first predicted by
 * the model as it stood, and the absolute error is kept, so the model's quality is on record.
 */
public final class LoadBaselines implements SampleProcessor<LoadBaselines.Result> {

    public static final String NAME = "resonant";

    /** A node's load model of one target after the run: a straight line on the transactions it sees, once there is one. */
    public record LoadModel(String subject, String target, long trainedOn, double meanAbsError, OptionalDouble slope,
                            OptionalDouble intercept) {
    }

    /** The load models the run trained. */
    public record Result(int samples, List<LoadModel> models) implements StageResult {

        public Result {
            models = List.copyOf(models);
        }

        @Override
        public JsonObject json() {
            JsonArrayBuilder list = Json.PROVIDER.createArrayBuilder();
            for (LoadModel model : models) {
                JsonObjectBuilder json = Json.PROVIDER.createObjectBuilder()
                        .add("subject", model.subject())
                        .add("target", model.target())
                        .add("feature", "transaction_count")
                        .add("trained_on", model.trainedOn())
                        .add("mean_abs_error", model.meanAbsError());
                model.slope().ifPresent(slope -> json.add("slope", slope).add("intercept", model.intercept().getAsDouble()));
                list.add(json);
            }
            return Json.PROVIDER.createObjectBuilder().add("samples", samples).add("models", list).build();
        }
    }

    private record Model(String target, java.util.function.Function<SampleView, Double> reader) {
    }

    private static final List<Model> MODELS = List.of(
            new Model("cpu_usage", SampleView::cpuUsage),
            new Model("memory_usage", SampleView::memoryUsage));

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Result process(List<StoredSample> samples, Statistics statistics) {
        Set<String> trained = new TreeSet<>();
        for (StoredSample stored : samples) {
            SampleView sample = stored.sample();
            watch(ResourceRule.MEMORY, sample, statistics);
            watch(ResourceRule.STORAGE, sample, statistics);
            if (sample.transactionCount() == null) {
                continue;
            }
            String node = Subjects.node(sample.nodeId());
            long at = sample.timestampMillis();
            for (Model model : MODELS) {
                Double actual = model.reader().apply(sample);
                if (actual == null) {
                    continue;
                }
                SeriesPair line = statistics.pair(node, model.target() + "~transaction_count");
                OptionalDouble predicted = line.predict(sample.transactionCount());
                if (predicted.isPresent()) {
                    statistics.series(node, model.target() + "_abs_error").add(Math.abs(actual - predicted.getAsDouble()), at);
                }
                line.add(sample.transactionCount(), actual);
                trained.add(node);
            }
        }
        List<LoadModel> models = new ArrayList<>();
        for (String node : trained) {
            for (Model model : MODELS) {
                SeriesPair line = statistics.pair(node, model.target() + "~transaction_count");
                SeriesStatistic error = statistics.series(node, model.target() + "_abs_error");
                models.add(new LoadModel(node, model.target(), line.count(), error.mean(), line.slope(),
                        line.slope().isPresent() ? OptionalDouble.of(line.meanY() - line.slope().getAsDouble() * line.meanX())
                                : OptionalDouble.empty()));
            }
        }
        return new Result(samples.size(), models);
    }

    /** The node's baseline of the rule's metric, learnt after each value is judged against it. */
    private static void watch(ResourceRule rule, SampleView sample, Statistics statistics) {
        Double value = rule.valueOf(sample);
        if (value == null) {
            return;
        }
        SeriesStatistic series = statistics.series(Subjects.node(sample.nodeId()), rule.metric());
        Baseline usual = Baselines.of(series);
        if (rule.broken(value, usual)) {
            statistics.report(rule.alert(NAME, sample.nodeId(), value, usual, sample.timestampMillis()).about(sample));
        }
        series.add(value, sample.timestampMillis());
    }
}
