package io.vantaechonebula.analysis.pattern;

import io.vantaechonebula.analysis.stats.Normal;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Turns raw anomaly scores into how unlikely their recent level is: the mean of the last
 * {@code shortWindow} raw scores is compared with the distribution of raw scores over the last
 * {@code longWindow}, and its upper-tail confidence is the likelihood. A detector that is often a
 * little surprised (a noisy stream) then reports little, and a run of surprise in a quiet stream a
 * lot. The idea is Numenta's anomaly likelihood (Ahmad et al., 2017); this is a plain re-statement
 * of it, without their code.
 */
final class AnomalyLikelihood {

    private final int shortWindow;
    private final int longWindow;
    private final int warmUp;
    private final Deque<Double> recent = new ArrayDeque<>();
    private final Deque<Double> history = new ArrayDeque<>();
    private double recentSum;
    private double historySum;
    private double historySquares;

    AnomalyLikelihood(int shortWindow, int longWindow, int warmUp) {
        this.shortWindow = shortWindow;
        this.longWindow = longWindow;
        this.warmUp = warmUp;
    }

    /**
     * Takes the next raw score; how unlikely the recent scores are, in [0, 1]: −log10 of the upper tail
     * probability of their mean, over 300, when their mean is above the usual (0 otherwise, and until warmed up).
     */
    double next(double raw) {
        recent.addLast(raw);
        recentSum += raw;
        if (recent.size() > shortWindow) {
            recentSum -= recent.removeFirst();
        }
        double likelihood = 0;
        if (history.size() >= warmUp) {
            double n = history.size();
            double mean = historySum / n;
            double variance = Math.max(0, historySquares / n - mean * mean);
            double deviation = Math.max(Math.sqrt(variance), 1e-4);
            double recentMean = recentSum / recent.size();
            // −log10 of the tail keeps the precision a likelihood of 0.9999999… would lose; 1 at a tail of 1e-300.
            double z = (recentMean - mean) / deviation;
            // No higher than usual is not unlikely at all.
            likelihood = z <= 0 ? 0 : Math.min(1, -Math.log10(Math.max(Normal.upperTail(z), 1e-300)) / 300);
        }
        history.addLast(raw);
        historySum += raw;
        historySquares += raw * raw;
        if (history.size() > longWindow) {
            double old = history.removeFirst();
            historySum -= old;
            historySquares -= old * old;
        }
        return likelihood;
    }
}
