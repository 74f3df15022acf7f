package io.vantaechonebula.analysis.stats;

/**
 * The lowest and the highest value of a stream so far, and whether a new value lies beyond them by
 * more than a share of their width. Not thread-safe.
 */
public final class SeenRange {

    private double lowest;
    private double highest;

    /** A range that has seen nothing: no value lies beyond it. */
    public SeenRange() {
        this(new State(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY));
    }

    /** Takes up a range where {@link #state()} left it. */
    public SeenRange(State state) {
        this.lowest = state.lowest();
        this.highest = state.highest();
    }

    /**
     * Whether the value lies above the highest or below the lowest by more than {@code tolerance} times
     * the range's width; never while the range is a single point or empty, which has no width to measure by.
     */
    public boolean beyond(double value, double tolerance) {
        if (!(highest > lowest)) {
            return false;
        }
        double margin = (highest - lowest) * tolerance;
        return value > highest + margin || value < lowest - margin;
    }

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a range learns finite values only, not " + value);
        }
        lowest = Math.min(lowest, value);
        highest = Math.max(highest, value);
    }

    public double lowest() {
        return lowest;
    }

    public double highest() {
        return highest;
    }

    public State state() {
        return new State(lowest, highest);
    }

    /** Everything a range holds, to store and restore it; infinite bounds while it has seen nothing. */
    public record State(double lowest, double highest) {
    }
}
