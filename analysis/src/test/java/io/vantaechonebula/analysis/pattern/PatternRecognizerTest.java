package io.vantaechonebula.analysis.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PatternRecognizerTest {

    /** A noisy steady stream: 100 plus Gaussian noise of deviation 1, reproducible. */
    private static double[] steady(int rows, long seed) {
        Random random = new Random(seed);
        double[] values = new double[rows];
        for (int i = 0; i < rows; i++) {
            values[i] = 100 + random.nextGaussian();
        }
        return values;
    }

    private static double[] scores(double[] values) {
        PatternRecognizer recognizer = new PatternRecognizer();
        return Arrays.stream(values).map(recognizer::next).toArray();
    }

    private static int highest(double[] scores, int from) {
        int best = from;
        for (int i = from; i < scores.length; i++) {
            if (scores[i] > scores[best]) {
                best = i;
            }
        }
        return best;
    }

    /** As {@link #steady}, with one early excursion to 130 that draws the range wide, so only the likelihood can tell. */
    private static double[] steadyWithinAWideRange(int rows, long seed) {
        double[] values = steady(rows, seed);
        values[300] = 130;
        return values;
    }

    @Test
    void aSpikeInANoisyStreamScoresHighestAndIsReportedOnce() {
        double[] values = steadyWithinAWideRange(3_000, 7);
        values[2_000] = 115;
        double[] scores = scores(values);

        assertThat(highest(scores, 1_000)).isEqualTo(2_000);
        assertThat(scores[2_000]).isGreaterThan(3 * Arrays.stream(scores, 1_000, 2_000).max().orElseThrow());
        assertThat(Arrays.stream(scores, 2_001, 2_050).max().orElseThrow()).as("the rows after it").isLessThan(scores[2_000]);
    }

    @Test
    void aSpikeBeyondTheRangeScoresOneAndIsReportedOnce() {
        double[] values = steady(3_000, 7);
        values[2_000] = 115;
        double[] scores = scores(values);

        assertThat(scores[2_000]).isEqualTo(1.0);
        assertThat(Arrays.stream(scores, 2_001, 2_050).max().orElseThrow()).as("the rows after it").isLessThan(0.01);
    }

    @Test
    void pureNoiseSetsANewRecordBeyondTheToleranceRarely() {
        // Gaussian noise keeps setting records, ever more rarely; few clear the range's tolerance.
        double[] scores = scores(steady(100_000, 19));
        assertThat(Arrays.stream(scores).filter(score -> score == 1.0).count()).isBetween(1L, 10L);
    }

    @Test
    void spikesThatKeepComingStopBeingNewsWhileAFirstOneIs() {
        // A spike to 120 every 100 rows is this stream's normal; one to 120 in a stream that never spiked is not.
        double[] spiky = steady(4_000, 3);
        for (int i = 50; i < spiky.length; i += 100) {
            spiky[i] = 120;
        }
        double[] quiet = steady(4_000, 3);
        quiet[3_950] = 120;

        double[] spikyScores = scores(spiky);
        assertThat(Arrays.stream(spikyScores, 3_000, 4_000).max().orElseThrow()).as("the 30th to 40th spike")
                .isLessThan(scores(quiet)[3_950] / 5);
    }

    @Test
    void aLevelShiftIsFoundAsItHappens() {
        double[] values = steady(3_000, 11);
        for (int i = 2_000; i < values.length; i++) {
            values[i] += 8;
        }
        double[] scores = scores(values);
        assertThat(highest(scores, 1_000)).isBetween(2_000, 2_005);
    }

    @Test
    void aFallBelowAnythingSeenIsFoundThoughItIsWithinTheStreamsSpread() {
        // Flapping between 30 and 100 for 3,000 rows, then a value of 20: under two deviations from the mean.
        Random random = new Random(17);
        PatternRecognizer recognizer = new PatternRecognizer();
        double[] scores = new double[3_001];
        for (int i = 0; i < 3_000; i++) {
            scores[i] = recognizer.next(30 + 70 * random.nextDouble());
        }
        scores[3_000] = recognizer.next(20);

        assertThat(scores[3_000]).isEqualTo(1.0);
        assertThat(Arrays.stream(scores, 1_000, 3_000).max().orElseThrow()).isLessThan(0.5);
    }

    @Test
    void aNewExtremeCountsOnlyOnceTheRangeIsDrawn() {
        PatternRecognizer recognizer = new PatternRecognizer();
        double[] scores = new double[PatternRecognizer.RANGE_WARM_UP + 1];
        for (int i = 0; i < PatternRecognizer.RANGE_WARM_UP; i++) {
            // 1, 2, 3, …: each value a new highest
            scores[i] = recognizer.next(i + 1);
        }
        scores[PatternRecognizer.RANGE_WARM_UP] = recognizer.next(1_000);

        assertThat(Arrays.copyOf(scores, PatternRecognizer.RANGE_WARM_UP)).doesNotContain(1.0);
        assertThat(scores[PatternRecognizer.RANGE_WARM_UP]).isEqualTo(1.0);
    }

    @Test
    void aValueOrdinaryForTheDayButNotForItsHourIsFound() {
        // Every 5 minutes for 40 days: 100 by night, 200 by day (8:00 to 20:00), with noise of deviation 2.
        Random random = new Random(5);
        PatternRecognizer recognizer = new PatternRecognizer();
        int rows = 40 * 288;
        int odd = 35 * 288 + 3 * 12;
        double[] scores = new double[rows];
        for (int i = 0; i < rows; i++) {
            long time = i * 300_000L;
            int hour = (int) (time / 3_600_000L % 24);
            double value = (hour >= 8 && hour < 20 ? 200 : 100) + 2 * random.nextGaussian();
            if (i == odd) {
                value = 200;
            }
            scores[i] = recognizer.next(time, value);
        }
        // At 3:00 on day 35, a daytime value.
        assertThat(highest(scores, 20 * 288)).isEqualTo(odd);
    }

    @Test
    void aFlatStreamIsNeverAnomalous() {
        double[] values = new double[2_000];
        Arrays.fill(values, 42.0);
        assertThat(scores(values)).containsOnly(0.0);
    }

    @Test
    void aScoreDependsOnlyOnWhatCameBefore() {
        double[] values = steady(1_500, 3);
        double[] other = values.clone();
        for (int i = 1_000; i < other.length; i++) {
            other[i] = 500;
        }
        assertThat(Arrays.copyOf(scores(values), 1_000)).containsExactly(Arrays.copyOf(scores(other), 1_000));
    }

    @Test
    void aModelTakenUpFromItsStateScoresAsIfItHadNeverStopped() {
        double[] values = steadyWithinAWideRange(3_000, 13);
        values[2_500] = 120;
        PatternRecognizer whole = new PatternRecognizer();
        PatternRecognizer first = new PatternRecognizer();
        double[] uninterrupted = new double[values.length];
        double[] resumed = new double[values.length];
        for (int i = 0; i < 1_700; i++) {
            long time = i * 60_000L;
            uninterrupted[i] = whole.next(time, values[i]);
            resumed[i] = first.next(time, values[i]);
        }
        PatternRecognizer.State stored = PatternRecognizer.State.decode(first.state().encode());
        assertThat(stored.seen()).isEqualTo(1_700);
        PatternRecognizer second = new PatternRecognizer(stored);
        for (int i = 1_700; i < values.length; i++) {
            long time = i * 60_000L;
            uninterrupted[i] = whole.next(time, values[i]);
            resumed[i] = second.next(time, values[i]);
        }
        assertThat(resumed).containsExactly(uninterrupted);
        assertThat(highest(resumed, 1_000)).isEqualTo(2_500);
    }

    @Test
    void bytesThatAreNotAStateAreRefused() {
        byte[] encoded = new PatternRecognizer().state().encode();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PatternRecognizer.State.decode(
                Arrays.copyOf(encoded, encoded.length - 1))).hasMessageContaining("cut short");
    }

    @Test
    void aStateOfAnotherModelVersionIsNotTakenUp() {
        PatternRecognizer.State state = new PatternRecognizer().state();
        PatternRecognizer.State older = new PatternRecognizer.State(PatternRecognizer.MODEL_VERSION - 1, state.seen(),
                state.level(), state.residuals(), state.longRun(), state.hours(), state.surprises(), state.surpriseFrequency(),
                state.peak(), state.range());
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new PatternRecognizer(older))
                .hasMessageContaining("model version");
    }
}
