package io.vantaechonebula.pool.stage;

import io.vantaechonebula.analysis.stats.StreamingStatistic;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

/** A learner's model state kept as a JSON object through {@link Statistics#storeModel}: readable when an operator looks. */
public final class JsonState {

    private JsonState() {
    }

    /** The stored state of this model and version, or null to start afresh. */
    public static JsonObject read(Statistics statistics, String subject, String name, String model, int version) {
        return statistics.model(subject, name, model, version).map(bytes -> {
            try (JsonReader reader = Json.PROVIDER.createReader(new StringReader(new String(bytes, StandardCharsets.UTF_8)))) {
                return reader.readObject();
            }
        }).orElse(null);
    }

    public static void write(Statistics statistics, String subject, String name, String model, int version, long trained,
                             JsonObject state) {
        byte[] bytes = state.toString().getBytes(StandardCharsets.UTF_8);
        statistics.storeModel(subject, name, new ModelState(model, version, trained, bytes));
    }

    /** The named statistic of a stored state, or a new one learning with weight {@code alpha}. */
    public static StreamingStatistic statistic(JsonObject state, String name, double alpha) {
        if (state != null && state.get(name) instanceof JsonObject stored) {
            return new StreamingStatistic(new StreamingStatistic.State(alpha, stored.getJsonNumber("count").longValue(),
                    stored.getJsonNumber("mean").doubleValue(), stored.getJsonNumber("variance").doubleValue()));
        }
        return new StreamingStatistic(alpha);
    }

    public static JsonObject json(StreamingStatistic statistic) {
        StreamingStatistic.State state = statistic.state();
        return Json.object("count", state.count(), "mean", state.mean(), "variance", state.variance());
    }
}
