package io.vantaechonebula.web.console;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * A line chart over time as Chart.js configuration (PrimeFaces' {@code p:chart} takes it as JSON):
 * times on the x axis in UTC, one line per series, the y axis titled with its unit.
 */
public final class LineChart {

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"};

    private final String yTitle;
    private final DateTimeFormatter timeFormat;
    private final List<Long> times = new ArrayList<>();
    private final List<String> names = new ArrayList<>();
    private final List<List<Double>> values = new ArrayList<>();

    /** @param yTitle what the y axis shows and in what unit, "block time (s)" */
    public LineChart(String yTitle, String timePattern) {
        this.yTitle = yTitle;
        this.timeFormat = DateTimeFormatter.ofPattern(timePattern).withZone(ZoneOffset.UTC);
    }

    public LineChart series(String name) {
        names.add(name);
        values.add(new ArrayList<>());
        return this;
    }

    /** One point in time with a value per series, in the order they were added; null or NaN leaves a gap. */
    public void point(long atMs, Double... valuesOfSeries) {
        times.add(atMs);
        for (int i = 0; i < values.size(); i++) {
            values.get(i).add(i < valuesOfSeries.length ? valuesOfSeries[i] : null);
        }
    }

    public boolean isEmpty() {
        return times.isEmpty();
    }

    public String json() {
        JsonArrayBuilder labels = JSON.createArrayBuilder();
        times.forEach(time -> labels.add(timeFormat.format(Instant.ofEpochMilli(time))));
        JsonArrayBuilder datasets = JSON.createArrayBuilder();
        for (int i = 0; i < names.size(); i++) {
            JsonArrayBuilder data = JSON.createArrayBuilder();
            for (Double value : values.get(i)) {
                if (value == null || value.isNaN() || value.isInfinite()) {
                    data.addNull();
                } else {
                    data.add(value);
                }
            }
            String colour = COLOURS[i % COLOURS.length];
            datasets.add(JSON.createObjectBuilder().add("label", names.get(i)).add("data", data)
                    .add("borderColor", colour).add("backgroundColor", colour).add("fill", false)
                    .add("pointRadius", times.size() > 60 ? 0 : 2).add("borderWidth", 2).add("spanGaps", false));
        }
        JsonObjectBuilder scales = JSON.createObjectBuilder()
                .add("x", axis("time (UTC)").add("ticks", JSON.createObjectBuilder().add("maxTicksLimit", 6).add("maxRotation", 0)))
                .add("y", axis(yTitle).add("beginAtZero", true));
        return JSON.createObjectBuilder()
                .add("type", "line")
                .add("data", JSON.createObjectBuilder().add("labels", labels).add("datasets", datasets))
                .add("options", JSON.createObjectBuilder()
                        .add("animation", false)
                        .add("responsive", true)
                        .add("maintainAspectRatio", false)
                        .add("plugins", JSON.createObjectBuilder()
                                .add("legend", JSON.createObjectBuilder().add("display", names.size() > 1)))
                        .add("scales", scales))
                .build().toString();
    }

    private static JsonObjectBuilder axis(String title) {
        return JSON.createObjectBuilder().add("title", JSON.createObjectBuilder().add("display", true).add("text", title));
    }
}
