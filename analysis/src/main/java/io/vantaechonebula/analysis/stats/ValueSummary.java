package io.vantaechonebula.analysis.stats;

/**
 * How many values a stream had, their sum, the lowest and highest, and the newest by time (of two
 * values at the same time, the one added later). Summaries of two parts of a stream merge into the
 * summary of the whole. Not thread-safe.
 */
public final class ValueSummary {

    private long count;
    private double sum;
    private double min;
    private double max;
    private double last;
    private long lastAtMs;

    public ValueSummary() {
        this(State.EMPTY);
    }

    /** Takes up a summary where {@link #state()} left it. */
    public ValueSummary(State state) {
        count = state.count();
        sum = state.sum();
        min = state.min();
        max = state.max();
        last = state.last();
        lastAtMs = state.lastAtMs();
    }

    public void add(double value, long atMs) {
        min = count == 0 ? value : Math.min(min, value);
        max = count == 0 ? value : Math.max(max, value);
        if (count == 0 || atMs >= lastAtMs) {
            last = value;
            lastAtMs = atMs;
        }
        count++;
        sum += value;
    }

    /** Adds what another summary saw: the same as adding its values one by one. */
    public void merge(ValueSummary other) {
        if (other.count == 0) {
            return;
        }
        min = count == 0 ? other.min : Math.min(min, other.min);
        max = count == 0 ? other.max : Math.max(max, other.max);
        if (count == 0 || other.lastAtMs >= lastAtMs) {
            last = other.last;
            lastAtMs = other.lastAtMs;
        }
        count += other.count;
        sum += other.sum;
    }

    public long count() {
        return count;
    }

    public double sum() {
        return sum;
    }

    /** 0 before the first value. */
    public double mean() {
        return count == 0 ? 0 : sum / count;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public double last() {
        return last;
    }

    public long lastAtMs() {
        return lastAtMs;
    }

    public State state() {
        return new State(count, sum, min, max, last, lastAtMs);
    }

    /** Everything a summary holds, to store and restore it; all zero before the first value. */
    public record State(long count, double sum, double min, double max, double last, long lastAtMs) {
        public static final State EMPTY = new State(0, 0, 0, 0, 0, 0);
    }
}
