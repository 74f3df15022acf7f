package io.vantaechonebula.agent.nab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The scorer on series small enough to score by hand. Twenty rows: the first three (15 %) are
 * probationary; one window from row 10 to row 14 (width 5). σ(y) = 2 / (1 + e^(5y)) − 1, so
 * σ(−1) = 0.986614, σ(−0.8) = 0.964028, σ(−0.6) = 0.905148, σ(−0.4) = 0.761594, σ(0.75) = −0.954045.
 * Every row has a score, so a threshold of 0 detects every row.
 */
class NabScorerTest {

    private static final List<LabelledSeries.Window> WINDOW = List.of(new LabelledSeries.Window(10, 14));

    private static LabelledSeries series(double... rowScores) {
        double[] scores = new double[20];
        for (int i = 0; i < rowScores.length; i += 2) {
            scores[(int) rowScores[i]] = rowScores[i + 1];
        }
        return new LabelledSeries("hand", scores, WINDOW);
    }

    @Test
    void theSigmoidIsTheBenchmarks() {
        assertThat(NabScorer.scaledSigmoid(-1)).isCloseTo(0.986614, within(1e-6));
        assertThat(NabScorer.scaledSigmoid(0)).isZero();
        assertThat(NabScorer.scaledSigmoid(0.75)).isCloseTo(-0.954045, within(1e-6));
        assertThat(NabScorer.scaledSigmoid(3.01)).isEqualTo(-1);
    }

    @Test
    void aDetectionInsideTheWindowIsWorthMoreTheEarlierItComes() {
        // Row 12: y = −(14 − 12 + 1) / 5 = −0.6, worth σ(−0.6) / σ(−1) = 0.905148 / 0.986614 = 0.917429.
        LabelledSeries series = series(12, 0.9);
        assertThat(NabScorer.rawScore(series, Profile.STANDARD, 0.9)).isCloseTo(0.917429, within(1e-6));
        // Above every score: the window is missed, −A_FN.
        assertThat(NabScorer.rawScore(series, Profile.STANDARD, 0.95)).isEqualTo(-1.0);
        assertThat(NabScorer.rawScore(series, Profile.REWARD_LOW_FN, 0.95)).isEqualTo(-2.0);
    }

    @Test
    void falsePositivesCostMoreTheFartherFromTheLastWindowAndTheProbationaryPeriodIsFree() {
        // Row 2 is probationary. Row 5 comes before any window: −A_FP. Row 17 is 3 rows past a window
        // of width 5: y = 3 / 4 = 0.75, so 0.11 × σ(0.75) = −0.104945.
        LabelledSeries series = series(2, 1.0, 5, 0.7, 12, 0.9, 17, 0.8);
        assertThat(NabScorer.rawScore(series, Profile.STANDARD, 0.9)).isCloseTo(0.917429, within(1e-6));
        assertThat(NabScorer.rawScore(series, Profile.STANDARD, 0.8)).isCloseTo(0.917429 - 0.104945, within(1e-6));
        assertThat(NabScorer.rawScore(series, Profile.STANDARD, 0.7)).isCloseTo(0.917429 - 0.104945 - 0.11, within(1e-6));
        assertThat(NabScorer.rawScore(series, Profile.REWARD_LOW_FP, 0.7))
                .isCloseTo(0.917429 - 0.209890 - 0.22, within(1e-6));
    }

    @Test
    void onlyTheEarliestDetectionInAWindowCounts() {
        // Rows 11 and 13: y = −0.8 for row 11, worth 0.964028 / 0.986614 = 0.977107; row 13 then adds nothing.
        LabelledSeries series = series(11, 0.5, 13, 0.6);
        assertThat(NabScorer.rawScore(series, Profile.STANDARD, 0.5)).isCloseTo(0.977107, within(1e-6));
        // At 0.6 only row 13: y = −0.4, worth 0.761594 / 0.986614 = 0.771927.
        assertThat(NabScorer.rawScore(series, Profile.STANDARD, 0.6)).isCloseTo(0.771927, within(1e-6));
    }

    @Test
    void theCorpusTakesTheThresholdThatScoresBestAndIsNormalisedBetweenNullAndPerfect() {
        LabelledSeries withWindow = series(2, 1.0, 5, 0.7, 12, 0.9, 17, 0.8);
        LabelledSeries quiet = new LabelledSeries("quiet", new double[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0.95}, List.of());

        NabScorer.Result standard = NabScorer.score(List.of(withWindow, quiet), Profile.STANDARD);

        // 0.95 detects only the quiet file's last row, a false positive before any window (−0.11), and misses
        // the window: −1.11. 0.9 adds the window's row 12: 0.917429 − 0.11 = 0.807429. Lower thresholds only
        // add false positives, and 0 detects every row.
        assertThat(standard.threshold()).isEqualTo(0.9);
        assertThat(standard.raw()).isCloseTo(0.807429, within(1e-6));
        assertThat(standard.none()).isEqualTo(-1.0);
        assertThat(standard.perfect()).isEqualTo(1.0);
        // 100 × (0.807429 + 1) / (1 + 1) = 90.3714.
        assertThat(standard.normalised()).isCloseTo(90.3714, within(1e-4));
        // Reward low FN: 100 × (0.807429 + 2) / (1 + 2) = 93.5810.
        assertThat(NabScorer.score(List.of(withWindow, quiet), Profile.REWARD_LOW_FN).normalised())
                .isCloseTo(93.5810, within(1e-4));
    }

    @Test
    void theSweepFindsTheEarlierDetectionAtALowerThreshold() {
        NabScorer.Result result = NabScorer.score(List.of(series(11, 0.5, 13, 0.6)), Profile.STANDARD);
        assertThat(result.threshold()).isEqualTo(0.5);
        assertThat(result.raw()).isCloseTo(0.977107, within(1e-6));
    }

    @Test
    void aDetectorWhoseDetectionsOnlyCostScoresZeroAndOneThatHitsEveryLeftEdgeScoresAHundred() {
        // All rows score 0: the only threshold that detects anything detects every row, catching the window
        // (+2 against missing it) but adding 170 false positives before any window in the long file
        // (−18.7): the best is to detect nothing, as the null detector does.
        NabScorer.Result flat = NabScorer.score(List.of(series(), new LabelledSeries("long", new double[200], List.of())),
                Profile.STANDARD);
        assertThat(flat.normalised()).isZero();
        assertThat(flat.threshold()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(NabScorer.score(List.of(series(10, 1.0)), Profile.STANDARD).normalised()).isCloseTo(100, within(1e-9));
    }
}
