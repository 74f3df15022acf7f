package io.vantaechonebula.analysis.pattern;

import io.vantaechonebula.analysis.stats.Normal;
import io.vantaechonebula.analysis.stats.StreamingStatistic;
import io.vantaechonebula.analysis.stats.TailFrequency;

/**
 * Turns raw anomaly scores into how unlikely they are for this stream: each raw score is compared
 * with the distribution of the raw scores before it (a streaming mean and deviation), and the rarer it is, the higher the likelihood. A detector that is
 * often a little surprised (a noisy stream) then reports little, and a surprise in a quiet stream a lot.
 * The idea is Numenta's anomaly likelihood (Ahmad et al., 2017), restated in constant memory.
 * Raw scores are rarely normal, though: in a stream of regular spikes, each spike lies far above the mean of the
 * scores and yet comes every hundred values. So the likelihood is also tempered by how often a score this high
 * actually came ({@link TailFrequency}): fully unlikely only when it came less than once in 10,000 values.
 */
final class AnomalyLikelihood {

    /** A score that came once in 10^4 values or less often is rare: its likelihood is not tempered. */
    static final double RARE_DECADES = 4;

    private final StreamingStatistic history;
    private final TailFrequency frequency;
    private final int warmUp;

    /**
     * @param history   the raw scores seen so far: a new statistic, or one taken up from a stored state
     * @param frequency how often each raw score came: new, or taken up
     */
    AnomalyLikelihood(StreamingStatistic history, TailFrequency frequency, int warmUp) {
        this.history = history;
        this.frequency = frequency;
        this.warmUp = warmUp;
    }

    StreamingStatistic.State state() {
        return history.state();
    }

    TailFrequency.State frequencyState() {
        return frequency.state();
    }

    /**
     * Takes the next raw score; how unlikely it is, in [0, 1]: −log10 of the normal upper tail of its
     * z-score against the scores before it, over 300, when it is above their mean (0 otherwise, and until
     * warmed up); times how rare a score this high was, −log10 of its share over {@value #RARE_DECADES}
     * (from 0 to 1).
     */
    double next(double raw) {
        double likelihood = 0;
        if (history.count() >= warmUp) {
            double z = history.zScore(raw, 1e-4);
            // No higher than usual is not unlikely at all.
            likelihood = z <= 0 ? 0 : Math.min(1, -Math.log10(Math.max(Normal.upperTail(z), 1e-300)) / 300);
            likelihood *= Math.max(0, Math.min(1, -Math.log10(frequency.shareAtLeast(raw)) / RARE_DECADES));
        }
        history.add(raw);
        frequency.add(raw);
        return likelihood;
    }
}
