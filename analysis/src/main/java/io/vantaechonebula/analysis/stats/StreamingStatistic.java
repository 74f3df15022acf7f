package io.vantaechonebula.analysis.stats;

/**
 * Mean and variance of a stream, learnt one value at a time with exponential forgetting: the first
 * {@code 1/alpha} values weigh equally (plain mean and variance), later ones with weight {@code alpha},
 * so the statistic follows a stream whose normal level drifts. Not thread-safe.
 */
public final class StreamingStatistic {

    private final double alpha;
    private long count;
    private double mean;
    private double variance;

    /** @param alpha the weight of a new value once warmed up, in (0, 1] */
    public StreamingStatistic(double alpha) {
        this(new State(alpha, 0, 0, 0));
    }

    /** Takes up a statistic where {@link #state()} left it. */
    public StreamingStatistic(State state) {
        if (!(state.alpha() > 0 && state.alpha() <= 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1], not " + state.alpha());
        }
        this.alpha = state.alpha();
        this.count = state.count();
        this.mean = state.mean();
        this.variance = state.variance();
    }

    public void add(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("a statistic learns finite values only, not " + value);
        }
        count++;
        double weight = Math.max(alpha, 1.0 / count);
        double delta = value - mean;
        mean += weight * delta;
        variance = (1 - weight) * (variance + weight * delta * delta);
    }

    public long count() {
        return count;
    }

    public double mean() {
        return mean;
    }

    public double standardDeviation() {
        return Math.sqrt(variance);
    }

    /** How many standard deviations the value lies from the mean, the deviation taken as at least {@code minDeviation}. */
    public double zScore(double value, double minDeviation) {
        return (value - mean) / Math.max(standardDeviation(), minDeviation);
    }

    public State state() {
        return new State(alpha, count, mean, variance);
    }

    /** Everything a statistic holds, to store and restore it. */
    public record State(double alpha, long count, double mean, double variance) {
    }
}
