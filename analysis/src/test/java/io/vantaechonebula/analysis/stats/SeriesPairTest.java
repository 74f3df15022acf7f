package io.vantaechonebula.analysis.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class SeriesPairTest {

    @Test
    void findsTheLineThroughPointsOnALine() {
        SeriesPair pair = new SeriesPair();
        for (int x = 0; x < 10; x++) {
            pair.add(x, 2 * x + 1);
        }
        assertThat(pair.slope().getAsDouble()).isCloseTo(2, within(1e-12));
        assertThat(pair.predict(20).getAsDouble()).isCloseTo(41, within(1e-9));
        assertThat(pair.correlation().getAsDouble()).isCloseTo(1, within(1e-12));
    }

    @Test
    void matchesLeastSquaresOnScatteredPoints() {
        // Worked by hand: x = 1..4, y = 2, 3, 5, 4 gives slope 0.8, intercept 1.5, r = 0.8.
        SeriesPair pair = new SeriesPair();
        double[] ys = {2, 3, 5, 4};
        for (int i = 0; i < ys.length; i++) {
            pair.add(i + 1, ys[i]);
        }
        assertThat(pair.slope().getAsDouble()).isCloseTo(0.8, within(1e-12));
        assertThat(pair.predict(0).getAsDouble()).isCloseTo(1.5, within(1e-12));
        assertThat(pair.correlation().getAsDouble()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void hasNoLineWhileXHasNotVaried() {
        SeriesPair pair = new SeriesPair();
        pair.add(3, 1);
        pair.add(3, 2);
        pair.add(3, 5);
        assertThat(pair.slope()).isEmpty();
        assertThat(pair.correlation()).isEmpty();
    }

    @Test
    void takenUpFromItsStateItDrawsTheSameLine() {
        SeriesPair pair = new SeriesPair();
        pair.add(1, 2);
        pair.add(2, 3);
        SeriesPair restored = new SeriesPair(pair.state());
        pair.add(3, 5);
        restored.add(3, 5);
        assertThat(restored.state()).isEqualTo(pair.state());
    }
}
