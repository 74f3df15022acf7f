package io.vantaechonebula.analysis.pattern;

import io.vantaechonebula.analysis.stats.SeenRange;
import io.vantaechonebula.analysis.stats.StreamingStatistic;
import io.vantaechonebula.analysis.stats.TailFrequency;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Streaming anomaly detection on one metric stream. Each value is scored before it is learnt, so a
 * score never depends on what comes after. The raw surprise is the largest z-score of the value against
 * three learnt normals: the recent level (a slow-moving mean with the spread of the values around it, so
 * a spike or a jump surprises), the value's own long-run distribution (so a drift to an unusual level
 * surprises too), and, once it has seen {@value #HOUR_WARM_UP} values of that hour, the values of its hour
 * of day (so a value ordinary at noon surprises at midnight); capped at {@value #MAX_Z}. How unlikely a surprise is then depends on the stream: it
 * is compared with the stream's earlier surprises, about the last {@value #LONG_WINDOW} of them ({@link AnomalyLikelihood}), so
 * a noisy stream's usual surprises count for little, and one as high as those that keep coming (regular spikes) for little too. A run of unlikely values is reported once: a score
 * is given only when it beats the highest lately (which fades by {@value #PEAK_FADE} a value), 0 otherwise.
 * Whatever its surprise, a value beyond the lowest or the highest the stream ever had, by more than
 * {@value #RANGE_TOLERANCE} of that range, scores 1 (once {@value #RANGE_WARM_UP} values have drawn the range):
 * a noisy stream hides a fall to a level it never knew inside its spread, and the range does not (Numenta's
 * NAB detector has the same "spatial anomaly" check).
 * One configuration for every stream; its figures on the Numenta Anomaly Benchmark are in docs/benchmarks.md.
 */
public final class PatternRecognizer {

    /** Changes whenever the model's meaning changes: a stored state of another version is not taken up. */
    public static final int MODEL_VERSION = 3;
    static final double FAST_ALPHA = 0.03;
    static final double SLOW_ALPHA = 0.001;
    static final double RESIDUAL_ALPHA = 0.01;
    static final int LONG_WINDOW = 8_000;
    static final int WARM_UP = 50;
    static final int SURPRISE_BINS = 30;
    static final double MAX_Z = 7;
    static final double PEAK_FADE = 0.998;
    static final double HOUR_ALPHA = 0.02;
    static final int HOUR_WARM_UP = 100;
    static final double RANGE_TOLERANCE = 0.025;
    static final int RANGE_WARM_UP = 500;
    private static final int HOURS = 24;

    private final StreamingStatistic level;
    private final StreamingStatistic residuals;
    private final StreamingStatistic longRun;
    private final StreamingStatistic[] hours = new StreamingStatistic[HOURS];
    private final AnomalyLikelihood likelihood;
    private final SeenRange range;
    private long seen;
    /** The highest likelihood lately, fading by {@link #PEAK_FADE} a row: a run of surprise is reported once. */
    private double peak;

    public PatternRecognizer() {
        level = new StreamingStatistic(FAST_ALPHA);
        residuals = new StreamingStatistic(RESIDUAL_ALPHA);
        longRun = new StreamingStatistic(SLOW_ALPHA);
        for (int hour = 0; hour < HOURS; hour++) {
            hours[hour] = new StreamingStatistic(HOUR_ALPHA);
        }
        likelihood = new AnomalyLikelihood(new StreamingStatistic(1.0 / LONG_WINDOW), new TailFrequency(SURPRISE_BINS, LONG_WINDOW),
                WARM_UP);
        range = new SeenRange();
    }

    /** Takes up a model where {@link #state()} left it, as if it had never stopped. */
    public PatternRecognizer(State state) {
        if (state.version() != MODEL_VERSION) {
            throw new IllegalArgumentException("a Pattern Recognizer of model version " + state.version()
                    + " cannot be taken up by version " + MODEL_VERSION + "; it starts afresh");
        }
        if (state.hours().size() != HOURS) {
            throw new IllegalArgumentException("a Pattern Recognizer state has " + HOURS + " hours, not " + state.hours().size());
        }
        level = new StreamingStatistic(state.level());
        residuals = new StreamingStatistic(state.residuals());
        longRun = new StreamingStatistic(state.longRun());
        for (int hour = 0; hour < HOURS; hour++) {
            hours[hour] = new StreamingStatistic(state.hours().get(hour));
        }
        likelihood = new AnomalyLikelihood(new StreamingStatistic(state.surprises()), new TailFrequency(state.surpriseFrequency()),
                WARM_UP);
        range = new SeenRange(state.range());
        seen = state.seen();
        peak = state.peak();
    }

    /** Everything the model has learnt, to store; {@code seen} is how many values it has learnt from. */
    public record State(int version, long seen, StreamingStatistic.State level, StreamingStatistic.State residuals,
                        StreamingStatistic.State longRun, List<StreamingStatistic.State> hours,
                        StreamingStatistic.State surprises, TailFrequency.State surpriseFrequency, double peak,
                        SeenRange.State range) {

        public State {
            hours = List.copyOf(hours);
        }

        /** The state as bytes to store: version, count, the statistics in order, the peak, the surprises' histogram, the range. */
        public byte[] encode() {
            double[] weights = surpriseFrequency.weights();
            ByteBuffer out = ByteBuffer.allocate(4 + 8 + (4 + hours.size()) * STATISTIC_BYTES + 4 + 8
                    + 4 + 8 + 4 + 8 * weights.length + 8 + 8);
            out.putInt(version).putLong(seen);
            for (StreamingStatistic.State statistic : statistics()) {
                out.putDouble(statistic.alpha()).putLong(statistic.count()).putDouble(statistic.mean())
                        .putDouble(statistic.variance());
            }
            out.putInt(hours.size()).putDouble(peak);
            out.putInt(surpriseFrequency.horizon()).putDouble(surpriseFrequency.total()).putInt(weights.length);
            for (double weight : weights) {
                out.putDouble(weight);
            }
            out.putDouble(range.lowest()).putDouble(range.highest());
            return out.array();
        }

        /** @throws IllegalArgumentException if the bytes are not a stored state */
        public static State decode(byte[] bytes) {
            try {
                ByteBuffer in = ByteBuffer.wrap(bytes);
                int version = in.getInt();
                long seen = in.getLong();
                List<StreamingStatistic.State> statistics = new ArrayList<>();
                for (int i = 0; i < 4 + HOURS; i++) {
                    statistics.add(new StreamingStatistic.State(in.getDouble(), in.getLong(), in.getDouble(), in.getDouble()));
                }
                int hourCount = in.getInt();
                double peak = in.getDouble();
                int horizon = in.getInt();
                double total = in.getDouble();
                int binCount = in.getInt();
                if (hourCount != HOURS || binCount != SURPRISE_BINS) {
                    throw notAState();
                }
                double[] weights = new double[binCount];
                for (int bin = 0; bin < binCount; bin++) {
                    weights[bin] = in.getDouble();
                }
                SeenRange.State range = new SeenRange.State(in.getDouble(), in.getDouble());
                if (in.hasRemaining()) {
                    throw notAState();
                }
                return new State(version, seen, statistics.get(0), statistics.get(1), statistics.get(2),
                        statistics.subList(4, 4 + HOURS), statistics.get(3), new TailFrequency.State(horizon, total, weights), peak, range);
            } catch (BufferUnderflowException e) {
                throw new IllegalArgumentException("a stored Pattern Recognizer state is cut short (" + bytes.length + " bytes)");
            }
        }

        private static IllegalArgumentException notAState() {
            return new IllegalArgumentException("not a Pattern Recognizer state of " + HOURS + " hours and " + SURPRISE_BINS
                    + " surprise bins");
        }

        private List<StreamingStatistic.State> statistics() {
            List<StreamingStatistic.State> all = new ArrayList<>(List.of(level, residuals, longRun, surprises));
            all.addAll(hours);
            return all;
        }
    }

    private static final int STATISTIC_BYTES = 32;

    public State state() {
        return new State(MODEL_VERSION, seen, level.state(), residuals.state(), longRun.state(),
                Arrays.stream(hours).map(StreamingStatistic::state).toList(), likelihood.state(), likelihood.frequencyState(), peak,
                range.state());
    }

    /**
     * What the model expects next: the recent level, how far values have strayed from it lately (RMS), and
     * the lowest and highest values so far (infinite before the first).
     */
    public record Expectation(double level, double spread, double lowest, double highest) {

        /** Whether the value lies below the lowest or above the highest before it. */
        public boolean outsideRange(double value) {
            return value < lowest || value > highest;
        }
    }

    public Expectation expectation() {
        return new Expectation(level.mean(), Math.sqrt(residuals.state().variance() + residuals.mean() * residuals.mean()),
                range.lowest(), range.highest());
    }

    /** Scores the next value of the stream, in [0, 1], then learns it. */
    public double next(double value) {
        return next(-1, value);
    }

    /** As {@link #next(double)}, for a value taken at {@code timestampMs} (UTC), which lets the hour of day count. */
    public double next(long timestampMs, double value) {
        int hour = timestampMs < 0 ? -1 : (int) ((timestampMs / 3_600_000L) % 24);
        double raw = seen < 2 ? 0 : rawScore(value, hour);
        boolean outOfRange = seen >= RANGE_WARM_UP && range.beyond(value, RANGE_TOLERANCE);
        range.add(value);
        if (hour >= 0) {
            hours[hour].add(value);
        }
        double residual = seen == 0 ? 0 : value - level.mean();
        if (seen > 0) {
            residuals.add(residual);
        }
        level.add(value);
        longRun.add(value);
        seen++;
        double unlikely = likelihood.next(raw);
        boolean news = unlikely > peak;
        peak = Math.max(peak * PEAK_FADE, unlikely);
        if (outOfRange) {
            return 1;
        }
        return news ? unlikely : 0;
    }

    private double rawScore(double value, int hour) {
        double scale = Math.abs(longRun.mean()) * 1e-3 + 1e-9;
        double residualZ = (value - level.mean()) / Math.max(Math.sqrt(residuals.state().variance()
                + residuals.mean() * residuals.mean()), scale);
        double longRunZ = longRun.zScore(value, scale);
        double z = Math.max(Math.abs(residualZ), Math.abs(longRunZ));
        if (hour >= 0 && hours[hour].count() >= HOUR_WARM_UP) {
            z = Math.max(z, Math.abs(hours[hour].zScore(value, scale)));
        }
        return Math.min(z, MAX_Z) / MAX_Z;
    }
}
