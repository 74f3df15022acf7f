package io.vantaechonebula.web.metrics;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.List;

/**
 * One metric family read at a scrape, a gauge or a counter, with its help and its points. A counter's name is
 * given without {@code _total}, which the text format adds.
 */
final class Family {

    private final String name;
    private final String help;
    private final boolean counter;
    private final List<Point> points = new ArrayList<>();

    private record Point(Labels labels, double value) {
    }

    private Family(String name, String help, boolean counter) {
        this.name = name;
        this.help = help;
        this.counter = counter;
    }

    static Family gauge(String name, String help) {
        return new Family(name, help, false);
    }

    static Family counter(String name, String help) {
        return new Family(name, help, true);
    }

    /** @param labels names and values in turn */
    Family add(double value, String... labels) {
        points.add(new Point(Labels.of(labels), value));
        return this;
    }

    MetricSnapshot snapshot() {
        if (counter) {
            CounterSnapshot.Builder builder = CounterSnapshot.builder().name(name).help(help);
            points.forEach(point -> builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(point.labels())
                    .value(point.value()).build()));
            return builder.build();
        }
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(name).help(help);
        points.forEach(point -> builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(point.labels())
                .value(point.value()).build()));
        return builder.build();
    }
}
