package io.vantaechonebula.chain.pow;

import io.vantaechonebula.chain.params.ChainParams;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Map;
import java.util.Random;
import java.util.function.LongToDoubleFunction;

/**
 * Mines a chain on a simulated clock: each block's solve time is drawn from the exponential
 * distribution whose mean is the block's expected work divided by the hash rate at that height.
 */
final class DifficultySimulation {

    private final ChainParams params;
    private final AsertDifficulty difficulty;
    private final Random random;

    /** Interval of each block as mined, and as expected from its target and the hash rate (ms). */
    final double[] intervals;
    final double[] expectedIntervals;

    DifficultySimulation(ChainParams params, long seed, int blocks, LongToDoubleFunction hashesPerMsAtHeight) {
        this.params = params;
        this.difficulty = new AsertDifficulty(params);
        this.random = new Random(seed);
        this.intervals = new double[blocks + 1];
        this.expectedIntervals = new double[blocks + 1];
        long timestamp = params.genesisTimestampMs();
        long effective = timestamp;
        for (int height = 1; height <= blocks; height++) {
            BigInteger target = difficulty.targetAt(height, effective);
            double expected = new BigDecimal(ProofOfWork.work(target)).divide(
                    BigDecimal.valueOf(hashesPerMsAtHeight.applyAsDouble(height)), MathContext.DECIMAL64).doubleValue();
            long solve = Math.max(1, Math.round(-Math.log(1 - random.nextDouble()) * expected));
            long next = timestamp + solve;
            effective = difficulty.effectiveTime(effective, timestamp, next);
            intervals[height] = solve;
            expectedIntervals[height] = expected;
            timestamp = next;
        }
    }

    double meanInterval(int fromHeight, int toHeight) {
        double sum = 0;
        for (int h = fromHeight; h <= toHeight; h++) {
            sum += intervals[h];
        }
        return sum / (toHeight - fromHeight + 1);
    }

    double meanExpectedInterval(int fromHeight, int toHeight) {
        double sum = 0;
        for (int h = fromHeight; h <= toHeight; h++) {
            sum += expectedIntervals[h];
        }
        return sum / (toHeight - fromHeight + 1);
    }

    /** A chain with a 5 s target whose genesis target suits {@code hashesPerMs}. */
    static ChainParams testnetLike(double hashesPerMs) {
        long blockTime = 5_000;
        BigInteger genesisTarget = BigInteger.ONE.shiftLeft(256)
                .divide(BigDecimal.valueOf(hashesPerMs * blockTime).toBigInteger());
        return new ChainParams("sim", "sim-1", blockTime, 8 * blockTime, 6 * blockTime, 3 * blockTime,
                genesisTarget, BigInteger.ONE.shiftLeft(255), 1_700_000_000_000L, 0, 0, 100, 64, Map.of());
    }
}
