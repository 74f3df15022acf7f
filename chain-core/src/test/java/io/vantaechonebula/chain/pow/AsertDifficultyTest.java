package io.vantaechonebula.chain.pow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vantaechonebula.chain.params.ChainParams;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** docs/chain-spec.md §4 (D1–D4). Simulated clock and hash power; seeds fixed so runs repeat. */
class AsertDifficultyTest {

    private static final double HASH_RATE = 1_000; // hashes per ms
    private static final int SEEDS = 20;

    @Test
    void d1_meanIntervalOver500BlocksIsWithinFivePercentOfTarget() {
        ChainParams params = DifficultySimulation.testnetLike(HASH_RATE);
        for (int seed = 0; seed < SEEDS; seed++) {
            DifficultySimulation run = new DifficultySimulation(params, seed, 500, h -> HASH_RATE);
            assertThat(run.meanInterval(1, 500)).as("seed " + seed).isCloseTo(5_000, within(250.0));
        }
    }

    @Test
    void d1_meanIntervalHoldsEvenWhenGenesisDifficultyIsThreeTimesTooEasy() {
        ChainParams params = DifficultySimulation.testnetLike(HASH_RATE);
        for (int seed = 0; seed < SEEDS; seed++) {
            DifficultySimulation run = new DifficultySimulation(params, seed, 500, h -> 3 * HASH_RATE);
            assertThat(run.meanInterval(1, 500)).as("seed " + seed).isCloseTo(5_000, within(250.0));
        }
    }

    @Test
    void d2_recoversWithinTwentyPercentFiftyBlocksAfterTenfoldMoreHashPower() {
        assertRecoversAfterStep(10);
    }

    @Test
    void d2_recoversWithinTwentyPercentFiftyBlocksAfterTenfoldLessHashPower() {
        assertRecoversAfterStep(0.1);
    }

    private static void assertRecoversAfterStep(double factor) {
        ChainParams params = DifficultySimulation.testnetLike(HASH_RATE);
        int step = 200;
        double[] perSeed = IntStream.range(0, SEEDS).mapToDouble(seed -> {
            DifficultySimulation run = new DifficultySimulation(params, seed, step + 100,
                    h -> h <= step ? HASH_RATE : HASH_RATE * factor);
            // Right after the step the interval is far off; 50 blocks later it is back.
            assertThat(run.meanExpectedInterval(step + 1, step + 5)).isNotCloseTo(5_000, within(1_000.0));
            return run.meanExpectedInterval(step + 50, step + 100);
        }).toArray();
        // One run's difficulty is a random walk driven by exponential solve times, so a single run can be
        // 30-40% off at any moment whatever the algorithm; the rule's own response is the mean over runs.
        assertThat(Arrays.stream(perSeed).average().orElseThrow()).as("mean over runs").isCloseTo(5_000, within(500.0));
        assertThat(Arrays.stream(perSeed).filter(interval -> Math.abs(interval - 5_000) <= 1_000).count())
                .as("runs within 20%% of target, hash power x%s", factor).isGreaterThanOrEqualTo(16);
    }

    @Test
    void d3_targetHalvesWhenOneHalfLifeAheadOfSchedule() {
        ChainParams params = DifficultySimulation.testnetLike(HASH_RATE);
        AsertDifficulty asert = new AsertDifficulty(params);
        long onSchedule = params.genesisTimestampMs() + params.targetBlockTimeMs() * 99;
        BigInteger atSchedule = asert.targetAt(100, onSchedule);
        assertThat(atSchedule).isEqualTo(params.genesisTarget());
        BigInteger early = asert.targetAt(100, onSchedule - params.halfLifeMs());
        BigInteger late = asert.targetAt(100, onSchedule + params.halfLifeMs());
        assertThat(early).isEqualTo(params.genesisTarget().shiftRight(1));
        assertThat(late).isEqualTo(params.genesisTarget().shiftLeft(1));
    }

    @Test
    void d3_targetNeverPassesThePowLimitNorFallsToZero() {
        ChainParams params = DifficultySimulation.testnetLike(HASH_RATE);
        AsertDifficulty asert = new AsertDifficulty(params);
        assertThat(asert.targetAt(2, params.genesisTimestampMs() + 1_000L * 86_400_000L)).isEqualTo(params.powLimit());
        assertThat(asert.targetAt(1_000_000, params.genesisTimestampMs())).isEqualTo(BigInteger.ONE);
    }

    @Test
    void d4_aSolveTimeCountsAtMostSixTargetIntervalsEitherWay() {
        ChainParams params = DifficultySimulation.testnetLike(HASH_RATE);
        AsertDifficulty asert = new AsertDifficulty(params);
        assertThat(asert.effectiveTime(1_000, 0, 3_600_000)).isEqualTo(1_000 + 30_000);
        assertThat(asert.effectiveTime(1_000, 100_000, 0)).isEqualTo(1_000 - 30_000);
        assertThat(asert.effectiveTime(1_000, 100_000, 104_000)).isEqualTo(5_000);
    }
}
