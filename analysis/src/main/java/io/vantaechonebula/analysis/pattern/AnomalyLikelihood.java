package io.vantaechonebula.analysis.pattern;

import io.vantaechonebula.analysis.stats.Normal;
import io.vantaechonebula.analysis.stats.StreamingStatistic;

/**
 * Turns raw anomaly scores into how unlikely they are for this stream: each raw score is compared
 * with the distribution of the raw scores before it (a streaming mean and deviation), and the rarer it is, the higher the likelihood. A detector that is
 * often a little surprised (a noisy stream) then reports little, and a surprise in a quiet stream a lot.
 * The idea is Numenta's anomaly likelihood (Ahmad et al., 2017), restated in constant memory.
 */
final class AnomalyLikelihood {

    private final StreamingStatistic history;
    private final int warmUp;

    /** @param history the raw scores seen so far: a new statistic, or one taken up from a stored state */
    AnomalyLikelihood(StreamingStatistic history, int warmUp) {
        this.history = history;
        this.warmUp = warmUp;
    }

    StreamingStatistic.State state() {
        return history.state();
    }

    /**
     * Takes the next raw score; how unlikely it is, in [0, 1]: −log10 of the normal upper tail of its
     * z-score against the scores before it, over 300, when it is above their mean (0 otherwise, and until
     * warmed up).
     */
    double next(double raw) {
        double likelihood = 0;
        if (history.count() >= warmUp) {
            double z = history.zScore(raw, 1e-4);
            // No higher than usual is not unlikely at all.
            likelihood = z <= 0 ? 0 : Math.min(1, -Math.log10(Math.max(Normal.upperTail(z), 1e-300)) / 300);
        }
        history.add(raw);
        return likelihood;
    }
}
