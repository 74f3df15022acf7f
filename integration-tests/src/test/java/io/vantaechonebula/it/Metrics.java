package io.vantaechonebula.it;

import java.util.Arrays;

/** Reads values from the Prometheus text at {@code /metrics}. */
final class Metrics {

    private Metrics() {
    }

    static String text() {
        return Api.get("/metrics").body();
    }

    /** The value of the first series of that name, or 0 when it is not there yet. */
    static double value(String name) {
        return Arrays.stream(text().split("\n"))
                .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst()
                .orElse(0.0);
    }
}
