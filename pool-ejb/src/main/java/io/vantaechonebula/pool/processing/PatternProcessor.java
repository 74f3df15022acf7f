package io.vantaechonebula.pool.processing;

import io.vantaechonebula.pool.store.SampleView;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.OptionalDouble;
import java.util.List;

/**
 * Each metric stream of each node against its own history: a value more than
 * {@value #THRESHOLD} standard deviations from the node's running mean, after
 * {@value #MIN_HISTORY} values, is an anomaly. Every value then joins the history.
 */
public final class PatternProcessor implements SampleProcessor {

    public static final String NAME = "pattern";
    static final double THRESHOLD = 4;
    static final long MIN_HISTORY = 20;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public JsonObject process(List<SampleView> samples, Statistics statistics) {
        JsonArrayBuilder anomalies = Json.PROVIDER.createArrayBuilder();
        int found = 0;
        for (SampleView sample : samples) {
            long at = sample.timestamp().movePointRight(3).longValue();
            String node = Subjects.node(sample.nodeId());
            for (SampleMetric metric : SampleMetric.values()) {
                OptionalDouble value = metric.of(sample);
                if (value.isEmpty()) {
                    continue;
                }
                RollingStatistic history = statistics.series(node, metric.id());
                OptionalDouble z = history.zScore(value.getAsDouble(), MIN_HISTORY);
                if (z.isPresent() && Math.abs(z.getAsDouble()) >= THRESHOLD) {
                    found++;
                    statistics.series(node, "anomalies").add(1, at);
                    anomalies.add(Json.PROVIDER.createObjectBuilder()
                            .add("node_id", sample.nodeId())
                            .add("chain_id", sample.chainId())
                            .add("timestamp", sample.timestamp())
                            .add("metric", metric.id())
                            .add("value", value.getAsDouble())
                            .add("mean", history.mean())
                            .add("stddev", history.stddev())
                            .add("z", z.getAsDouble()));
                }
                history.add(value.getAsDouble(), at);
            }
        }
        return Json.PROVIDER.createObjectBuilder()
                .add("samples", samples.size())
                .add("anomaly_count", found)
                .add("anomalies", anomalies)
                .build();
    }
}
