package io.vantaechonebula.pool.agent.resonant;

import io.vantaechonebula.pool.stage.Json;
import io.vantaechonebula.pool.stage.SampleProcessor;
import io.vantaechonebula.pool.stage.Statistics;
import io.vantaechonebula.pool.stage.Subjects;
import io.vantaechonebula.pool.statistics.PairStatistic;
import io.vantaechonebula.pool.statistics.RollingStatistic;
import io.vantaechonebula.pool.agent.resonant.ResourceRule.Baseline;
import io.vantaechonebula.pool.api.SampleView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
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
public final class LoadBaselines implements SampleProcessor {

    public static final String NAME = "resonant";

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
    public JsonObject process(List<SampleView> samples, Statistics statistics) {
        Set<String> trained = new TreeSet<>();
        for (SampleView sample : samples) {
            watch(ResourceRule.MEMORY, sample, statistics);
            watch(ResourceRule.STORAGE, sample, statistics);
            if (sample.transactionCount() == null) {
                continue;
            }
            String node = Subjects.node(sample.nodeId());
            long at = sample.timestamp().movePointRight(3).longValue();
            for (Model model : MODELS) {
                Double actual = model.reader().apply(sample);
                if (actual == null) {
                    continue;
                }
                PairStatistic line = statistics.pair(node, model.target() + "~transaction_count");
                OptionalDouble predicted = line.predict(sample.transactionCount());
                if (predicted.isPresent()) {
                    statistics.series(node, model.target() + "_abs_error").add(Math.abs(actual - predicted.getAsDouble()), at);
                }
                line.add(sample.transactionCount(), actual);
                trained.add(node);
            }
        }
        JsonArrayBuilder models = Json.PROVIDER.createArrayBuilder();
        for (String node : trained) {
            for (Model model : MODELS) {
                PairStatistic line = statistics.pair(node, model.target() + "~transaction_count");
                RollingStatistic error = statistics.series(node, model.target() + "_abs_error");
                var json = Json.PROVIDER.createObjectBuilder()
                        .add("subject", node)
                        .add("target", model.target())
                        .add("feature", "transaction_count")
                        .add("trained_on", line.count())
                        .add("mean_abs_error", error.mean());
                line.slope().ifPresent(slope -> json.add("slope", slope).add("intercept", line.meanY() - slope * line.meanX()));
                models.add(json);
            }
        }
        return Json.PROVIDER.createObjectBuilder().add("samples", samples.size()).add("models", models).build();
    }

    /** The node's baseline of the rule's metric, learnt after each value is judged against it. */
    private static void watch(ResourceRule rule, SampleView sample, Statistics statistics) {
        Double value = rule.valueOf(sample);
        if (value == null) {
            return;
        }
        RollingStatistic series = statistics.series(Subjects.node(sample.nodeId()), rule.metric());
        Baseline usual = Baselines.of(series);
        if (rule.broken(value, usual)) {
            statistics.report(rule.alert(NAME, sample.nodeId(), value, usual, sample.timestampMillis()).about(sample));
        }
        series.add(value, sample.timestampMillis());
    }
}
