package io.vantaechonebula.analysis.stats;

import java.util.OptionalDouble;

/**
 * Streaming statistics of one metric of one subject: count, mean and variance (Welford), an
 * exponentially weighted mean, and the lowest, highest and newest value ({@link ValueSummary}).
 * Updated once per value, never recomputed from the values. Not thread-safe.
 */
public final class SeriesStatistic {

    /** Weight of the newest value in the exponentially weighted mean. */
    public static final double EWMA_WEIGHT = 0.1;

    private final ValueSummary values;
    private double mean;
    private double m2;
    private double ewma;

    public SeriesStatistic() {
        this(State.EMPTY);
    }

    /** Takes up a statistic where {@link #state()} left it. */
    public SeriesStatistic(State state) {
        values = new ValueSummary(new ValueSummary.State(state.count(), state.mean() * state.count(), state.min(),
                state.max(), state.last(), state.lastAtMs()));
        mean = state.mean();
        m2 = state.m2();
        ewma = state.ewma();
    }

    public void add(double value, long atMs) {
        values.add(value, atMs);
        long count = values.count();
        double delta = value - mean;
        mean += delta / count;
        m2 += delta * (value - mean);
        ewma = count == 1 ? value : ewma + EWMA_WEIGHT * (value - ewma);
    }

    /**
     * How many standard deviations a value lies from the mean so far; empty until {@code minCount}
     * values were seen, or while all were equal (no spread to measure against).
     */
    public OptionalDouble zScore(double value, long minCount) {
        double stddev = stddev();
        if (count() < minCount || stddev == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((value - mean) / stddev);
    }

    /** Sample variance; 0 below two values. */
    public double variance() {
        return count() < 2 ? 0 : m2 / (count() - 1);
    }

    public double stddev() {
        return Math.sqrt(variance());
    }

    public long count() {
        return values.count();
    }

    public double mean() {
        return mean;
    }

    public double min() {
        return values.min();
    }

    public double max() {
        return values.max();
    }

    public double ewma() {
        return ewma;
    }

    public double last() {
        return values.last();
    }

    public long lastAtMs() {
        return values.lastAtMs();
    }

    public State state() {
        return new State(count(), mean, m2, min(), max(), ewma, last(), lastAtMs());
    }

    /** Everything a statistic holds, to store and restore it ({@code m2}: the sum of squared deviations). */
    public record State(long count, double mean, double m2, double min, double max, double ewma, double last, long lastAtMs) {
        public static final State EMPTY = new State(0, 0, 0, 0, 0, 0, 0, 0);
    }
}
