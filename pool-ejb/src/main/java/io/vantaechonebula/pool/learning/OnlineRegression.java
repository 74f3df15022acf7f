package io.vantaechonebula.pool.learning;

import io.vantaechonebula.pool.processing.Json;
import jakarta.json.JsonObject;

/**
 * Least-squares line {@code y = intercept + slope * x}, learnt one pair at a time with exponential
 * forgetting: each new pair weighs 1, and what came before fades by {@code forgetting} per pair, so the
 * line follows a chain whose fee market moves.
 */
final class OnlineRegression {

    private final double forgetting;
    private long count;
    private double n;
    private double sx;
    private double sy;
    private double sxx;
    private double sxy;

    OnlineRegression(double forgetting) {
        this.forgetting = forgetting;
    }

    void add(double x, double y) {
        count++;
        n = n * forgetting + 1;
        sx = sx * forgetting + x;
        sy = sy * forgetting + y;
        sxx = sxx * forgetting + x * x;
        sxy = sxy * forgetting + x * y;
    }

    long count() {
        return count;
    }

    double slope() {
        double spread = n * sxx - sx * sx;
        return n == 0 || Math.abs(spread) < 1e-9 * Math.max(1, n * sxx) ? 0 : (n * sxy - sx * sy) / spread;
    }

    double intercept() {
        return n == 0 ? 0 : (sy - slope() * sx) / n;
    }

    double predict(double x) {
        return intercept() + slope() * x;
    }

    JsonObject json() {
        return Json.object("count", count, "n", n, "sx", sx, "sy", sy, "sxx", sxx, "sxy", sxy,
                "slope", slope(), "intercept", intercept());
    }

    static OnlineRegression of(JsonObject json, String name, double forgetting) {
        OnlineRegression regression = new OnlineRegression(forgetting);
        if (json != null && json.get(name) instanceof JsonObject state) {
            regression.count = state.getJsonNumber("count").longValue();
            regression.n = state.getJsonNumber("n").doubleValue();
            regression.sx = state.getJsonNumber("sx").doubleValue();
            regression.sy = state.getJsonNumber("sy").doubleValue();
            regression.sxx = state.getJsonNumber("sxx").doubleValue();
            regression.sxy = state.getJsonNumber("sxy").doubleValue();
        }
        return regression;
    }
}
