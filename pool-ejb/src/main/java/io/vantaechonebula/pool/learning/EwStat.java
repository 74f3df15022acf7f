package io.vantaechonebula.pool.learning;

import io.vantaechonebula.pool.processing.Json;
import jakarta.json.JsonObject;

/**
 * An exponentially weighted mean and variance: each value moves them by {@code weight}, so the
 * statistic follows a stream that drifts and forgets what is long past. Until {@code 1 / weight}
 * values have come it is an ordinary running mean, so the first values do not pull it about.
 */
final class EwStat {

    private final double weight;
    private long count;
    private double mean;
    private double variance;

    EwStat(double weight) {
        this.weight = weight;
    }

    void add(double value) {
        count++;
        double step = Math.max(weight, 1.0 / count);
        double delta = value - mean;
        mean += step * delta;
        variance = (1 - step) * (variance + step * delta * delta);
    }

    long count() {
        return count;
    }

    double mean() {
        return mean;
    }

    double stddev() {
        return Math.sqrt(variance);
    }

    JsonObject json() {
        return Json.object("count", count, "mean", mean, "variance", variance);
    }

    static EwStat of(JsonObject json, String name, double weight) {
        EwStat stat = new EwStat(weight);
        if (json != null && json.get(name) instanceof JsonObject state) {
            stat.count = state.getJsonNumber("count").longValue();
            stat.mean = state.getJsonNumber("mean").doubleValue();
            stat.variance = state.getJsonNumber("variance").doubleValue();
        }
        return stat;
    }
}
