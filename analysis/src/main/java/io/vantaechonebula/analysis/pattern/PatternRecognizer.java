package io.vantaechonebula.analysis.pattern;

import io.vantaechonebula.analysis.stats.Normal;
import io.vantaechonebula.analysis.stats.StreamingStatistic;

/**
 * Streaming anomaly detection on one metric stream. Each value is scored before it is learnt, so a
 * score never depends on what comes after. The raw surprise is the largest z-score of the value against
 * three learnt normals: the recent level (a slow-moving mean with the spread of the values around it, so
 * a spike or a jump surprises), the value's own long-run distribution (so a drift to an unusual level
 * surprises too), and, once it has seen {@value #HOUR_WARM_UP} values of that hour, the values of its hour
 * of day (so a value ordinary at noon surprises at midnight); capped at {@value #MAX_Z}. How unlikely a surprise is then depends on the stream: it
 * is compared with the surprises of the last {@value #LONG_WINDOW} values ({@link AnomalyLikelihood}), so
 * a noisy stream's usual surprises count for little. A run of unlikely values is reported once: a score
 * is given only when it beats the highest lately (which fades by {@value #PEAK_FADE} a value), 0 otherwise.
 * One configuration for every stream; its figures on the Numenta Anomaly Benchmark are in docs/benchmarks.md.
 */
public final class PatternRecognizer {

    static final double FAST_ALPHA = 0.03;
    static final double SLOW_ALPHA = 0.001;
    static final double RESIDUAL_ALPHA = 0.01;
    static final int SHORT_WINDOW = 1;
    static final int LONG_WINDOW = 8_000;
    static final int WARM_UP = 300;
    static final double MAX_Z = 10;
    static final double PEAK_FADE = 0.998;
    static final double HOUR_ALPHA = 0.02;
    static final int HOUR_WARM_UP = 100;

    private final StreamingStatistic level = new StreamingStatistic(FAST_ALPHA);
    private final StreamingStatistic residuals = new StreamingStatistic(RESIDUAL_ALPHA);
    private final StreamingStatistic longRun = new StreamingStatistic(SLOW_ALPHA);
    private final StreamingStatistic[] hours = new StreamingStatistic[24];
    private final AnomalyLikelihood likelihood = new AnomalyLikelihood(SHORT_WINDOW, LONG_WINDOW, WARM_UP);
    private long seen;
    /** The highest likelihood lately, fading by {@link #PEAK_FADE} a row: a run of surprise is reported once. */
    private double peak;

    /** Scores the next value of the stream, in [0, 1], then learns it. */
    public double next(double value) {
        return next(-1, value);
    }

    /** As {@link #next(double)}, for a value taken at {@code timestampMs} (UTC), which lets the hour of day count. */
    public double next(long timestampMs, double value) {
        int hour = timestampMs < 0 ? -1 : (int) ((timestampMs / 3_600_000L) % 24);
        double raw = seen < 2 ? 0 : rawScore(value, hour);
        if (hour >= 0) {
            if (hours[hour] == null) {
                hours[hour] = new StreamingStatistic(HOUR_ALPHA);
            }
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
        return news ? unlikely : 0;
    }

    private double rawScore(double value, int hour) {
        double scale = Math.abs(longRun.mean()) * 1e-3 + 1e-9;
        double residualZ = (value - level.mean()) / Math.max(Math.sqrt(residuals.state().variance()
                + residuals.mean() * residuals.mean()), scale);
        double longRunZ = longRun.zScore(value, scale);
        double z = Math.max(Math.abs(residualZ), Math.abs(longRunZ));
        if (hour >= 0 && hours[hour] != null && hours[hour].count() >= HOUR_WARM_UP) {
            z = Math.max(z, Math.abs(hours[hour].zScore(value, scale)));
        }
        return Math.min(z, MAX_Z) / MAX_Z;
    }
}
