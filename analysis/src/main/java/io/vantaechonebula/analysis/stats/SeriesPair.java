package io.vantaechonebula.analysis.stats;

import java.util.OptionalDouble;

/**
 * Streaming statistics of two metrics seen together (x, y): their means, variances and co-moment,
 * updated per pair. From them: the correlation, and the least-squares line predicting y from x,
 * refitted exactly with every pair (online linear regression). Not thread-safe.
 */
public final class SeriesPair {

    private long count;
    private double meanX;
    private double meanY;
    private double m2x;
    private double m2y;
    private double coMoment;

    public SeriesPair() {
        this(State.EMPTY);
    }

    /** Takes up a pair where {@link #state()} left it. */
    public SeriesPair(State state) {
        count = state.count();
        meanX = state.meanX();
        meanY = state.meanY();
        m2x = state.m2x();
        m2y = state.m2y();
        coMoment = state.coMoment();
    }

    public void add(double x, double y) {
        count++;
        double dx = x - meanX;
        meanX += dx / count;
        double dy = y - meanY;
        meanY += dy / count;
        m2x += dx * (x - meanX);
        m2y += dy * (y - meanY);
        coMoment += dx * (y - meanY);
    }

    /** Pearson's correlation; empty below three pairs or while either metric has not varied. */
    public OptionalDouble correlation() {
        if (count < 3 || m2x == 0 || m2y == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(coMoment / Math.sqrt(m2x * m2y));
    }

    /** Slope of the least-squares line of y on x; empty below two pairs or while x has not varied. */
    public OptionalDouble slope() {
        if (count < 2 || m2x == 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(coMoment / m2x);
    }

    /** The line's prediction of y at x; empty while there is no line. */
    public OptionalDouble predict(double x) {
        OptionalDouble slope = slope();
        if (slope.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of(meanY + slope.getAsDouble() * (x - meanX));
    }

    public long count() {
        return count;
    }

    public double meanX() {
        return meanX;
    }

    public double meanY() {
        return meanY;
    }

    public State state() {
        return new State(count, meanX, meanY, m2x, m2y, coMoment);
    }

    /** Everything a pair holds, to store and restore it. */
    public record State(long count, double meanX, double meanY, double m2x, double m2y, double coMoment) {
        public static final State EMPTY = new State(0, 0, 0, 0, 0, 0);
    }
}
