package io.vantaechonebula.analysis.stats;

import java.util.Arrays;

/**
 * How often values at least as high as a given one came lately, for values in [0, 1]: a histogram of
 * {@code bins} equal bins whose counts fade by {@code 1/horizon} with each value added, so it follows
 * about the last {@code horizon} values. Not thread-safe.
 */
public final class TailFrequency {

    private final double[] weights;
    private final double keep;
    private final int horizon;
    private double total;

    public TailFrequency(int bins, int horizon) {
        this(new State(horizon, 0, new double[bins]));
    }

    /** Takes up a histogram where {@link #state()} left it. */
    public TailFrequency(State state) {
        if (state.horizon() < 1 || state.weights().length < 1) {
            throw new IllegalArgumentException("a tail frequency needs a horizon and bins of at least 1, not "
                    + state.horizon() + " and " + state.weights().length);
        }
        this.horizon = state.horizon();
        this.keep = 1 - 1.0 / horizon;
        this.weights = state.weights();
        this.total = state.total();
    }

    /**
     * The share of the values so far whose bin is that of {@code value} or higher, counting one more
     * value there as if it had been seen: never 0, so a value higher than any before is rare, not impossible.
     */
    public double shareAtLeast(double value) {
        double tail = 0;
        for (int bin = bin(value); bin < weights.length; bin++) {
            tail += weights[bin];
        }
        return (tail + 1) / (total + 1);
    }

    public void add(double value) {
        for (int bin = 0; bin < weights.length; bin++) {
            weights[bin] *= keep;
        }
        weights[bin(value)] += 1;
        total = total * keep + 1;
    }

    private int bin(double value) {
        return (int) Math.max(0, Math.min(weights.length - 1, Math.floor(value * weights.length)));
    }

    public State state() {
        return new State(horizon, total, weights.clone());
    }

    /** Everything the histogram holds, to store and restore it: the faded count of all values and of each bin. */
    public record State(int horizon, double total, double[] weights) {

        public State {
            weights = weights.clone();
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof State state && horizon == state.horizon && Double.compare(total, state.total) == 0
                    && Arrays.equals(weights, state.weights);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * horizon + Double.hashCode(total)) + Arrays.hashCode(weights);
        }

        @Override
        public String toString() {
            return "TailFrequency.State[horizon=" + horizon + ", total=" + total + ", weights=" + Arrays.toString(weights) + "]";
        }
    }
}
